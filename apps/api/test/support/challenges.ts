import type { TestApp, TestUser } from './app.js';
import { createCohort, dateFromNow, type CohortView } from './cohorts.js';
import type { GqlClient } from './gql.js';

export const CHALLENGE_FIELDS = `id state version cohortId missingFields meanScore teamId
  titleAr titleEn leadAgency { id } partnerAgencies { id } proposedSponsor { id } proposedTeamLead { id }
  scores { criterion score comment } approvals { leader { id } }
  comments { kind body author { id } }
  availableEvents { event blockedBy }
  history { event fromState toState caller reason }`;

export interface ChallengeView {
  id: string;
  state: string;
  version: number;
  cohortId: string;
  missingFields: string[];
  meanScore: number | null;
  teamId: string | null;
  titleAr: string;
  titleEn: string;
  proposedSponsor: { id: string } | null;
  scores: { criterion: string; score: number; comment: string }[];
  approvals: { leader: { id: string } }[];
  comments: { kind: string; body: string; author: { id: string } }[];
  availableEvents: { event: string; blockedBy: string[] }[];
  history: { event: string; fromState: string; toState: string; caller: string; reason: string | null }[];
}

/** A cohort open for intake, an alignment tag, an agency with its focal point, and the office. */
export interface IntakeWorld {
  office: GqlClient;
  admin: TestUser;
  cohort: CohortView;
  nodeId: string;
  agencyId: string;
  focal: GqlClient;
  focalUser: TestUser;
}

export async function intakeWorld(app: TestApp, extra: Record<string, unknown> = {}): Promise<IntakeWorld> {
  const { client: office, user: admin } = await app.signedIn(['ADMIN']);
  const draft = await createCohort(office, await dateFromNow(office, 60), extra);
  const { openCohortIntake } = await office.data<{ openCohortIntake: CohortView }>(
    `mutation ($input: CohortEventInput!) { openCohortIntake(input: $input) { id state version day1 } }`,
    { input: { id: draft.id, version: draft.version } },
  );
  const { createAlignmentNode: vision } = await office.data<{ createAlignmentNode: { id: string } }>(
    `mutation { createAlignmentNode(input: { nameAr: "رؤية التحديث الاقتصادي", nameEn: "Economic Modernisation Vision", sort: 0 }) { id } }`,
  );
  const { createAlignmentNode: pillar } = await office.data<{ createAlignmentNode: { id: string } }>(
    `mutation ($p: UUID!) { createAlignmentNode(input: { parentId: $p, nameAr: "جودة الحياة", nameEn: "Quality of life", sort: 1 }) { id } }`,
    { p: vision.id },
  );
  const agency = await app.createAgency();
  const { client: focal, user: focalUser } = await app.signedIn(['FOCAL_POINT'], { agencyId: agency.id });
  return {
    office,
    admin,
    cohort: { ...draft, ...openCohortIntake },
    nodeId: pillar.id,
    agencyId: agency.id,
    focal,
    focalUser,
  };
}

export const completeFields = (w: Pick<IntakeWorld, 'agencyId' | 'nodeId'>, over: Record<string, unknown> = {}) => ({
  titleAr: 'تقليص مدة إصدار رخصة البناء من 30 يوماً إلى 7 أيام',
  titleEn: 'Cut the time to issue a building permit from 30 days to 7',
  problemAr: 'يستغرق إصدار رخصة البناء 30 يوماً في المتوسط بسبب تعدد الموافقات.',
  problemEn: 'A building permit takes 30 days on average because of many approvals.',
  whyAr: 'يؤخر المواطنين والمستثمرين ويرفع كلفة البناء.',
  whyEn: 'It delays citizens and investors and raises building costs.',
  baselineAr: '30 يوماً',
  baselineEn: '30 days',
  ambitionAr: '7 أيام',
  ambitionEn: '7 days',
  leadAgencyId: w.agencyId,
  partnerAgencyIds: [],
  alignmentNodeIds: [w.nodeId],
  attachments: [{ title: 'دراسة الإجراءات', url: 'https://example.org/permits.pdf' }],
  ...over,
});

export async function draftChallenge(
  client: GqlClient,
  cohortId: string,
  fields: Record<string, unknown>,
): Promise<ChallengeView> {
  const { createChallenge } = await client.data<{ createChallenge: ChallengeView }>(
    `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { ${CHALLENGE_FIELDS} } }`,
    { input: { cohortId, ...fields } },
  );
  return createChallenge;
}

export async function readChallenge(client: GqlClient, id: string): Promise<ChallengeView> {
  return (
    await client.data<{ challenge: ChallengeView }>(
      `query ($id: UUID!) { challenge(id: $id) { ${CHALLENGE_FIELDS} } }`,
      {
        id,
      },
    )
  ).challenge;
}

const EVENT_INPUT: Record<string, string> = {
  returnChallenge: 'ChallengeCommentEventInput',
  declineChallenge: 'ChallengeReasonEventInput',
  rejectChallenge: 'ChallengeReasonEventInput',
  deferChallenge: 'ChallengeReasonEventInput',
  carryOverChallenge: 'CarryOverChallengeInput',
};

/** Fires an event mutation; returns the raw response. */
export function fire(client: GqlClient, mutation: string, input: Record<string, unknown>) {
  const type = EVENT_INPUT[mutation] ?? 'ChallengeEventInput';
  return client.request<Record<string, ChallengeView>>(
    `mutation ($input: ${type}!) { ${mutation}(input: $input) { ${CHALLENGE_FIELDS} } }`,
    {
      input,
    },
  );
}

export async function fireOk(
  client: GqlClient,
  mutation: string,
  input: Record<string, unknown>,
): Promise<ChallengeView> {
  const res = await fire(client, mutation, input);
  if (res.errors?.length) throw new Error(`${mutation}: ${JSON.stringify(res.errors)}`);
  return res.data![mutation]!;
}

export const RUBRIC = ['CLEAR_AMBITIOUS_GOAL', 'TOUCHES_LIVES', 'NEEDS_SEVERAL_AGENCIES', 'ACHIEVABLE_IN_100_DAYS'];

export async function scoreAll(office: GqlClient, c: ChallengeView, score = 4): Promise<ChallengeView> {
  const { scoreChallenge } = await office.data<{ scoreChallenge: ChallengeView }>(
    `mutation ($input: ScoreChallengeInput!) { scoreChallenge(input: $input) { ${CHALLENGE_FIELDS} } }`,
    {
      input: {
        id: c.id,
        version: c.version,
        scores: RUBRIC.map((criterion) => ({ criterion, score, comment: 'ملاحظة المكتب' })),
      },
    },
  );
  return scoreChallenge;
}

/** A challenge taken to RECOMMENDED with its sponsor and team leader named. */
export async function recommended(app: TestApp, w: IntakeWorld): Promise<ChallengeView> {
  const sponsor = await app.createUser([], { agencyId: w.agencyId });
  const lead = await app.createUser([]);
  let c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
  c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
  c = await fireOk(w.office, 'startChallengeScreening', { id: c.id, version: c.version });
  c = await scoreAll(w.office, c);
  const { nameChallengeLeaders } = await w.office.data<{ nameChallengeLeaders: ChallengeView }>(
    `mutation ($input: NameChallengeLeadersInput!) { nameChallengeLeaders(input: $input) { ${CHALLENGE_FIELDS} } }`,
    { input: { id: c.id, version: c.version, proposedSponsorId: sponsor.id, proposedTeamLeadId: lead.id } },
  );
  return fireOk(w.office, 'recommendChallenge', { id: nameChallengeLeaders.id, version: nameChallengeLeaders.version });
}
