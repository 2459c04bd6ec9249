import { checkHandlerCoverage } from './job-handler.js';
import { JOB_NAMES, JOBS, jobId, QUEUES, SCHEDULES } from './job-catalog.js';

describe('the job catalogue', () => {
  it('binds every job to a known queue and every schedule to a known job', () => {
    for (const name of JOB_NAMES) expect(QUEUES).toContain(JOBS[name].queue);
    for (const s of SCHEDULES) expect(JOB_NAMES).toContain(s.job);
  });

  it('finds missing, doubled and unknown handlers', () => {
    expect(checkHandlerCoverage(['a', 'b', 'c'], ['a', 'a', 'd'])).toEqual({
      missing: ['b', 'c'],
      duplicated: ['a'],
      unknown: ['d'],
    });
    expect(checkHandlerCoverage(['a'], ['a'])).toEqual({ missing: [], duplicated: [], unknown: [] });
  });

  it('builds fixed job ids and refuses a colon in them', () => {
    expect(jobId('deadline', '5f2c')).toBe('deadline-5f2c');
    expect(() => jobId('a:b')).toThrow(/must not contain/);
  });
});
