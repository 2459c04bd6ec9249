import 'reflect-metadata';

import { validatePayload } from '../jobs/job-handler.js';
import { FireDeadlinePayload, parseFireDeadlinePayload } from './deadline-fire.handler.js';

describe("deadline.fire's payload check", () => {
  const id = '5f2c0a7e-3b1d-4c8e-9a6f-0d2b7e4c1a93';
  const cases: unknown[] = [
    { deadlineId: id, seq: 1 },
    { deadlineId: id.toUpperCase(), seq: 12 },
    { deadlineId: id, seq: 3, extra: 'dropped' },
    { deadlineId: id, seq: 0 },
    { deadlineId: id, seq: -2 },
    { deadlineId: 'not-a-uuid', seq: 1 },
    { deadlineId: `${id}0`, seq: 1 },
    { deadlineId: id, seq: 1.5 },
    { deadlineId: id, seq: '1' },
    { deadlineId: id, seq: Number.NaN },
    { deadlineId: 42, seq: 1 },
    { seq: 1 },
    { deadlineId: id },
    {},
  ];

  it.each(cases)('says what class-validator says of %p', async (data) => {
    const expected = await validatePayload({ payloadType: FireDeadlinePayload }, data);
    const parsed = parseFireDeadlinePayload(data);
    expect(parsed).toEqual(expected);
    if ('payload' in parsed) expect(parsed.payload).toBeInstanceOf(FireDeadlinePayload);
  });

  it('keeps only the payload fields', () => {
    expect(parseFireDeadlinePayload({ deadlineId: id, seq: 3, extra: 'dropped' })).toEqual({
      payload: Object.assign(new FireDeadlinePayload(), { deadlineId: id, seq: 3 }),
    });
  });
});
