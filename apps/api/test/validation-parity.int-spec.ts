import { CHECK_IN_TEXT_MAX, checkInProblems, missingChallengeFields, type CheckInDraft } from '@hundred/domain';

import { startTestApp, type TestApp } from './support/app.js';
import { clockNow, createCohort, dateFromNow } from './support/cohorts.js';
import type { GqlClient } from './support/gql.js';
import { addMember, insertTeam } from './support/teams.js';

/**
 * The web checks a form before sending it with the rules of libs/domain; the API must refuse the
 * same inputs for the same fields, or the two would tell a person different things. Each input is
 * checked by the domain rule and sent through GraphQL, and the fields named must be the same.
 */
describe('client and server validation say the same', () => {
  let app: TestApp;
  let office: GqlClient;
  beforeAll(async () => {
    app = await startTestApp();
    office = (await app.signedIn(['ADMIN'])).client;
  });
  afterAll(() => app.close());

  describe('a check-in', () => {
    let member: GqlClient;
    let teamId: string;
    let days: string;
    let percent: string;
    let today: string;
    const dayFrom = (offset: number) =>
      new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

    beforeAll(async () => {
      const cohort = await createCohort(office, await dateFromNow(office, -10));
      await app.dataSource.query(`UPDATE cohort SET state = 'EXECUTION' WHERE id = $1`, [cohort.id]);
      const agency = await app.createAgency();
      const signedIn = await app.signedIn([], { agencyId: agency.id });
      member = signedIn.client;
      teamId = await insertTeam(app, cohort.id, agency.id, 'فريق التحقق');
      await app.dataSource.query(`UPDATE team SET state = 'ACTIVE' WHERE id = $1`, [teamId]);
      await addMember(app, teamId, signedIn.user.id, 'TEAM_MEMBER');
      const [goal] = (await app.dataSource.query(
        `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'هدف', 'Goal') RETURNING id`,
        [teamId],
      )) as { id: string }[];
      const kpi = async (unit: string) =>
        (
          (await app.dataSource.query(
            `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source)
             VALUES ($1, $2, 'مؤشر', 'KPI', $3, 'DECREASE', 30, 7, 'سجلات') RETURNING id`,
            [goal!.id, teamId, unit],
          )) as { id: string }[]
        )[0]!.id;
      days = await kpi('DAYS');
      percent = await kpi('PERCENT');
      today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Amman' }).format(await clockNow(office));
    });

    /** The draft and what is sent for it: the i-th value is of `kpis[i]`. */
    const cases: { name: string; draft: () => CheckInDraft & { kpis?: ('days' | 'percent')[] } }[] = [
      {
        name: 'complete',
        draft: () => ({
          values: [{ value: 21, asOf: dayFrom(-1), evidence: 'سجل الرخص' }],
          narrative: 'أنجزنا مراجعة الإجراءات',
          blockers: '',
          helpNeeded: '',
          confidence: 'MEDIUM',
        }),
      },
      {
        name: 'no values and no narrative',
        draft: () => ({ values: [], narrative: '   ', blockers: '', helpNeeded: '', confidence: 'LOW' }),
      },
      {
        name: 'a value below zero, without a date or evidence',
        draft: () => ({
          values: [{ value: -3, asOf: '', evidence: '' }],
          narrative: 'تحديث',
          blockers: '',
          helpNeeded: '',
          confidence: 'HIGH',
        }),
      },
      {
        name: 'a date in the future and a percentage over 100',
        draft: () => ({
          kpis: ['days', 'percent'],
          values: [
            { value: 12, asOf: dayFrom(3), evidence: 'تقرير' },
            { value: 140, asOf: dayFrom(-2), evidence: 'تقرير', percent: true },
          ],
          narrative: 'تحديث',
          blockers: '',
          helpNeeded: '',
          confidence: 'HIGH',
        }),
      },
      {
        name: 'texts too long',
        draft: () => ({
          values: [{ value: 12, asOf: dayFrom(-1), evidence: 'تقرير' }],
          narrative: 'ن'.repeat(CHECK_IN_TEXT_MAX + 1),
          blockers: 'ع'.repeat(CHECK_IN_TEXT_MAX + 1),
          helpNeeded: '',
          confidence: 'HIGH',
        }),
      },
    ];

    it.each(cases)('$name', async ({ draft: make }) => {
      const { kpis = ['days'], ...draft } = make();
      const expected = Object.keys(checkInProblems(draft, today)).sort();
      const res = await member.request(
        `mutation ($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { id } }`,
        {
          input: {
            teamId,
            values: draft.values.map((v, i) => ({
              kpiId: kpis[i] === 'percent' ? percent : days,
              value: v.value,
              asOf: v.asOf,
              evidence: v.evidence,
            })),
            narrative: draft.narrative,
            blockers: draft.blockers,
            helpNeeded: draft.helpNeeded,
            confidence: draft.confidence,
          },
        },
      );
      const named = (res.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field).sort();
      expect(named).toEqual(expected);
      if (expected.length > 0) expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      else expect(res.errors).toBeUndefined();
    });
  });

  describe("a challenge's fields required to submit", () => {
    const full = {
      titleAr: 'تقليص مدة رخصة البناء',
      titleEn: 'Cut building permit time',
      problemAr: 'تستغرق ثلاثين يوماً',
      whyAr: 'يمسّ الناس',
      baselineAr: '30 يوماً',
      ambitionAr: '7 أيام',
    };
    const blanks: Partial<Record<keyof typeof full, string>>[] = [
      {},
      { titleEn: '' },
      { problemAr: '  ', whyAr: '' },
      { titleAr: '', titleEn: '', problemAr: '', whyAr: '', baselineAr: '', ambitionAr: '' },
    ];

    it.each(blanks)('with %o left blank, and no alignment tag', async (blank) => {
      const cohort = await createCohort(office, await dateFromNow(office, 60));
      const agency = await app.createAgency();
      const fields = { ...full, ...blank, leadAgencyId: agency.id, alignmentNodeIds: [] as string[] };
      const { createChallenge } = await office.data<{ createChallenge: { missingFields: string[] } }>(
        `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { missingFields } }`,
        { input: { cohortId: cohort.id, ...fields } },
      );
      expect([...createChallenge.missingFields].sort()).toEqual([...missingChallengeFields(fields)].sort());
    });
  });
});
