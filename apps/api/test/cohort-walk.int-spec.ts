import { DEADLINE_KINDS } from '@hundred/workflow';

import { startTestApp, type TestApp } from './support/app.js';
import {
  completeFields,
  draftChallenge,
  fireOk,
  scoreAll,
  CHALLENGE_FIELDS,
  type ChallengeView,
} from './support/challenges.js';
import { advanceTo, clockNow, createCohort, dateFromNow, eventually, settled } from './support/cohorts.js';

const CRITERIA = ['PROGRESS', 'EVIDENCE_QUALITY', 'COLLABORATION', 'RISK_MANAGEMENT', 'LIKELIHOOD'];

/**
 * One cohort from DRAFT to CLOSED through GraphQL as the clock moves: intake, screening, approval,
 * goals, launch, weekly check-ins, the mid-point review, results, sustainment and its three
 * checkpoints. Every deadline of PRODUCT.md section 5 fires, each exactly once, and no notification
 * is sent twice.
 */
describe('a cohort from draft to closed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  it('fires every deadline of the calendar once and tells everyone once', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const { client: minister } = await app.signedIn(['LEADERSHIP']);
    const lead = await app.createAgency();
    const partner = await app.createAgency();
    const { client: focal } = await app.signedIn(['FOCAL_POINT'], { agencyId: lead.id });
    const leader = await app.signedIn([], { agencyId: lead.id });
    const member = await app.signedIn([], { agencyId: partner.id });
    const sponsor = await app.signedIn([], { agencyId: lead.id });
    const r1 = await app.signedIn(['REVIEWER'], { agencyId: (await app.createAgency()).id });
    const r2 = await app.signedIn(['REVIEWER'], { agencyId: (await app.createAgency()).id });
    const { createAlignmentNode: vision } = await office.data<{ createAlignmentNode: { id: string } }>(
      `mutation { createAlignmentNode(input: { nameAr: "رؤية", nameEn: "Vision", sort: 0 }) { id } }`,
    );
    const w = { agencyId: lead.id, nodeId: vision.id };

    const created = await createCohort(office, await dateFromNow(office, 50), { minReviewers: 1, minTeamMembers: 2 });
    const cohortId = created.id;
    const deadline = async (kind: string, subjectId = cohortId, key?: string) =>
      (
        (await app.dataSource.query(
          `SELECT id, seq, original_due_at, due_at FROM deadline WHERE kind = $1 AND subject_id = $2 AND ($3::text IS NULL OR key = $3)`,
          [kind, subjectId, key ?? null],
        )) as { id: string; seq: number; original_due_at: Date; due_at: Date }[]
      )[0]!;
    const fire = async (kind: string, subjectId = cohortId, key?: string) => {
      const d = await deadline(kind, subjectId, key);
      await advanceTo(office, d.original_due_at);
      await settled(app.dataSource, d.id, d.seq);
    };
    const state = async () =>
      ((await app.dataSource.query(`SELECT state FROM cohort WHERE id = $1`, [cohortId])) as { state: string }[])[0]!
        .state;
    const teamRow = async (id: string) =>
      (
        (await app.dataSource.query(`SELECT state, version FROM team WHERE id = $1`, [id])) as {
          state: string;
          version: number;
        }[]
      )[0]!;
    const today = async () => (await clockNow(office)).toISOString().slice(0, 10);

    // Intake opens on its day; the agency drafts three challenges and submits two.
    await fire('COHORT_OPEN_INTAKE');
    expect(await state()).toBe('INTAKE');
    let c1 = await draftChallenge(focal, cohortId, completeFields(w));
    let c2 = await draftChallenge(
      focal,
      cohortId,
      completeFields(w, { titleEn: 'Halve waiting times at health centres' }),
    );
    await draftChallenge(focal, cohortId, completeFields(w, { titleEn: 'A draft never sent' }));
    c1 = await fireOk(focal, 'submitChallenge', { id: c1.id, version: c1.version });
    c2 = await fireOk(focal, 'submitChallenge', { id: c2.id, version: c2.version });
    // The first is screened at once and recommended; the second waits past its reminder and escalation.
    c1 = await fireOk(office, 'startChallengeScreening', { id: c1.id, version: c1.version });
    c1 = await scoreAll(office, c1);
    c1 = (
      await office.data<{ nameChallengeLeaders: ChallengeView }>(
        `mutation ($input: NameChallengeLeadersInput!) { nameChallengeLeaders(input: $input) { ${CHALLENGE_FIELDS} } }`,
        {
          input: {
            id: c1.id,
            version: c1.version,
            proposedSponsorId: sponsor.user.id,
            proposedTeamLeadId: leader.user.id,
          },
        },
      )
    ).nameChallengeLeaders;
    c1 = await fireOk(office, 'recommendChallenge', { id: c1.id, version: c1.version });
    await fire('SCREENING_REMINDER', c2.id);
    await fire('SCREENING_ESCALATION', c2.id);
    c2 = await fireOk(office, 'startChallengeScreening', { id: c2.id, version: c2.version });
    await fireOk(office, 'declineChallenge', { id: c2.id, version: c2.version, reason: 'خارج نطاق الدفعة' });
    // Leadership is reminded of the decision, and the office told when it is late; then it is approved.
    await fire('DECISION_REMINDER', c1.id);
    await fire('DECISION_OVERDUE', c1.id);
    await fire('INTAKE_CLOSE_REMINDER');
    c1 = await fireOk(minister, 'approveChallenge', { id: c1.id, version: c1.version });
    const teamId = c1.teamId!;
    expect(c1.state).toBe('APPROVED');
    await fire('COHORT_CLOSE_INTAKE');
    expect(await state()).toBe('SELECTION');
    await fire('COHORT_START_PREPARATION');
    expect(await state()).toBe('PREPARATION');

    // The team forms; its goals come after their reminder and their due time.
    await leader.client.data(`mutation ($i: TeamMemberInput!) { addTeamMember(input: $i) { id } }`, {
      i: { teamId, userId: member.user.id, role: 'TEAM_MEMBER' },
    });
    const { createGoal } = await leader.client.data<{ createGoal: { id: string } }>(
      `mutation ($i: CreateGoalInput!) { createGoal(input: $i) { id } }`,
      { i: { teamId, titleAr: 'تسريع الرخص', titleEn: 'Faster permits' } },
    );
    const { createKpi } = await leader.client.data<{ createKpi: { id: string } }>(
      `mutation ($i: CreateKpiInput!) { createKpi(input: $i) { id } }`,
      {
        i: {
          goalId: createGoal.id,
          nameAr: 'مدة الإصدار',
          nameEn: 'Days to issue',
          unit: 'DAYS',
          direction: 'DECREASE',
          baseline: 30,
          target: 7,
          dataSource: 'النظام',
        },
      },
    );
    await fire('GOALS_REMINDER', teamId);
    await fire('GOALS_OVERDUE', teamId);
    await leader.client.data(`mutation ($i: TeamEventInput!) { submitTeamGoals(input: $i) { state } }`, {
      i: { id: teamId, version: (await teamRow(teamId)).version },
    });
    await office.data(`mutation ($i: TeamEventInput!) { approveTeamGoals(input: $i) { state } }`, {
      i: { id: teamId, version: (await teamRow(teamId)).version },
    });
    await fire('LAUNCH_REMINDER');
    await fire('COHORT_LAUNCH');
    expect([await state(), (await teamRow(teamId)).state]).toEqual(['EXECUTION', 'ACTIVE']);

    // Weekly check-ins: weeks 1 and 2 in time; weeks 3–6 without one (reminded, then escalated at two).
    const checkIn = async (week: number) =>
      member.client.data(`mutation ($i: SubmitCheckInInput!) { submitCheckIn(input: $i) { id } }`, {
        i: {
          teamId,
          week,
          values: [{ kpiId: createKpi.id, value: 30 - week, asOf: await today(), evidence: 'تقرير أسبوعي' }],
          narrative: 'تقدّم',
          confidence: 'MEDIUM',
        },
      });
    for (const week of [1, 2]) {
      await fire('CHECK_IN_REMINDER', teamId, `CHECK_IN_REMINDER#${week}`);
      await checkIn(week);
      await fire('CHECK_IN_DUE', teamId, `CHECK_IN_DUE#${week}`);
    }
    // Reviewers, before day 45.
    for (const r of [r1, r2])
      await office.data(`mutation ($i: AssignReviewerInput!) { assignReviewer(input: $i) { id } }`, {
        i: { teamId, reviewerId: r.user.id },
      });
    await fire('COHORT_OPEN_MIDPOINT');
    expect(await state()).toBe('MIDPOINT_REVIEW');
    const reviewId = (
      (await app.dataSource.query(`SELECT id FROM review WHERE team_id = $1`, [teamId])) as { id: string }[]
    )[0]!.id;
    const [a1] = (await app.dataSource.query(
      `SELECT id, version FROM assessment WHERE team_id = $1 AND reviewer_id = $2`,
      [teamId, r1.user.id],
    )) as { id: string; version: number }[];
    await r1.client.data(`mutation ($i: AssessmentFieldsInput!) { submitAssessment(input: $i) { id } }`, {
      i: {
        id: a1!.id,
        version: a1!.version,
        scores: CRITERIA.map((criterion) => ({ criterion, score: 4, comment: '' })),
        recommendation: 'CONTINUE',
      },
    });
    await fire('ASSESSMENTS_REMINDER', reviewId);
    await fire('ASSESSMENTS_OVERDUE', reviewId);
    await office.data(`mutation ($i: DecideMidpointInput!) { decideMidpoint(input: $i) { state } }`, {
      i: { teamId, version: (await teamRow(teamId)).version, decision: 'CONTINUE', reason: 'على المسار' },
    });
    await fire('COHORT_CLOSE_MIDPOINT');
    expect(await state()).toBe('FINAL_STRETCH');

    // Day 100: the report, late; the outcome; sustainment.
    await fire('COHORT_OPEN_RESULTS');
    expect([await state(), (await teamRow(teamId)).state]).toEqual(['RESULTS', 'REPORTING']);
    await fire('FINAL_REPORT_REMINDER', teamId);
    const startSustainment = await deadline('COHORT_START_SUSTAINMENT');
    await fire('FINAL_REPORT_OVERDUE', teamId);
    await settled(app.dataSource, startSustainment.id, startSustainment.seq);
    expect(await state()).toBe('RESULTS');
    await leader.client.data(`mutation ($i: SaveFinalReportInput!) { saveFinalReport(input: $i) { id } }`, {
      i: {
        teamId,
        values: [{ kpiId: createKpi.id, value: 7, asOf: await today(), evidence: 'تقرير النظام' }],
        narrative: 'بلغنا الهدف',
      },
    });
    await leader.client.data(`mutation ($i: TeamEventInput!) { submitFinalReport(input: $i) { state } }`, {
      i: { id: teamId, version: (await teamRow(teamId)).version },
    });
    await office.data(`mutation ($i: RecordOutcomeInput!) { recordTeamOutcome(input: $i) { state } }`, {
      i: { id: teamId, version: (await teamRow(teamId)).version, outcome: 'ACHIEVED' },
    });
    const recheck = await deadline('COHORT_START_SUSTAINMENT');
    await advanceTo(office, recheck.due_at);
    await eventually(async () => (await state()) === 'SUSTAINMENT');
    const plan = (
      await leader.client.data<{ saveSustainmentPlan: { version: number } }>(
        `mutation ($i: SaveSustainmentPlanInput!) { saveSustainmentPlan(input: $i) { version } }`,
        {
          i: {
            teamId,
            ownerAgencyId: lead.id,
            actions: [{ descriptionAr: 'اعتماد المسار السريع', responsibleAgencyId: lead.id, dueDate: '2028-01-31' }],
            kpiIds: [createKpi.id],
          },
        },
      )
    ).saveSustainmentPlan;
    await sponsor.client.data(`mutation ($i: SignPledgeInput!) { signSustainmentPledge(input: $i) { version } }`, {
      i: { teamId, planVersion: plan.version },
    });
    await office.data(`mutation ($i: TeamEventInput!) { startTeamSustainment(input: $i) { state } }`, {
      i: { id: teamId, version: (await teamRow(teamId)).version },
    });

    // Three checkpoints: the first and the last reported after their reminders, the second missed.
    const report = async (index: number) =>
      focal.data(`mutation ($i: ReportCheckpointInput!) { reportCheckpoint(input: $i) { id } }`, {
        i: {
          teamId,
          index,
          values: [{ kpiId: createKpi.id, value: 7, asOf: await today(), evidence: 'تقرير ربعي' }],
          note: 'ما زال الأثر قائماً',
        },
      });
    for (const n of [1, 2, 3]) {
      await fire('CHECKPOINT_REMINDER', teamId, `CHECKPOINT_REMINDER#${n}`);
      if (n !== 2) await report(n - 1);
      await fire('CHECKPOINT_OVERDUE', teamId, `CHECKPOINT_OVERDUE#${n}`);
    }
    await office.data(`mutation ($i: CloseSustainmentInput!) { closeTeamSustainment(input: $i) { state } }`, {
      i: { id: teamId, version: (await teamRow(teamId)).version, status: 'SUSTAINED' },
    });
    await fire('COHORT_CLOSE');
    expect(await state()).toBe('CLOSED');

    // The cohort walked every phase once.
    const history = (await app.dataSource.query(
      `SELECT event FROM transition_history WHERE subject_type = 'cohort' AND subject_id = $1 ORDER BY id`,
      [cohortId],
    )) as { event: string }[];
    expect(history.map((h) => h.event)).toEqual([
      'OPEN_INTAKE',
      'CLOSE_INTAKE',
      'START_PREPARATION',
      'LAUNCH',
      'OPEN_MIDPOINT',
      'CLOSE_MIDPOINT',
      'OPEN_RESULTS',
      'START_SUSTAINMENT',
      'CLOSE',
    ]);
    // Every deadline is settled, none pending; every kind of PRODUCT.md section 5 fired.
    const rows = (await app.dataSource.query(`SELECT kind, state FROM deadline WHERE cohort_id = $1`, [cohortId])) as {
      kind: string;
      state: string;
    }[];
    expect(rows.filter((r) => r.state === 'PENDING')).toEqual([]);
    const fired = new Set(rows.filter((r) => r.state === 'FIRED').map((r) => r.kind));
    const kinds = Object.values(DEADLINE_KINDS).flat();
    expect(kinds.filter((k) => !fired.has(k))).toEqual([]);
    // Each deadline fired exactly once: one history row per cohort transition (above), and no
    // notification repeated (same person, kind, subject and content).
    const repeated = (await app.dataSource.query(
      `SELECT n.user_id, n.kind, n.subject_id, n.params::text, count(*)::int AS n
         FROM notification n
        WHERE n.subject_id = ANY($1::uuid[])
        GROUP BY n.user_id, n.kind, n.subject_id, n.params::text HAVING count(*) > 1`,
      [[cohortId, teamId, c1.id, c2.id, reviewId, a1!.id]],
    )) as unknown[];
    expect(repeated).toEqual([]);
    const [{ n: notifications }] = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE subject_id = ANY($1::uuid[])`,
      [[cohortId, teamId, c1.id, c2.id, reviewId, a1!.id]],
    )) as { n: number }[];
    console.log(
      JSON.stringify({ deadlines: rows.length, fired: rows.filter((r) => r.state === 'FIRED').length, notifications }),
    );
  }, 300_000);
});
