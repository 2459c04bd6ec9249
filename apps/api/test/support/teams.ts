import type { TestApp, TestUser } from './app.js';
import { createCohort, dateFromNow, type CohortView } from './cohorts.js';
import type { GqlClient } from './gql.js';

/** A team of a cohort with its people; the cohort and team states are set directly for the test. */
export interface TeamWorld {
  cohort: CohortView;
  teamId: string;
  office: GqlClient;
  admin: TestUser;
  lead: { client: GqlClient; user: TestUser };
  member: { client: GqlClient; user: TestUser };
  coach: { client: GqlClient; user: TestUser };
  sponsor: { client: GqlClient; user: TestUser };
}

export async function insertTeam(
  app: TestApp,
  cohortId: string,
  leadAgencyId: string,
  name = 'فريق الاختبار',
): Promise<string> {
  const [challenge] = (await app.dataSource.query(
    `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id) VALUES ($1, 'APPROVED', $2, 'Test team', $3) RETURNING id`,
    [cohortId, name, leadAgencyId],
  )) as { id: string }[];
  const [team] = (await app.dataSource.query(
    `INSERT INTO team (cohort_id, challenge_id, name_ar, name_en, lead_agency_id) VALUES ($1, $2, $3, 'Test team', $4) RETURNING id`,
    [cohortId, challenge!.id, name, leadAgencyId],
  )) as { id: string }[];
  return team!.id;
}

export async function addMember(app: TestApp, teamId: string, userId: string, role: string): Promise<void> {
  await app.dataSource.query(`INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, $3)`, [
    teamId,
    userId,
    role,
  ]);
}

/**
 * A forming team of the cohort's default minimum (3 people from 2 agencies): the lead and a second
 * member of agency a, the member of agency b; and a coach of agency b and a sponsor of agency a.
 * Cohort day 1 in `days`.
 */
export async function teamWorld(app: TestApp, days = 60): Promise<TeamWorld> {
  const { client: office, user: admin } = await app.signedIn(['ADMIN']);
  const cohort = await createCohort(office, await dateFromNow(office, days));
  const a = await app.createAgency();
  const b = await app.createAgency();
  const teamId = await insertTeam(app, cohort.id, a.id);
  const lead = await app.signedIn([], { agencyId: a.id });
  const member = await app.signedIn([], { agencyId: b.id });
  const coach = await app.signedIn([], { agencyId: b.id });
  const sponsor = await app.signedIn([], { agencyId: a.id });
  await addMember(app, teamId, lead.user.id, 'TEAM_LEAD');
  await addMember(app, teamId, member.user.id, 'TEAM_MEMBER');
  await addMember(app, teamId, coach.user.id, 'COACH');
  await addMember(app, teamId, sponsor.user.id, 'SPONSOR');
  await addMember(app, teamId, (await app.createUser([], { agencyId: a.id })).id, 'TEAM_MEMBER');
  return { cohort, teamId, office, admin, lead, member, coach, sponsor };
}

export const GOAL_FIELDS = `id version titleAr kpis { id version nameAr baseline target originalBaseline originalTarget frozenAt rag expected latestValue { value asOf } }`;

export async function goalWithKpis(
  lead: GqlClient,
  teamId: string,
  kpis: { baseline: number; target: number; direction: 'INCREASE' | 'DECREASE'; unit?: string }[],
): Promise<{ goalId: string; kpiIds: string[] }> {
  const { createGoal } = await lead.data<{ createGoal: { id: string } }>(
    `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
    { input: { teamId, titleAr: 'تسريع إصدار الرخص', titleEn: 'Faster permits' } },
  );
  const kpiIds: string[] = [];
  for (const [i, k] of kpis.entries()) {
    const { createKpi } = await lead.data<{ createKpi: { id: string } }>(
      `mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }`,
      {
        input: {
          goalId: createGoal.id,
          nameAr: `مؤشر ${i + 1}`,
          nameEn: `KPI ${i + 1}`,
          unit: k.unit ?? 'DAYS',
          direction: k.direction,
          baseline: k.baseline,
          target: k.target,
          dataSource: 'سجلات النظام الإلكتروني',
          sort: i,
        },
      },
    );
    kpiIds.push(createKpi.id);
  }
  return { goalId: createGoal.id, kpiIds };
}

export const TEAM_VIEW = `id state version rag checkInsFlaggedAt goalsFrozenAt myRoles
  availableEvents { event blockedBy }
  goals { ${GOAL_FIELDS} rag }
  checkIns { id week late supersedesId supersededById confidence review { decision } values { kpiId value asOf } }
  cohort { id }`;

export async function readTeam<T = Record<string, unknown>>(client: GqlClient, id: string): Promise<T> {
  return (await client.data<{ team: T }>(`query ($id: UUID!) { team(id: $id) { ${TEAM_VIEW} } }`, { id })).team;
}
