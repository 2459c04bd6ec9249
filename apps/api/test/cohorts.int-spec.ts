import { COHORT_EVENTS } from '@hundred/workflow';

import { codeOf } from './support/gql.js';
import { startTestApp, type TestApp } from './support/app.js';
import {
  advanceTo,
  COHORT_FIELDS,
  createCohort,
  dateFromNow,
  deadlinesOf,
  eventually,
  readCohort,
  settled,
  type CohortView,
} from './support/cohorts.js';

describe('cohorts: a calendar that runs itself, once, as the clock moves', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  const notificationsOf = async (userId: string, cohortId: string) =>
    (await app.dataSource.query(
      `SELECT kind, dedupe_key FROM notification WHERE user_id = $1 AND subject_id = $2 ORDER BY created_at`,
      [userId, cohortId],
    )) as { kind: string; dedupe_key: string }[];

  it('walks DRAFT → CLOSED, each scheduled transition and reminder firing exactly once', async () => {
    const { client: office, user: admin } = await app.signedIn(['ADMIN']);
    const { user: leader } = await app.signedIn(['LEADERSHIP']);
    const cohort = await createCohort(office, await dateFromNow(office, 50));
    expect(cohort.state).toBe('DRAFT');
    expect(cohort.calendarProblems).toEqual([]);
    expect(cohort.deadlines.map((d) => d.kind)).toEqual([
      'COHORT_OPEN_INTAKE',
      'INTAKE_CLOSE_REMINDER',
      'COHORT_CLOSE_INTAKE',
      'COHORT_START_PREPARATION',
      'LAUNCH_REMINDER',
      'COHORT_LAUNCH',
      'COHORT_OPEN_MIDPOINT',
      'COHORT_CLOSE_MIDPOINT',
      'COHORT_OPEN_RESULTS',
      'COHORT_START_SUSTAINMENT',
      'COHORT_CLOSE',
    ]);
    expect(cohort.deadlines.find((d) => d.kind === 'COHORT_LAUNCH')!.day).toBe(1);

    const expectedStates = [
      'INTAKE',
      'SELECTION',
      'PREPARATION',
      'EXECUTION',
      'MIDPOINT_REVIEW',
      'FINAL_STRETCH',
      'RESULTS',
      'SUSTAINMENT',
      'CLOSED',
    ];
    const rows = await deadlinesOf(app.dataSource, cohort.id);
    for (const d of rows) {
      // Nothing fires before its time.
      const [before] = (await app.dataSource.query(`SELECT state FROM deadline WHERE id = $1`, [d.id])) as {
        state: string;
      }[];
      expect([d.kind, before!.state]).toEqual([d.kind, 'PENDING']);
      await advanceTo(office, d.original_due_at);
      const after = await settled(app.dataSource, d.id, d.seq);
      expect([d.kind, after.state]).toEqual([d.kind, 'FIRED']);
    }

    const final = await readCohort(office, cohort.id);
    expect(final.state).toBe('CLOSED');
    expect(final.history.map((h) => [h.event, h.toState, h.caller])).toEqual(
      expectedStates.map((s, i) => [
        [
          'OPEN_INTAKE',
          'CLOSE_INTAKE',
          'START_PREPARATION',
          'LAUNCH',
          'OPEN_MIDPOINT',
          'CLOSE_MIDPOINT',
          'OPEN_RESULTS',
          'START_SUSTAINMENT',
          'CLOSE',
        ][i],
        s,
        'scheduler',
      ]),
    );
    // Every deadline settled exactly once, none left pending.
    const settledRows = await deadlinesOf(app.dataSource, cohort.id);
    expect(settledRows.every((d) => d.state === 'FIRED' && d.seq === 1)).toBe(true);
    // The office and leadership heard of each phase once.
    const phases = [
      'COHORT_LAUNCHED',
      'COHORT_MIDPOINT_CLOSED',
      'COHORT_RESULTS_OPENED',
      'COHORT_SUSTAINMENT_STARTED',
      'COHORT_CLOSED',
    ];
    const officeKinds = (await notificationsOf(admin.id, cohort.id)).map((n) => n.kind);
    expect(officeKinds.sort()).toEqual(
      [
        ...phases,
        'COHORT_INTAKE_OPENED',
        'COHORT_INTAKE_CLOSED',
        'COHORT_PREPARATION_STARTED',
        'COHORT_MIDPOINT_OPENED',
      ].sort(),
    );
    const leaderKinds = (await notificationsOf(leader.id, cohort.id)).map((n) => n.kind);
    expect(leaderKinds.sort()).toEqual([...phases].sort());
    // Audit rows of the transitions, with no actor: the scheduler acted.
    const audited = (await app.dataSource.query(
      `SELECT action, actor_id FROM audit_event WHERE subject_type = 'cohort' AND subject_id = $1 AND action <> 'cohort.created' ORDER BY id`,
      [cohort.id],
    )) as { action: string; actor_id: string | null }[];
    expect(audited).toHaveLength(9);
    expect(audited.every((a) => a.actor_id === null)).toBe(true);
  });

  it('walks through several due phases in order when the clock jumps past them at once', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, 50));
    const rows = await deadlinesOf(app.dataSource, cohort.id);
    const launch = rows.find((r) => r.kind === 'COHORT_LAUNCH')!;
    await advanceTo(office, launch.original_due_at);
    const c = await eventually(async () => {
      const c = await readCohort(office, cohort.id);
      return c.state === 'EXECUTION' && c;
    });
    expect(c.history.map((h) => h.event)).toEqual(['OPEN_INTAKE', 'CLOSE_INTAKE', 'START_PREPARATION', 'LAUNCH']);
  });

  it('leaves a blocked scheduled transition where it is, says what blocks it, and re-checks daily', async () => {
    const { client: office, user: admin } = await app.signedIn(['ADMIN']);
    // Intake closing before it opens: the draft is kept, but it cannot open.
    const cohort = await createCohort(office, await dateFromNow(office, 50), {
      offsets: { intakeOpens: -42, intakeCloses: -45 },
    });
    expect(cohort.calendarProblems.map((p) => [p.field, p.code])).toEqual([['offsets.intakeCloses', 'OUT_OF_ORDER']]);
    const open = (await deadlinesOf(app.dataSource, cohort.id)).find((d) => d.kind === 'COHORT_OPEN_INTAKE')!;
    await advanceTo(office, open.original_due_at);
    const blocked = await settled(app.dataSource, open.id, open.seq);
    expect(blocked).toMatchObject({ state: 'PENDING', checks: 1, blocked_by: ['CALENDAR_CONSISTENT'] });
    expect(blocked.due_at.getTime() - open.original_due_at.getTime()).toBeGreaterThanOrEqual(24 * 3600_000);
    const view = await readCohort(office, cohort.id);
    expect(view.state).toBe('DRAFT');
    expect(view.availableEvents.find((e) => e.event === 'OPEN_INTAKE')!.blockedBy).toEqual(['CALENDAR_CONSISTENT']);

    const told = (await app.dataSource.query(
      `SELECT kind, params FROM notification WHERE user_id = $1 AND subject_id = $2 AND kind = 'COHORT_TRANSITION_BLOCKED'`,
      [admin.id, cohort.id],
    )) as { kind: string; params: { blockers: string[]; event: string } }[];
    expect(told).toHaveLength(1);
    expect(told[0]!.params).toMatchObject({ event: 'OPEN_INTAKE', blockers: ['CALENDAR_CONSISTENT'] });
    const { myNotifications } = await office.data<{
      myNotifications: { title: string; body: string; subjectId: string }[];
    }>(`{ myNotifications { title body subjectId } }`);
    const en = myNotifications.find((n) => n.subjectId === cohort.id)!;
    expect(en.title).toBe(
      `Blocked: open intake of ${cohort.id ? 'Test cohort' : ''}`.replace('Test cohort', en.title.split(' of ')[1]!),
    );
    expect(en.body).toContain('the calendar is not consistent');

    // A day later it is checked again; still blocked for the same reason, nobody is told twice.
    await advanceTo(office, blocked.due_at);
    const again = await settled(app.dataSource, open.id, blocked.seq);
    expect(again).toMatchObject({ state: 'PENDING', checks: 2 });
    const [{ n }] = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND subject_id = $2 AND kind = 'COHORT_TRANSITION_BLOCKED'`,
      [admin.id, cohort.id],
    )) as { n: number }[];
    expect(n).toBe(1);

    // The office fixes the calendar: the overdue transition fires.
    const current = await readCohort(office, cohort.id);
    await office.data(`mutation ($input: UpdateCohortInput!) { updateCohort(input: $input) { id } }`, {
      input: {
        id: cohort.id,
        version: current.version,
        nameAr: 'الدفعة المصحّحة',
        nameEn: 'Fixed cohort',
        day1: current.day1,
        timeZone: 'Asia/Amman',
        weekendDays: [5, 6],
        holidays: [],
      },
    });
    await eventually(async () => (await readCohort(office, cohort.id)).state === 'INTAKE');
  });

  it('moves every pending deadline with day 1, and the moved ones still fire once', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, 60));
    const before = await deadlinesOf(app.dataSource, cohort.id);
    const later = new Date(new Date(`${cohort.day1}T00:00:00Z`).getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    const { updateCohort } = await office.data<{ updateCohort: CohortView }>(
      `mutation ($input: UpdateCohortInput!) { updateCohort(input: $input) { ${COHORT_FIELDS} } }`,
      {
        input: {
          id: cohort.id,
          version: cohort.version,
          nameAr: 'الدفعة المؤجلة',
          nameEn: 'Postponed cohort',
          day1: later,
          timeZone: 'Asia/Amman',
          weekendDays: [5, 6],
          holidays: [],
        },
      },
    );
    expect(updateCohort.day1).toBe(later);
    const after = await deadlinesOf(app.dataSource, cohort.id);
    expect(after).toHaveLength(before.length);
    for (const a of after) {
      const b = before.find((x) => x.id === a.id)!;
      expect(a.original_due_at.getTime() - b.original_due_at.getTime()).toBe(14 * 86_400_000);
      expect(a.seq).toBe(b.seq + 1);
    }
    // At the old time nothing happens; at the new one the cohort opens.
    const open = after.find((d) => d.kind === 'COHORT_OPEN_INTAKE')!;
    await advanceTo(office, before.find((d) => d.kind === 'COHORT_OPEN_INTAKE')!.original_due_at);
    await new Promise((r) => setTimeout(r, 300));
    expect((await readCohort(office, cohort.id)).state).toBe('DRAFT');
    await advanceTo(office, open.original_due_at);
    await settled(app.dataSource, open.id, open.seq);
    const opened = await readCohort(office, cohort.id);
    expect(opened.state).toBe('INTAKE');
    expect(opened.history.filter((h) => h.event === 'OPEN_INTAKE')).toHaveLength(1);
  });

  it('lets one of two concurrent transitions on the same version through; the other gets CONFLICT', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const { client: office2 } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, 90));
    const mutation = `mutation ($input: CohortEventInput!) { openCohortIntake(input: $input) { state version } }`;
    const [a, b] = await Promise.all([
      office.request(mutation, { input: { id: cohort.id, version: cohort.version } }),
      office2.request(mutation, { input: { id: cohort.id, version: cohort.version } }),
    ]);
    const codes = [codeOf(a), codeOf(b)].sort((x, y) => String(x).localeCompare(String(y)));
    expect(codes).toEqual(['CONFLICT', undefined]);
    const c = await readCohort(office, cohort.id);
    expect(c.history.map((h) => h.event)).toEqual(['OPEN_INTAKE']);
    expect(c.version).toBe(cohort.version + 1);
    // Firing it by hand settles the scheduled one as skipped; it will not fire again.
    const open = (await deadlinesOf(app.dataSource, cohort.id)).find((d) => d.kind === 'COHORT_OPEN_INTAKE')!;
    expect(open.state).toBe('SKIPPED');
    // Closing intake early by hand makes its closing and its reminder moot.
    await office.data(`mutation ($input: CohortEventInput!) { closeCohortIntake(input: $input) { state } }`, {
      input: { id: cohort.id, version: c.version },
    });
    const after = await deadlinesOf(app.dataSource, cohort.id);
    expect(
      after
        .filter((d) => d.state === 'SKIPPED')
        .map((d) => d.kind)
        .sort(),
    ).toEqual(['COHORT_CLOSE_INTAKE', 'COHORT_OPEN_INTAKE', 'INTAKE_CLOSE_REMINDER'].sort());
  });

  it('refuses transitions with typed errors: FORBIDDEN, NOT_ALLOWED naming the guard, CONFLICT', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const { client: focal } = await app.signedIn(['FOCAL_POINT']);
    const cohort = await createCohort(office, await dateFromNow(office, 90));
    const open = `mutation ($input: CohortEventInput!) { openCohortIntake(input: $input) { state } }`;
    expect(codeOf(await focal.request(open, { input: { id: cohort.id, version: 1 } }))).toBe('FORBIDDEN');
    office.lang = 'ar';
    const notYet = await office.request(
      `mutation ($input: CohortEventInput!) { closeCohortIntake(input: $input) { state } }`,
      {
        input: { id: cohort.id, version: 1 },
      },
    );
    expect(codeOf(notYet)).toBe('NOT_ALLOWED');
    expect(notYet.errors![0]!.extensions).toMatchObject({ guard: 'STATE', state: 'DRAFT' });
    const noReason = await office.request(
      `mutation ($input: CancelCohortInput!) { cancelCohort(input: $input) { state } }`,
      {
        input: { id: cohort.id, version: 1, reason: '   ' },
      },
    );
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0]!.extensions!.fields![0]).toEqual({ field: 'reason', message: 'حقل «السبب» مطلوب.' });
    expect(codeOf(await office.request(open, { input: { id: cohort.id, version: 7 } }))).toBe('CONFLICT');
    const cancelled = await office.data<{ cancelCohort: { state: string } }>(
      `mutation ($input: CancelCohortInput!) { cancelCohort(input: $input) { state } }`,
      { input: { id: cohort.id, version: 1, reason: 'أُعيد ترتيب الأولويات' } },
    );
    expect(cancelled.cancelCohort.state).toBe('CANCELLED');
    expect((await deadlinesOf(app.dataSource, cohort.id)).every((d) => d.state === 'CANCELLED')).toBe(true);
  });

  it('lists the same cohorts whether the page asks only for stored fields or also for worked-out ones', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const day1 = await dateFromNow(office, 40);
    const a = await createCohort(office, day1);
    const plain = await office.data<{ cohorts: Record<string, unknown>[] }>(
      `{ cohorts(limit: 100) { id state version nameEn day1 weekendDays holidays } }`,
    );
    const full = await office.data<{ cohorts: Record<string, unknown>[] }>(
      `{ cohorts(limit: 100) { id state version nameEn day1 weekendDays holidays currentDay } }`,
    );
    expect(full.cohorts.map(({ currentDay: _, ...rest }) => rest)).toEqual(plain.cohorts);
    const mine = plain.cohorts.find((c) => c.id === a.id);
    expect(mine).toMatchObject({ state: 'DRAFT', version: a.version, day1 });
    expect(mine?.nameEn).toMatch(/^Test cohort/);
    expect(full.cohorts.find((c) => c.id === a.id)?.currentDay).toBeLessThan(0);
  });

  it('validates a cohort with one localised message per field', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    office.lang = 'en';
    const res = await office.request(`mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
      input: {
        nameAr: 'Cohort',
        nameEn: 'Cohort',
        day1: '2027-02-30',
        timeZone: 'Mars/Base',
        weekendDays: [5, 9],
        holidays: ['x'],
        minReviewers: 0,
      },
    });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const byField = Object.fromEntries(res.errors![0]!.extensions!.fields!.map((f) => [f.field, f.message]));
    expect(byField).toMatchObject({
      nameAr: 'Arabic name must be written in Arabic.',
      minReviewers: 'Minimum reviewers per team must be from 1 to 10.',
    });
    const second = await office.request(
      `mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }`,
      {
        input: {
          nameAr: 'دفعة',
          nameEn: 'Cohort',
          day1: '2027-02-30',
          timeZone: 'Mars/Base',
          weekendDays: [5, 9],
          holidays: ['x'],
        },
      },
    );
    const fields = Object.fromEntries(second.errors![0]!.extensions!.fields!.map((f) => [f.field, f.message]));
    expect(fields).toEqual({
      timeZone: '"Mars/Base" is not a known time zone (use a name such as Asia/Amman).',
      day1: '"2027-02-30" is not a date (YYYY-MM-DD).',
      weekendDays: 'Weekdays are 1 (Monday) to 7 (Sunday).',
      'holidays.0': '"x" is not a date (YYYY-MM-DD).',
    });
    expect(COHORT_EVENTS).toContain('LAUNCH');
  });

  it('moves the clock only for the office, and only where configuration allows', async () => {
    const { client: focal } = await app.signedIn(['FOCAL_POINT']);
    const res = await focal.request(`mutation { advanceClock(input: { days: 1 }) { now } }`);
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});
