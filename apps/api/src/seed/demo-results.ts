import { checkInDueTimes, localDateOf, type Actor, type GlobalRole } from '@hundred/domain';
import type { ChallengeEvent, CohortEvent } from '@hundred/workflow';
import type { INestApplicationContext } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';

import { ChallengeService } from '../challenges/challenge.service.js';
import { ClockService } from '../clock/clock.service.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { CohortService } from '../cohorts/cohort.service.js';
import { ResultsService } from '../results/results.service.js';
import { AssignmentsService } from '../reviews/assignments.service.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import { SustainmentService } from '../sustainment/sustainment.service.js';
import { ChangeRequestsService } from '../teams/change-requests.service.js';
import { GoalsService } from '../teams/goals.service.js';
import { MembersService } from '../teams/members.service.js';
import { TeamService } from '../teams/team.service.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { RESULTS_PEOPLE, RESULTS_TEAMS, type ResultsTeam } from './demo-results-data.js';

const SUSTAINMENT_NAME = 'Accelerator cohort 2025 (sustainment)';
const RESULTS_NAME = 'Accelerator cohort 2025 B (results)';
/** Day 185 of the sustainment cohort: its day-130 checkpoint has passed, the day-190 one is open. */
const SUSTAINMENT_DAY = 185;
/** Day 124 of the results cohort: its report is late, and its first checkpoint opens once sustainment starts. */
const RESULTS_DAY = 124;

/**
 * Day 100 and after, through the services as people would have done it: a cohort in sustainment
 * whose teams reached each outcome (plans signed, a checkpoint reported, one overdue, one team
 * closed as scaled, one plan changed after its pledge and waiting for the sponsor again), and a
 * cohort whose team is writing its day-100 report. Runs once, after the rest of the demo.
 */
export async function seedResults(app: INestApplicationContext, argon2MemoryKib: number): Promise<boolean> {
  const ds = app.get(DataSource);
  const [existing] = (await ds.query(`SELECT id FROM cohort WHERE name_en = $1`, [SUSTAINMENT_NAME])) as {
    id: string;
  }[];
  if (existing) return false;

  const hash = await argon2.hash(DEMO_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: argon2MemoryKib,
    timeCost: 2,
    parallelism: 1,
  });
  for (const p of RESULTS_PEOPLE) {
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
  const tags = (
    (await ds.query(`SELECT id FROM alignment_node WHERE parent_id IS NOT NULL ORDER BY sort LIMIT 1`)) as {
      id: string;
    }[]
  ).map((n) => n.id);
  const office = actor('office@hundred.example');
  const minister = actor('minister@hundred.example');
  const reviewer = actor('reviewer@hundred.example');
  const member = actor('member.results@hundred.example');

  const cohorts = app.get(CohortService);
  const challenges = app.get(ChallengeService);
  const clock = app.get(ClockService);
  const people = app.get(MembersService);
  const goals = app.get(GoalsService);
  const teams = app.get(TeamService);
  const changes = app.get(ChangeRequestsService);
  const assignments = app.get(AssignmentsService);
  const reviews = app.get(ReviewsService);
  const results = app.get(ResultsService);
  const sustainment = app.get(SustainmentService);
  const dateIn = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const teamVersion = async (id: string) =>
    ((await ds.query(`SELECT version FROM team WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
  const fireCohort = async (id: string, event: CohortEvent) => {
    const c = (await cohorts.byId(id))!;
    return cohorts.fire(id, c.version, event, office, {}, null);
  };
  const fireChallenge = async (who: Actor, id: string, event: ChallengeEvent) => {
    const c = await challenges.visible(who, id);
    return challenges.fire(who, id, c.version, event, {}, null);
  };

  /** A cohort whose day `day` is today, taken from intake through launch and the mid-point to day 100. */
  const cohortAt = async (nameAr: string, nameEn: string, day: number, specs: ResultsTeam[]) => {
    const cohort = await cohorts.create(
      {
        nameAr,
        nameEn,
        day1: dateIn(1 - day),
        timeZone: 'Asia/Amman',
        weekendDays: [5, 6],
        holidays: [],
        minReviewers: 1,
        approvalsRequired: 1,
        minTeamMembers: 2,
        minTeamAgencies: 2,
        checkInEscalationRepeatWeeks: 4,
      },
      office.id,
      null,
    );
    await fireCohort(cohort.id, 'OPEN_INTAKE');
    for (const s of specs) {
      const focal = actor(s.focal);
      const c = await challenges.create(
        focal,
        {
          cohortId: cohort.id,
          titleAr: s.titleAr,
          titleEn: s.titleEn,
          problemAr: s.goalAr,
          problemEn: s.goalEn,
          whyAr: s.narrative || s.goalAr,
          whyEn: s.goalEn,
          baselineAr: s.kpis.map((k) => `${k.nameAr}: ${k.baseline}`).join('، '),
          baselineEn: s.kpis.map((k) => `${k.nameEn}: ${k.baseline}`).join(', '),
          ambitionAr: s.goalAr,
          ambitionEn: s.goalEn,
          leadAgencyId: agencies.get(s.agency)!,
          partnerAgencyIds: [agencies.get(s.partner)!],
          alignmentNodeIds: tags,
          proposedSponsorId: null,
          proposedTeamLeadId: null,
          attachments: [{ title: 'عرض التحدي', url: 'https://accelerators.example.gov/briefs' }],
        },
        null,
      );
      await fireChallenge(focal, c.id, 'SUBMIT');
      await fireChallenge(office, c.id, 'START_SCREENING');
      const screened = await challenges.visible(office, c.id);
      await challenges.score(office, {
        id: c.id,
        version: screened.version,
        scores: ['CLEAR_AMBITIOUS_GOAL', 'TOUCHES_LIVES', 'NEEDS_SEVERAL_AGENCIES', 'ACHIEVABLE_IN_100_DAYS'].map(
          (criterion) => ({ criterion, score: 4, comment: 'مناسب للدفعة' }),
        ),
      });
      const scored = await challenges.visible(office, c.id);
      await challenges.nameLeaders(office, {
        id: c.id,
        version: scored.version,
        proposedSponsorId: actor(s.sponsor).id,
        proposedTeamLeadId: actor(s.lead).id,
      });
      await fireChallenge(office, c.id, 'RECOMMEND');
      await fireChallenge(minister, c.id, 'APPROVE');
    }
    await fireCohort(cohort.id, 'CLOSE_INTAKE');
    await fireCohort(cohort.id, 'START_PREPARATION');

    const made = new Map<ResultsTeam['key'], { teamId: string; kpiIds: string[] }>();
    for (const s of specs) {
      const [row] = (await ds.query(
        `SELECT t.id FROM team t JOIN challenge c ON c.id = t.challenge_id WHERE c.title_en = $1 AND t.cohort_id = $2`,
        [s.titleEn, cohort.id],
      )) as { id: string }[];
      const teamId = row!.id;
      const lead = actor(s.lead);
      await people.addMember(lead, { teamId, userId: member.id, role: 'TEAM_MEMBER' });
      const goal = await goals.createGoal(lead, {
        teamId,
        titleAr: s.goalAr,
        titleEn: s.goalEn,
        alignmentNodeIds: [],
        sort: 0,
      });
      const kpiIds: string[] = [];
      for (const [i, k] of s.kpis.entries()) {
        const kpi = await goals.createKpi(lead, {
          goalId: goal.id,
          nameAr: k.nameAr,
          nameEn: k.nameEn,
          unit: k.unit,
          direction: k.direction,
          baseline: k.baseline,
          target: k.target,
          dataSource: 'النظام الإلكتروني للجهة',
          isProxy: false,
          sort: i,
        });
        kpiIds.push(kpi.id);
      }
      const submitted = await teams.fire(lead, teamId, await teamVersion(teamId), 'SUBMIT_GOALS', {}, null);
      await teams.fire(office, teamId, submitted.version, 'APPROVE_GOALS', {}, null);
      made.set(s.key, { teamId, kpiIds });
    }
    await fireCohort(cohort.id, 'LAUNCH');
    // A target moved by a change request during the 100 days: reports show it beside the original.
    for (const s of specs) {
      const { kpiIds } = made.get(s.key)!;
      for (const [i, k] of s.kpis.entries()) {
        if (k.changedTarget === undefined) continue;
        const proposed = await changes.proposeChange(actor(s.lead), {
          kpiId: kpiIds[i]!,
          baseline: k.baseline,
          target: k.changedTarget,
          reason: 'تأخر الربط مع نظام إدارة المدارس خارج إرادة الفريق',
        });
        await changes.decideChange(office, proposed.id, proposed.version, 'APPROVE', null);
      }
    }

    // The fourteen weeks as the teams reported them: each KPI moving from its baseline to its final value.
    const cal = calendarOf((await cohorts.byId(cohort.id))!);
    const due = checkInDueTimes(cal).filter((d) => d.getTime() < clock.now().getTime());
    for (const s of specs) {
      const { teamId, kpiIds } = made.get(s.key)!;
      for (const [w, dueAt] of due.entries()) {
        const at = new Date(dueAt.getTime() - 5 * 3600_000);
        const share = (w + 1) / due.length;
        const [ci] = (await ds.query(
          `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, blockers, confidence)
           VALUES ($1, $2, $3, $4, false, $5, '', $6) RETURNING id`,
          [teamId, w + 1, member.id, at, 'تقدّم هذا الأسبوع كما في الخطة.', s.key === 'NOT_ACHIEVED' ? 'LOW' : 'HIGH'],
        )) as { id: string }[];
        for (const [i, k] of s.kpis.entries()) {
          const value = Math.round((k.baseline + (k.final - k.baseline) * share) * 10) / 10;
          await ds.query(
            `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ($1, $2, $3, $4, $5)`,
            [ci!.id, kpiIds[i], value, localDateOf(cal, at), 'تقرير أسبوعي مستخرج من النظام'],
          );
        }
      }
    }

    // The mid-point: one reviewer a team, the review due date passed, the office decides to continue.
    for (const { teamId } of made.values()) await assignments.assign(office, { teamId, reviewerId: reviewer.id });
    await fireCohort(cohort.id, 'OPEN_MIDPOINT');
    for (const { teamId } of made.values()) {
      await reviews.decide(
        office,
        {
          teamId,
          version: await teamVersion(teamId),
          decision: 'CONTINUE',
          reason: 'الفريق على المسار',
          corrections: '',
        },
        null,
      );
    }
    await fireCohort(cohort.id, 'CLOSE_MIDPOINT');
    // Day 100 is the scheduler's: results open and the teams start reporting.
    await ds.transaction((manager) => cohorts.fireIn(manager, cohort.id, null, 'OPEN_RESULTS', { kind: 'scheduler' }));
    return { cohort, made, cal };
  };

  // The final report of a team, with every value; submitted unless it is the one still being written.
  const report = async (s: ResultsTeam, teamId: string, kpiIds: string[], day100: string, submit: boolean) => {
    const lead = actor(s.lead);
    await results.saveReport(lead, {
      teamId,
      version: null,
      values: s.kpis
        .slice(0, submit ? s.kpis.length : 1)
        .map((k, i) => ({ kpiId: kpiIds[i]!, value: k.final, asOf: day100, evidence: 'تقرير اليوم المئة من النظام' })),
      narrative: s.narrative,
      lessons: s.lessons,
      scaling: s.scaling,
    });
    if (!submit) return;
    await results.submitReport(lead, { id: teamId, version: await teamVersion(teamId) }, null);
    const proposal = await results.outcomeProposal(teamId);
    await results.recordOutcome(
      office,
      { id: teamId, version: await teamVersion(teamId), outcome: proposal.outcome, reason: '' },
      null,
    );
  };

  // The cohort in sustainment.
  const sustained = RESULTS_TEAMS.filter((s) => s.key !== 'REPORTING');
  const first = await cohortAt('الدفعة التجريبية 2025', SUSTAINMENT_NAME, SUSTAINMENT_DAY, sustained);
  const day100Of = (cal: ReturnType<typeof calendarOf>) => {
    const [y, m, d] = cal.day1.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d! + 99)).toISOString().slice(0, 10);
  };
  for (const s of sustained) {
    const { teamId, kpiIds } = first.made.get(s.key)!;
    await report(s, teamId, kpiIds, day100Of(first.cal), true);
  }
  await fireCohort(first.cohort.id, 'START_SUSTAINMENT');
  for (const s of sustained) {
    const { teamId, kpiIds } = first.made.get(s.key)!;
    const lead = actor(s.lead);
    const owner = agencies.get(s.agency)!;
    const action = {
      descriptionAr: s.actionAr,
      descriptionEn: s.actionEn,
      responsibleAgencyId: owner,
      dueDate: dateIn(90),
    };
    const plan = await sustainment.savePlan(lead, {
      teamId,
      version: null,
      ownerAgencyId: owner,
      actions: [action],
      kpiIds,
    });
    await sustainment.signPledge(actor(s.sponsor), { teamId, planVersion: plan.version });
    if (s.key === 'NOT_ACHIEVED') {
      // The plan changed after the sponsor signed: the pledge is void and the sponsor is asked again.
      await sustainment.savePlan(lead, {
        teamId,
        version: plan.version,
        ownerAgencyId: owner,
        actions: [
          action,
          {
            descriptionAr: 'اتفاقية مع سلطة الموانئ على مسار أخضر مشترك',
            descriptionEn: 'An agreement with the Ports Authority on a shared green lane',
            responsibleAgencyId: agencies.get(s.partner)!,
            dueDate: dateIn(120),
          },
        ],
        kpiIds,
      });
      continue;
    }
    await sustainment.start(office, { id: teamId, version: await teamVersion(teamId) }, null);
    // The day-130 checkpoint: reported late by the owner agency, except by the team that left it overdue.
    if (s.kpis[0]!.checkpoints.length > 0) {
      await sustainment.reportCheckpoint(actor(s.focal), {
        teamId,
        index: 0,
        note: 'النتيجة مستمرة بعد اليوم المئة.',
        values: s.kpis.map((k, i) => ({
          kpiId: kpiIds[i]!,
          value: k.checkpoints[0]!,
          asOf: dateIn(-1),
          evidence: 'تقرير ربعي من النظام',
        })),
      });
    }
    if (s.key === 'SCALED') {
      await sustainment.close(
        office,
        {
          id: teamId,
          version: await teamVersion(teamId),
          status: 'SCALED',
          scaledTo: 'بلديات إربد الكبرى والزرقاء',
          reason: 'عُمِّمت التجربة قبل آخر نقطة متابعة بقرار مجلس الوزراء.',
        },
        null,
      );
    }
  }

  // The cohort whose team is still writing its day-100 report (a draft with one value in).
  const writing = RESULTS_TEAMS.filter((s) => s.key === 'REPORTING');
  const second = await cohortAt('الدفعة التجريبية 2025 ب', RESULTS_NAME, RESULTS_DAY, writing);
  for (const s of writing) {
    const { teamId, kpiIds } = second.made.get(s.key)!;
    await report(s, teamId, kpiIds, day100Of(second.cal), false);
  }
  return true;
}
