import { checkInDueTimes, localDateOf, type Actor, type GlobalRole } from '@hundred/domain';
import type { ChallengeEvent, CohortEvent } from '@hundred/workflow';
import type { INestApplicationContext } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';

import { AlignmentService } from '../alignment/alignment.service.js';
import { ChallengeService } from '../challenges/challenge.service.js';
import { ClockService } from '../clock/clock.service.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { CohortService } from '../cohorts/cohort.service.js';
import { GoalsService } from '../teams/goals.service.js';
import { MembersService } from '../teams/members.service.js';
import { TeamService } from '../teams/team.service.js';
import { DEMO_PASSWORD } from './demo-data.js';
import {
  DEMO_ALIGNMENT,
  DEMO_CHALLENGES,
  DEMO_PEOPLE,
  DEMO_TEAMS,
  type DemoChallenge,
  type DemoNode,
} from './demo-workflow-data.js';

const EXECUTION_NAME = 'Accelerator cohort 1 (2026)';
const NARRATIVES = [
  'عقدنا ورشة لرسم الإجراءات الحالية وحددنا الخطوات التي يمكن إلغاؤها.',
  'بدأ تطبيق الإجراء المختصر في موقعين تجريبيين مع متابعة يومية للأرقام.',
  'وسّعنا التطبيق إلى مواقع إضافية وأطلقنا حملة توعية للمراجعين.',
];
const RUBRIC_COMMENTS = [
  'هدف قابل للقياس وطموح',
  'أثر مباشر على المواطنين',
  'يتطلب تعاون أكثر من جهة',
  'قابل للتحقيق مع التزام الجهات',
];

/**
 * The living part of the demo: an alignment tree, a cohort in execution with approved
 * challenges and their teams, and a cohort in intake with challenges at every step. Driven
 * through the services (history, audit and deadlines are real); it runs once.
 */
export async function seedWorkflow(app: INestApplicationContext, argon2MemoryKib: number): Promise<boolean> {
  const ds = app.get(DataSource);
  const [existing] = (await ds.query(`SELECT id FROM cohort WHERE name_en = $1`, [EXECUTION_NAME])) as { id: string }[];
  if (existing) return false;

  const hash = await argon2.hash(DEMO_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: argon2MemoryKib,
    timeCost: 2,
    parallelism: 1,
  });
  for (const p of DEMO_PEOPLE) {
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
  const office = actor('office@hundred.example');
  const minister = actor('minister@hundred.example');

  // The alignment tree.
  const alignment = app.get(AlignmentService);
  const nodes = new Map<string, string>();
  const addNode = async (n: DemoNode, parentId: string | null, sort: number) => {
    const created = await alignment.create(
      { parentId, nameAr: n.nameAr, nameEn: n.nameEn, code: null, sort },
      office.id,
    );
    nodes.set(n.key, created.id);
    for (const [i, child] of (n.children ?? []).entries()) await addNode(child, created.id, i);
  };
  await addNode(DEMO_ALIGNMENT, null, 0);

  const cohorts = app.get(CohortService);
  const challenges = app.get(ChallengeService);
  const clock = app.get(ClockService);
  const today = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const cohortFields = (nameAr: string, nameEn: string, day1: string) => ({
    nameAr,
    nameEn,
    day1,
    timeZone: 'Asia/Amman',
    weekendDays: [5, 6],
    holidays: [],
    minReviewers: 2,
    approvalsRequired: 1,
    minTeamMembers: 3,
    minTeamAgencies: 2,
    checkInEscalationRepeatWeeks: 4,
  });
  const fireCohort = async (id: string, event: CohortEvent) => {
    const c = (await cohorts.byId(id))!;
    return cohorts.fire(id, c.version, event, office, {}, null);
  };

  const execution = await cohorts.create(
    cohortFields('الدفعة الأولى 2026', EXECUTION_NAME, today(-19)),
    office.id,
    null,
  );
  const intake = await cohorts.create(
    cohortFields('الدفعة الثانية 2027', 'Accelerator cohort 2 (2027)', today(36)),
    office.id,
    null,
  );
  await fireCohort(execution.id, 'OPEN_INTAKE');
  await fireCohort(intake.id, 'OPEN_INTAKE');

  const fire = async (who: Actor, id: string, event: ChallengeEvent, params = {}) => {
    const c = await challenges.visible(who, id);
    return challenges.fire(who, id, c.version, event, params, null);
  };
  const draft = async (d: DemoChallenge, cohortId: string) => {
    const focal = actor(d.focal);
    return challenges.create(
      focal,
      {
        cohortId,
        titleAr: d.titleAr,
        titleEn: d.titleEn,
        problemAr: d.problemAr,
        problemEn: d.problemEn,
        whyAr: d.whyAr,
        whyEn: d.whyEn,
        baselineAr: d.baselineAr,
        baselineEn: d.baselineEn,
        ambitionAr: d.ambitionAr,
        ambitionEn: d.ambitionEn,
        leadAgencyId: agencies.get(d.agency)!,
        partnerAgencyIds: d.partners.map((p) => agencies.get(p)!),
        alignmentNodeIds: d.tags.map((t) => nodes.get(t)!),
        proposedSponsorId: null,
        proposedTeamLeadId: null,
        attachments:
          d.target === 'DRAFT' ? [] : [{ title: 'عرض التحدي', url: 'https://accelerators.example.gov/briefs' }],
      },
      null,
    );
  };
  /** Takes a challenge as far as its target state, the way the office and leadership would. */
  const advance = async (d: DemoChallenge, id: string) => {
    const focal = actor(d.focal);
    if (d.target === 'DRAFT') return;
    await fire(focal, id, 'SUBMIT');
    if (d.target === 'SUBMITTED') return;
    if (d.target === 'WITHDRAWN') return void (await fire(focal, id, 'WITHDRAW'));
    await fire(office, id, 'START_SCREENING');
    if (d.target === 'RETURNED') return void (await fire(office, id, 'RETURN', { comment: d.note }));
    if (d.target === 'IN_SCREENING') return;
    const c = await challenges.visible(office, id);
    await challenges.score(office, {
      id,
      version: c.version,
      scores: ['CLEAR_AMBITIOUS_GOAL', 'TOUCHES_LIVES', 'NEEDS_SEVERAL_AGENCIES', 'ACHIEVABLE_IN_100_DAYS'].map(
        (criterion, i) => ({
          criterion,
          score: d.target === 'REJECTED' ? 2 + (i % 2) : 4 + (i % 2),
          comment: RUBRIC_COMMENTS[i]!,
        }),
      ),
    });
    if (d.sponsor && d.lead) {
      const named = await challenges.visible(office, id);
      await challenges.nameLeaders(office, {
        id,
        version: named.version,
        proposedSponsorId: actor(d.sponsor).id,
        proposedTeamLeadId: actor(d.lead).id,
      });
    }
    await fire(office, id, 'RECOMMEND');
    if (d.target === 'RECOMMENDED') return;
    if (d.target === 'REJECTED') return void (await fire(minister, id, 'REJECT', { reason: d.note }));
    if (d.target === 'DEFERRED') return void (await fire(minister, id, 'DEFER', { reason: d.note }));
    await fire(minister, id, 'APPROVE');
  };

  for (const d of DEMO_CHALLENGES.filter((x) => x.cohort === 'EXECUTION')) {
    const c = await draft(d, execution.id);
    await advance(d, c.id);
  }
  await fireCohort(execution.id, 'CLOSE_INTAKE');
  await fireCohort(execution.id, 'START_PREPARATION');
  const people = app.get(MembersService);
  const goals = app.get(GoalsService);
  const teams = app.get(TeamService);
  const teamOf = new Map<string, { teamId: string; kpiIds: string[]; lead: Actor; members: Actor[] }>();
  for (const t of DEMO_TEAMS) {
    const [row] = (await ds.query(
      `SELECT t.id, c.proposed_team_lead_id FROM team t JOIN challenge c ON c.id = t.challenge_id WHERE c.title_en = $1 AND t.cohort_id = $2`,
      [t.challengeTitleEn, execution.id],
    )) as { id: string; proposed_team_lead_id: string }[];
    const lead = [...users.values()].find((u) => u.id === row!.proposed_team_lead_id)!;
    const members = t.members.map(actor);
    for (const m of members) await people.addMember(lead, { teamId: row!.id, userId: m.id, role: 'TEAM_MEMBER' });
    await people.addMember(office, { teamId: row!.id, userId: actor('coach@hundred.example').id, role: 'COACH' });
    const goal = await goals.createGoal(lead, {
      teamId: row!.id,
      titleAr: t.goalAr,
      titleEn: t.goalEn,
      alignmentNodeIds: [],
      sort: 0,
    });
    const kpiIds: string[] = [];
    for (const [i, k] of t.kpis.entries()) {
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
    const forming = (await ds.query(`SELECT version FROM team WHERE id = $1`, [row!.id])) as { version: number }[];
    const submitted = await teams.fire(lead, row!.id, forming[0]!.version, 'SUBMIT_GOALS', {}, null);
    await teams.fire(office, row!.id, submitted.version, 'APPROVE_GOALS', {}, null);
    teamOf.set(t.challengeTitleEn, { teamId: row!.id, kpiIds, lead, members });
  }
  await fireCohort(execution.id, 'LAUNCH');

  // The weeks already behind the cohort: check-ins as the teams sent them (on time, by a member).
  const cal = calendarOf((await cohorts.byId(execution.id))!);
  const due = checkInDueTimes(cal).filter((d) => d.getTime() < clock.now().getTime());
  for (const t of DEMO_TEAMS) {
    const { teamId, kpiIds, members } = teamOf.get(t.challengeTitleEn)!;
    for (const [w, dueAt] of due.entries()) {
      const values = t.kpis
        .map((k, i) => ({ kpiId: kpiIds[i]!, value: k.weekly[w] }))
        .filter((v): v is { kpiId: string; value: number } => v.value != null);
      if (!values.length) continue;
      const at = new Date(dueAt.getTime() - 5 * 3600_000);
      const [ci] = (await ds.query(
        `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, blockers, confidence)
         VALUES ($1, $2, $3, $4, false, $5, $6, $7) RETURNING id`,
        [
          teamId,
          w + 1,
          members[w % members.length]!.id,
          at,
          NARRATIVES[w % NARRATIVES.length],
          w === 1 ? 'بانتظار توقيع مذكرة تبادل البيانات' : '',
          t.confidence[w] ?? 'MEDIUM',
        ],
      )) as { id: string }[];
      for (const v of values) {
        await ds.query(
          `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ($1, $2, $3, $4, $5)`,
          [ci!.id, v.kpiId, v.value, localDateOf(cal, at), 'تقرير أسبوعي مستخرج من النظام'],
        );
      }
    }
  }

  for (const d of DEMO_CHALLENGES.filter((x) => x.cohort === 'INTAKE')) {
    const c = await draft(d, intake.id);
    await advance(d, c.id);
  }
  return true;
}
