import { checkInDueTimes, localDateOf, MIDPOINT_CRITERIA, type Actor, type GlobalRole } from '@hundred/domain';
import type { ChallengeEvent, CohortEvent } from '@hundred/workflow';
import type { INestApplicationContext } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';

import { ChallengeService } from '../challenges/challenge.service.js';
import { ClockService } from '../clock/clock.service.js';
import { AppError } from '../common/app-error.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { CohortService } from '../cohorts/cohort.service.js';
import { AssessmentsService } from '../reviews/assessments.service.js';
import { AssignmentsService } from '../reviews/assignments.service.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import { GoalsService } from '../teams/goals.service.js';
import { MembersService } from '../teams/members.service.js';
import { TeamService } from '../teams/team.service.js';
import { DEMO_PASSWORD, DEMO_REVIEWERS } from './demo-data.js';
import { MIDPOINT_PEOPLE, MIDPOINT_TEAMS, type DemoAssessment } from './demo-reviews-data.js';

const EXECUTION_NAME = 'Accelerator cohort 1 (2026)';
const MIDPOINT_NAME = 'Accelerator cohort 3 (2026)';
const NARRATIVES = [
  'ثبّتنا خط الأساس واتفقنا مع الجهات الشريكة على مصدر البيانات.',
  'بدأنا التجربة في موقع واحد ونتابع الأرقام يومياً.',
  'وسّعنا التطبيق وعالجنا أول العوائق مع الجهة الشريكة.',
];

/**
 * The mid-point review in the demo, through the services as the office and the reviewers would
 * have done it (history, audit, notifications and deadlines are real); it runs once, after
 * seedWorkflow:
 * - the first cohort (in execution) gets its reviewers from the office's proposal, confirmed; the
 *   office's attempt to add a reviewer of a team's lead agency is refused; one reviewer declares a
 *   conflict on a team, which is left one reviewer short;
 * - a third cohort, past its mid-point, with five teams: two assessments submitted on each, a
 *   decision of each kind on four, and one still under review where the reviewers disagree and
 *   the demo reviewer (reviewer@hundred.example) has an assessment to do.
 */
export async function seedReviews(app: INestApplicationContext, argon2MemoryKib: number): Promise<boolean> {
  const ds = app.get(DataSource);
  const [existing] = (await ds.query(`SELECT id FROM cohort WHERE name_en = $1`, [MIDPOINT_NAME])) as { id: string }[];
  if (existing) return false;
  const [execution] = (await ds.query(`SELECT id FROM cohort WHERE name_en = $1`, [EXECUTION_NAME])) as {
    id: string;
  }[];
  if (!execution) throw new Error('the first demo cohort is missing: seedWorkflow runs first');

  const hash = await argon2.hash(DEMO_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: argon2MemoryKib,
    timeCost: 2,
    parallelism: 1,
  });
  for (const p of [...DEMO_REVIEWERS, ...MIDPOINT_PEOPLE]) {
    await ds.query(
      `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
       SELECT $1, $2, $3, id, 'ar', $5, $6 FROM agency WHERE code = $4 ON CONFLICT (email) DO NOTHING`,
      [p.email, p.nameAr, p.nameEn, p.agency, p.roles, hash],
    );
  }
  const users = new Map(
    (
      (await ds.query(`SELECT id, email, agency_id, roles FROM app_user`)) as {
        id: string;
        email: string;
        agency_id: string;
        roles: GlobalRole[];
      }[]
    ).map((u) => [u.email, { id: u.id, agencyId: u.agency_id, roles: u.roles } satisfies Actor]),
  );
  const agencies = new Map(
    ((await ds.query(`SELECT id, code FROM agency`)) as { id: string; code: string }[]).map((a) => [a.code, a.id]),
  );
  const actor = (email: string): Actor => {
    const u = users.get(email);
    if (!u) throw new Error(`demo user ${email} is missing`);
    return u;
  };
  const nodes = new Map(
    ((await ds.query(`SELECT id, name_en FROM alignment_node`)) as { id: string; name_en: string }[]).map((n) => [
      n.name_en,
      n.id,
    ]),
  );
  const office = actor('office@hundred.example');
  const minister = actor('minister@hundred.example');
  const assignments = app.get(AssignmentsService);
  const assessments = app.get(AssessmentsService);

  // ---------------------------------------------------------------- the first cohort's reviewers
  const proposal = await assignments.propose(office, execution.id);
  await assignments.confirm(office, {
    cohortId: execution.id,
    teams: proposal.map((p) => ({ teamId: p.teamId, reviewerIds: [...p.reviewerIds] })),
  });
  // The office tries a reviewer of the health ministry on the health ministry's own team: refused.
  const [healthTeam] = (await ds.query(
    `SELECT t.id FROM team t JOIN agency a ON a.id = t.lead_agency_id WHERE t.cohort_id = $1 AND a.code = 'MOH'`,
    [execution.id],
  )) as { id: string }[];
  const refused = await assignments
    .assign(office, { teamId: healthTeam!.id, reviewerId: actor('reviewer.health@hundred.example').id })
    .then(
      () => null,
      (e: unknown) => e,
    );
  if (!(refused instanceof AppError) || refused.details.conflict !== 'LEAD_AGENCY')
    throw new Error('the conflicting assignment was not refused');
  // The demo reviewer finds they advised one of their teams, and says so.
  const [declared] = (await ds.query(
    `SELECT a.id, a.version FROM assessment a JOIN review r ON r.id = a.review_id
      WHERE r.cohort_id = $1 AND a.reviewer_id = $2 AND a.state = 'ASSIGNED' ORDER BY a.assigned_at, a.id LIMIT 1`,
    [execution.id, actor('reviewer@hundred.example').id],
  )) as { id: string; version: number }[];
  if (declared)
    await assessments.declareConflict(actor('reviewer@hundred.example'), {
      id: declared.id,
      version: declared.version,
      reason: 'قدّمت استشارة لهذا الفريق قبل انضمامي إلى المراجعين.',
    });

  // ---------------------------------------------------------------- the third cohort, past its mid-point
  const cohorts = app.get(CohortService);
  const challenges = app.get(ChallengeService);
  const clock = app.get(ClockService);
  const day1 = new Date(clock.now().getTime() - 49 * 86_400_000).toISOString().slice(0, 10);
  const cohort = await cohorts.create(
    {
      nameAr: 'الدفعة الثالثة 2026',
      nameEn: MIDPOINT_NAME,
      day1,
      timeZone: 'Asia/Amman',
      weekendDays: [5, 6],
      holidays: [],
      minReviewers: 2,
      approvalsRequired: 1,
      minTeamMembers: 3,
      minTeamAgencies: 2,
      checkInEscalationRepeatWeeks: 4,
    },
    office.id,
    null,
  );
  const fireCohort = async (event: CohortEvent) => {
    const c = (await cohorts.byId(cohort.id))!;
    return cohorts.fire(cohort.id, c.version, event, office, {}, null);
  };
  const fire = async (who: Actor, id: string, event: ChallengeEvent) => {
    const c = await challenges.visible(who, id);
    return challenges.fire(who, id, c.version, event, {}, null);
  };
  await fireCohort('OPEN_INTAKE');
  for (const d of MIDPOINT_TEAMS) {
    const focal = actor(d.focal);
    const c = await challenges.create(
      focal,
      {
        cohortId: cohort.id,
        titleAr: d.titleAr,
        titleEn: d.titleEn,
        problemAr: d.problemAr,
        problemEn: d.problemEn,
        whyAr: 'يمسّ الخدمة اليومية للمواطنين.',
        whyEn: 'It touches a service citizens use every day.',
        baselineAr: d.kpis[0]!.dataSource,
        baselineEn: d.kpis[0]!.nameEn,
        ambitionAr: d.goalAr,
        ambitionEn: d.goalEn,
        leadAgencyId: agencies.get(d.agency)!,
        partnerAgencyIds: d.partners.map((p) => agencies.get(p)!),
        alignmentNodeIds: [nodes.get(d.indicator)!],
        proposedSponsorId: null,
        proposedTeamLeadId: null,
        attachments: [{ title: 'عرض التحدي', url: 'https://accelerators.example.gov/briefs' }],
      },
      null,
    );
    await fire(focal, c.id, 'SUBMIT');
    await fire(office, c.id, 'START_SCREENING');
    const screened = await challenges.visible(office, c.id);
    await challenges.score(office, {
      id: c.id,
      version: screened.version,
      scores: ['CLEAR_AMBITIOUS_GOAL', 'TOUCHES_LIVES', 'NEEDS_SEVERAL_AGENCIES', 'ACHIEVABLE_IN_100_DAYS'].map(
        (criterion) => ({ criterion, score: 4, comment: 'مناسب للمسرّعة' }),
      ),
    });
    const named = await challenges.visible(office, c.id);
    await challenges.nameLeaders(office, {
      id: c.id,
      version: named.version,
      proposedSponsorId: actor(d.sponsor).id,
      proposedTeamLeadId: actor(d.lead).id,
    });
    await fire(office, c.id, 'RECOMMEND');
    await fire(minister, c.id, 'APPROVE');
  }
  await fireCohort('CLOSE_INTAKE');
  await fireCohort('START_PREPARATION');

  const people = app.get(MembersService);
  const goals = app.get(GoalsService);
  const teams = app.get(TeamService);
  const teamOf = new Map<string, { teamId: string; kpiIds: string[]; members: Actor[] }>();
  for (const d of MIDPOINT_TEAMS) {
    const [row] = (await ds.query(
      `SELECT t.id FROM team t JOIN challenge c ON c.id = t.challenge_id WHERE c.title_en = $1 AND t.cohort_id = $2`,
      [d.titleEn, cohort.id],
    )) as { id: string }[];
    const teamId = row!.id;
    const lead = actor(d.lead);
    const members = d.members.map(actor);
    for (const m of members) await people.addMember(lead, { teamId, userId: m.id, role: 'TEAM_MEMBER' });
    await people.addMember(office, { teamId, userId: actor('coach@hundred.example').id, role: 'COACH' });
    const goal = await goals.createGoal(lead, {
      teamId,
      titleAr: d.goalAr,
      titleEn: d.goalEn,
      alignmentNodeIds: [],
      sort: 0,
    });
    const kpiIds: string[] = [];
    for (const [i, k] of d.kpis.entries()) {
      const kpi = await goals.createKpi(lead, {
        goalId: goal.id,
        nameAr: k.nameAr,
        nameEn: k.nameEn,
        unit: k.unit,
        direction: k.direction,
        baseline: k.baseline,
        target: k.target,
        dataSource: k.dataSource,
        isProxy: false,
        sort: i,
      });
      kpiIds.push(kpi.id);
    }
    const [forming] = (await ds.query(`SELECT version FROM team WHERE id = $1`, [teamId])) as { version: number }[];
    const submitted = await teams.fire(lead, teamId, forming!.version, 'SUBMIT_GOALS', {}, null);
    await teams.fire(office, teamId, submitted.version, 'APPROVE_GOALS', {}, null);
    teamOf.set(d.titleEn, { teamId, kpiIds, members });
  }
  await fireCohort('LAUNCH');

  // The seven weeks behind the cohort: check-ins as the teams sent them.
  const cal = calendarOf((await cohorts.byId(cohort.id))!);
  const due = checkInDueTimes(cal).filter((d) => d.getTime() < clock.now().getTime());
  for (const d of MIDPOINT_TEAMS) {
    const { teamId, kpiIds, members } = teamOf.get(d.titleEn)!;
    for (const [w, dueAt] of due.entries()) {
      const values = d.kpis
        .map((k, i) => ({ kpiId: kpiIds[i]!, value: k.weekly[w] }))
        .filter((v): v is { kpiId: string; value: number } => v.value != null);
      if (!values.length) continue;
      const at = new Date(dueAt.getTime() - 5 * 3600_000);
      const [ci] = (await ds.query(
        `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, blockers, confidence)
         VALUES ($1, $2, $3, $4, false, $5, '', 'MEDIUM') RETURNING id`,
        [teamId, w + 1, members[w % members.length]!.id, at, NARRATIVES[w % NARRATIVES.length]],
      )) as { id: string }[];
      for (const v of values) {
        await ds.query(
          `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ($1, $2, $3, $4, $5)`,
          [ci!.id, v.kpiId, v.value, localDateOf(cal, at), 'تقرير أسبوعي مستخرج من النظام'],
        );
      }
    }
  }

  // Reviewers assigned by the office; the mid-point opened (day 45 is behind the cohort).
  for (const d of MIDPOINT_TEAMS) {
    const { teamId } = teamOf.get(d.titleEn)!;
    for (const r of d.reviewers) await assignments.assign(office, { teamId, reviewerId: actor(r).id });
  }
  await fireCohort('OPEN_MIDPOINT');

  // What the reviewers wrote, then the office's decisions.
  const write = async (teamId: string, a: DemoAssessment) => {
    const reviewer = actor(a.reviewer);
    const [row] = (await ds.query(
      `SELECT id, version FROM assessment WHERE team_id = $1 AND reviewer_id = $2 AND state <> 'UNASSIGNED'`,
      [teamId, reviewer.id],
    )) as { id: string; version: number }[];
    const fields = {
      id: row!.id,
      version: row!.version,
      scores: MIDPOINT_CRITERIA.map((criterion, i) => ({ criterion, score: a.scores[i]!, comment: a.comments[i]! })),
      recommendation: a.recommendation,
      comment: a.comment,
    };
    // A draft first, as a reviewer would save one, then the submission.
    const draft = await assessments.saveDraft(reviewer, { ...fields, recommendation: null });
    await assessments.submit(reviewer, { ...fields, version: draft.version });
  };
  const reviews = app.get(ReviewsService);
  for (const d of MIDPOINT_TEAMS) {
    const { teamId } = teamOf.get(d.titleEn)!;
    for (const a of d.assessments) await write(teamId, a);
    if (!d.decision) continue;
    const [team] = (await ds.query(`SELECT version FROM team WHERE id = $1`, [teamId])) as { version: number }[];
    await reviews.decide(
      office,
      {
        teamId,
        version: team!.version,
        decision: d.decision.decision,
        reason: d.decision.reason,
        corrections: d.decision.corrections ?? '',
      },
      null,
    );
  }
  return true;
}
