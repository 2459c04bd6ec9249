import {
  agencyMayEditDraft,
  can,
  challengeMayBeScored,
  cohortTakesDrafts,
  missingChallengeFields,
  type Actor,
  type Language,
  type Resource,
} from '@hundred/domain';
import {
  availableEvents,
  challengeMachine,
  type Caller,
  type ChallengeContext,
  type ChallengeEvent,
  type ChallengeState,
} from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppError, type FieldProblem } from '../common/app-error.js';
import type { MessageKey } from '../common/messages.js';
import type { Cohort } from '../cohorts/cohort.entity.js';
import { FOREIGN_KEY_VIOLATION, pgCode } from '../database/postgres-errors.js';
import { queryRows } from '../database/sql.js';
import { hydrate, updateVersioned } from '../database/versioned-update.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { explainAvailable, type AvailableEvent } from '../workflow/available-events.js';
import { WorkflowRunner, type WorkflowRow } from '../workflow/workflow-runner.js';
import { challengeContext, describeChallenge, type ChallengeEventParams } from './challenge-context.js';
import { Challenge, type ChallengeApproval, type ChallengeComment, type ChallengeScore } from './challenge.entity.js';
import type {
  ChallengeFields,
  CreateChallengeInput,
  NameChallengeLeadersInput,
  ScoreChallengeInput,
  UpdateChallengeInput,
} from './dto/challenge.inputs.js';

const seesAll = (actor: Actor) => actor.roles.includes('ADMIN') || actor.roles.includes('LEADERSHIP');

@Injectable()
export class ChallengeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: WorkflowRunner,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  // ---------------------------------------------------------------- reading

  resourceOf(c: Pick<Challenge, 'id' | 'leadAgencyId' | 'partnerAgencyIds' | 'state'>): Resource {
    return {
      type: 'challenge',
      id: c.id,
      leadAgencyId: c.leadAgencyId,
      partnerAgencyIds: c.partnerAgencyIds,
      state: c.state,
    };
  }

  /** A challenge the actor may read. Those who may not cannot tell whether it exists. */
  /** The challenge if the actor may see it; read through `manager` inside a transaction. */
  async visible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<Challenge> {
    const c = /^[0-9a-f-]{36}$/i.test(id) ? await manager.getRepository(Challenge).findOneBy({ id }) : null;
    if (!c) throw seesAll(actor) ? AppError.notFound() : AppError.forbidden();
    if (!can(actor, 'challenge.read', this.resourceOf(c))) throw AppError.forbidden();
    return c;
  }

  // ---------------------------------------------------------------- drafting

  /** Checks the references of a draft: agencies, alignment nodes, people. */
  private async checkFields(input: ChallengeFields, actor: Actor): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!actor.roles.includes('ADMIN') && input.leadAgencyId !== actor.agencyId) {
      problems.push({ field: 'leadAgencyId', key: 'error.notOwnAgency' });
    }
    if (input.partnerAgencyIds.includes(input.leadAgencyId))
      problems.push({ field: 'partnerAgencyIds', key: 'error.partnerIsLead' });
    // The agencies and the alignment nodes named, in one statement.
    const found = (await this.dataSource.query(
      `SELECT 'agency' AS kind, id FROM agency WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT 'node' AS kind, id FROM alignment_node WHERE active AND id = ANY($2::uuid[])`,
      [[input.leadAgencyId, ...input.partnerAgencyIds], input.alignmentNodeIds],
    )) as { kind: 'agency' | 'node'; id: string }[];
    const agencies = new Set(found.filter((r) => r.kind === 'agency').map((r) => r.id));
    if (!agencies.has(input.leadAgencyId)) problems.push({ field: 'leadAgencyId', key: 'error.unknownAgency' });
    if (input.partnerAgencyIds.some((a) => !agencies.has(a)))
      problems.push({ field: 'partnerAgencyIds', key: 'error.unknownAgency' });
    const nodes = new Set(found.filter((r) => r.kind === 'node').map((r) => r.id));
    if (nodes.size !== input.alignmentNodeIds.length)
      problems.push({ field: 'alignmentNodeIds', key: 'error.unknownAlignmentNode' });
    await this.checkPeople(input, problems);
    if (problems.length) throw AppError.validation(problems);
  }

  private async checkPeople(
    input: { leadAgencyId: string; proposedSponsorId?: string | null; proposedTeamLeadId?: string | null },
    problems: FieldProblem[],
  ): Promise<void> {
    const ids = [input.proposedSponsorId, input.proposedTeamLeadId].filter((x): x is string => !!x);
    if (!ids.length) return;
    const people = new Map(
      (
        (await this.dataSource.query(`SELECT id, agency_id FROM app_user WHERE active AND id = ANY($1::uuid[])`, [
          ids,
        ])) as {
          id: string;
          agency_id: string;
        }[]
      ).map((r) => [r.id, r.agency_id]),
    );
    if (input.proposedSponsorId) {
      const agency = people.get(input.proposedSponsorId);
      if (!agency) problems.push({ field: 'proposedSponsorId', key: 'error.unknownUser' });
      else if (agency !== input.leadAgencyId)
        problems.push({ field: 'proposedSponsorId', key: 'error.sponsorNotOfLeadAgency' });
    }
    if (input.proposedTeamLeadId && !people.has(input.proposedTeamLeadId)) {
      problems.push({ field: 'proposedTeamLeadId', key: 'error.unknownUser' });
    }
  }

  private columns(input: ChallengeFields) {
    return {
      title_ar: input.titleAr,
      title_en: input.titleEn,
      problem_ar: input.problemAr,
      problem_en: input.problemEn,
      why_ar: input.whyAr,
      why_en: input.whyEn,
      baseline_ar: input.baselineAr,
      baseline_en: input.baselineEn,
      ambition_ar: input.ambitionAr,
      ambition_en: input.ambitionEn,
      lead_agency_id: input.leadAgencyId,
      partner_agency_ids: input.partnerAgencyIds,
      alignment_node_ids: input.alignmentNodeIds,
      // Left out of the input: the names stay as they are (the office may have set them).
      ...(input.proposedSponsorId !== undefined ? { proposed_sponsor_id: input.proposedSponsorId } : {}),
      ...(input.proposedTeamLeadId !== undefined ? { proposed_team_lead_id: input.proposedTeamLeadId } : {}),
      attachments: JSON.stringify(input.attachments),
    };
  }

  async create(actor: Actor, input: CreateChallengeInput, ip: string | null): Promise<Challenge> {
    if (!can(actor, 'challenge.create', { type: 'challenge', leadAgencyId: input.leadAgencyId }))
      throw AppError.forbidden();
    const [cohort] = (await this.dataSource.query(`SELECT state FROM cohort WHERE id = $1`, [input.cohortId])) as {
      state: string;
    }[];
    if (!cohort) throw AppError.field('cohortId', 'validation.invalid');
    if (!cohortTakesDrafts(cohort.state)) throw AppError.field('cohortId', 'error.cohortClosedForDrafts');
    await this.checkFields(input, actor);
    const cols = { ...this.columns(input), cohort_id: input.cohortId, created_by: actor.id };
    const names = Object.keys(cols);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO challenge (${names.join(', ')}) VALUES (${names.map((n, i) => (n === 'attachments' ? `$${i + 1}::jsonb` : `$${i + 1}`)).join(', ')}) RETURNING id`,
        names.map((n) => cols[n as keyof typeof cols]),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'challenge.created',
        subjectType: 'challenge',
        subjectId: row!.id,
        toState: 'DRAFT',
        data: { titleEn: input.titleEn, cohortId: input.cohortId, leadAgencyId: input.leadAgencyId },
        ip,
      });
      return manager.getRepository(Challenge).findOneByOrFail({ id: row!.id });
    });
  }

  /** Why a draft may not change now (its state, or its cohort has closed intake); null when it may. */
  private async lockReason(c: Challenge): Promise<MessageKey | null> {
    if (!['DRAFT', 'RETURNED'].includes(c.state)) return 'why.stateLocked';
    const [cohort] = (await this.dataSource.query(`SELECT state FROM cohort WHERE id = $1`, [c.cohortId])) as {
      state: string;
    }[];
    return cohort && agencyMayEditDraft(c.state, cohort.state) ? null : 'why.intakeClosed';
  }

  async update(actor: Actor, input: UpdateChallengeInput, ip: string | null): Promise<Challenge> {
    const current = await this.visible(actor, input.id);
    if (!can(actor, 'challenge.edit', this.resourceOf(current))) throw AppError.forbidden();
    // The agency edits its draft only while the cohort takes challenges; the office, until it is decided.
    if (!actor.roles.includes('ADMIN')) {
      const why = await this.lockReason(current);
      if (why) throw new AppError('NOT_ALLOWED', 'error.challengeLocked', { why }, [], { guard: 'LOCKED' });
    }
    await this.checkFields(input, actor);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await updateVersioned(
          manager,
          'challenge',
          'challenge',
          input.id,
          input.version,
          this.columns(input),
        );
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'challenge.updated',
          subjectType: 'challenge',
          subjectId: input.id,
          data: { titleEn: input.titleEn },
          ip,
        });
        return hydrate(manager, Challenge, row);
      });
    } catch (err) {
      if (pgCode(err) === FOREIGN_KEY_VIOLATION) throw AppError.field('leadAgencyId', 'error.unknownAgency');
      throw err;
    }
  }

  /** Names the sponsor and team leader (the agency proposes; the office or leadership settle it). */
  async nameLeaders(actor: Actor, input: NameChallengeLeadersInput): Promise<Challenge> {
    const c = await this.visible(actor, input.id);
    if (!can(actor, 'challenge.nameLeaders', this.resourceOf(c))) throw AppError.forbidden();
    const problems: FieldProblem[] = [];
    await this.checkPeople({ leadAgencyId: c.leadAgencyId, ...input }, problems);
    if (problems.length) throw AppError.validation(problems);
    return this.dataSource.transaction(async (manager) => {
      const row = await updateVersioned(manager, 'challenge', 'challenge', input.id, input.version, {
        proposed_sponsor_id: input.proposedSponsorId ?? null,
        proposed_team_lead_id: input.proposedTeamLeadId ?? null,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'challenge.leaders_named',
        subjectType: 'challenge',
        subjectId: input.id,
        data: { sponsorId: input.proposedSponsorId ?? null, teamLeadId: input.proposedTeamLeadId ?? null },
      });
      return hydrate(manager, Challenge, row);
    });
  }

  /** The office scores the rubric while screening; each criterion 1–5 with a comment. */
  async score(actor: Actor, input: ScoreChallengeInput): Promise<Challenge> {
    const c = await this.visible(actor, input.id);
    if (!can(actor, 'challenge.score', this.resourceOf(c))) throw AppError.forbidden();
    if (!challengeMayBeScored(c.state)) {
      throw new AppError(
        'NOT_ALLOWED',
        'error.notAllowedState',
        { event: 'SCORE', state: c.state, subject: 'subject.challenge' },
        [],
        {
          guard: 'STATE',
          state: c.state,
        },
      );
    }
    const keys = await this.rubricKeys(c.cohortId);
    const problems: FieldProblem[] = input.scores
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => !keys.includes(s.criterion))
      .map(({ s, i }) => ({
        field: `scores.${i}.criterion`,
        key: 'error.unknownCriterion' as const,
        params: { value: s.criterion },
      }));
    if (problems.length) throw AppError.validation(problems);
    return this.dataSource.transaction(async (manager) => {
      const row = await updateVersioned(manager, 'challenge', 'challenge', input.id, input.version, {});
      const now = this.clock.now();
      for (const s of input.scores) {
        await manager.query(
          `INSERT INTO challenge_score (challenge_id, criterion, score, comment, scored_by, scored_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (challenge_id, criterion) DO UPDATE SET score = $3, comment = $4, scored_by = $5, scored_at = $6`,
          [input.id, s.criterion, s.score, s.comment, actor.id, now],
        );
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'challenge.scored',
        subjectType: 'challenge',
        subjectId: input.id,
        data: { scores: input.scores.map((s) => ({ criterion: s.criterion, score: s.score })) },
      });
      return hydrate(manager, Challenge, row);
    });
  }

  private async rubricKeys(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const [row] = (await manager.query(`SELECT rubric FROM cohort WHERE id = $1`, [cohortId])) as {
      rubric: { key: string }[];
    }[];
    return (row?.rubric ?? []).map((r) => r.key);
  }

  async addComment(
    actor: Actor,
    challengeId: string,
    body: string,
    kind: 'COMMENT' | 'RETURN' | 'DECISION' = 'COMMENT',
    manager?: EntityManager,
  ): Promise<ChallengeComment> {
    // Inside the caller's transaction, read on its connection: asking the pool for a second one
    // while holding the first starves the pool when every connection does it at once.
    const c = await this.visible(actor, challengeId, manager);
    if (!can(actor, 'challenge.comment', this.resourceOf(c))) throw AppError.forbidden();
    const write = async (manager: EntityManager) => {
      const [row] = await queryRows<{ id: string; created_at: Date }>(
        manager,
        `INSERT INTO challenge_comment (challenge_id, author_id, kind, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
        [challengeId, actor.id, kind, body, this.clock.now()],
      );
      if (kind === 'COMMENT') {
        // The other side hears of it: the office and the agency's focal points, never the author.
        const audience = actor.roles.includes('ADMIN') ? (['AGENCY_FOCAL_POINTS'] as const) : (['OFFICE'] as const);
        await this.notifications.broadcast(manager, {
          kind: 'CHALLENGE_COMMENTED',
          audience,
          params: { challengeTitleAr: c.titleAr, challengeTitleEn: c.titleEn },
          dedupePrefix: `comment-${row!.id}`,
          subjectType: 'challenge',
          subjectId: challengeId,
          context: { agencyId: c.leadAgencyId, cohortId: c.cohortId, challengeId },
        });
      }
      return { id: row!.id, authorId: actor.id, kind, body, createdAt: row!.created_at };
    };
    if (manager) return write(manager);
    const comment = await this.dataSource.transaction(write);
    await this.outbox.relayNow();
    return comment;
  }

  // ---------------------------------------------------------------- the workflow

  callerFor(actor: Actor, c: Pick<Challenge, 'leadAgencyId'>): Caller {
    const ownAgency = actor.roles.includes('FOCAL_POINT') && actor.agencyId === c.leadAgencyId;
    return { kind: 'user', actor, relations: ownAgency ? ['AGENCY_FOCAL_POINT'] : [] };
  }

  /** The guards' context, read in the transaction (the row is the locked one). */
  async context(
    manager: EntityManager,
    row: WorkflowRow,
    caller: Caller,
    params: ChallengeEventParams = {},
  ): Promise<ChallengeContext> {
    const [cohort] = await queryRows<{ state: string; approvals_required: number; rubric: { key: string }[] }>(
      manager,
      `SELECT state, approvals_required, rubric FROM cohort WHERE id = $1`,
      [row.cohort_id],
    );
    const scored = await queryRows<{ criterion: string }>(
      manager,
      `SELECT criterion FROM challenge_score WHERE challenge_id = $1`,
      [row.id],
    );
    const approvals = await queryRows<{ leader_id: string }>(
      manager,
      `SELECT leader_id FROM challenge_approval WHERE challenge_id = $1`,
      [row.id],
    );
    let target: { state: string; later: boolean } | null = null;
    if (params.targetCohortId) {
      const [t] = await queryRows<{ state: string; day1: string }>(
        manager,
        `SELECT state, day1 FROM cohort WHERE id = $1`,
        [params.targetCohortId],
      );
      const [own] = await queryRows<{ day1: string }>(manager, `SELECT day1 FROM cohort WHERE id = $1`, [
        row.cohort_id,
      ]);
      target = t
        ? { state: t.state, later: !!own && params.targetCohortId !== row.cohort_id && t.day1 > own.day1 }
        : { state: 'UNKNOWN', later: false };
    }
    return challengeContext(
      {
        titleAr: row.title_ar as string,
        titleEn: row.title_en as string,
        problemAr: row.problem_ar as string,
        whyAr: row.why_ar as string,
        baselineAr: row.baseline_ar as string,
        ambitionAr: row.ambition_ar as string,
        leadAgencyId: row.lead_agency_id as string,
        alignmentNodeIds: row.alignment_node_ids as string[],
        proposedSponsorId: row.proposed_sponsor_id as string | null,
        proposedTeamLeadId: row.proposed_team_lead_id as string | null,
      },
      cohort
        ? {
            state: cohort.state,
            approvalsRequired: cohort.approvals_required,
            rubricKeys: cohort.rubric.map((r) => r.key),
          }
        : null,
      scored.map((r) => r.criterion),
      approvals.map((r) => r.leader_id),
      caller,
      params,
      target,
    );
  }

  noticeOf(row: WorkflowRow) {
    return describeChallenge(row);
  }

  /** A user fires an event on the version they read. */
  async fire(
    actor: Actor,
    id: string,
    version: number,
    event: ChallengeEvent,
    params: ChallengeEventParams,
    ip: string | null,
  ): Promise<Challenge> {
    const c = await this.visible(actor, id);
    const caller = this.callerFor(actor, c);
    await this.dataSource.transaction(async (manager) => {
      await this.runner.fire(manager, {
        machine: challengeMachine,
        subject: 'challenge',
        table: 'challenge',
        id,
        expectedVersion: version,
        event,
        caller,
        reason: params.reason ?? params.comment ?? null,
        data: params.targetCohortId ? { targetCohortId: params.targetCohortId } : undefined,
        ip,
        context: (tx, row) => this.context(tx, row, caller, params),
        set: (to) => this.columnsOnEvent(event, to, params, c),
        notice: (row) => this.noticeOf(row),
      });
      if (event === 'RETURN' && params.comment) await this.addComment(actor, id, params.comment, 'RETURN', manager);
      if (['REJECT', 'DEFER', 'DECLINE'].includes(event) && params.reason)
        await this.addComment(actor, id, params.reason, 'DECISION', manager);
    });
    await this.outbox.relayNow();
    return (await this.dataSource.getRepository(Challenge).findOneBy({ id }))!;
  }

  private columnsOnEvent(
    event: ChallengeEvent,
    to: ChallengeState,
    params: ChallengeEventParams,
    c: Challenge,
  ): Record<string, unknown> {
    const now = this.clock.now();
    if (event === 'SUBMIT') return { submitted_at: now, locked_at: null };
    if (event === 'CARRY_OVER') {
      return {
        cohort_id: params.targetCohortId,
        carried_from_cohort_id: c.cohortId,
        submitted_at: null,
        decided_at: null,
        locked_at: null,
      };
    }
    if (['REJECTED', 'DEFERRED', 'WITHDRAWN'].includes(to)) return { decided_at: now };
    return {};
  }

  /**
   * The events this user may fire on a challenge now, from what the request has loaded already
   * (the challenge, its cohort, scores and approvals): no query of its own, so a list costs the same
   * whatever its length.
   */
  availableEvents(
    actor: Actor,
    c: Challenge,
    loaded: { cohort: Cohort | null; scores: readonly ChallengeScore[]; approvals: readonly ChallengeApproval[] },
    lang: Language,
  ): AvailableEvent[] {
    const caller = this.callerFor(actor, c);
    const ctx = challengeContext(
      c,
      loaded.cohort
        ? {
            state: loaded.cohort.state,
            approvalsRequired: loaded.cohort.approvalsRequired,
            rubricKeys: loaded.cohort.rubric.map((r) => r.key),
          }
        : null,
      loaded.scores.map((x) => x.criterion),
      loaded.approvals.map((x) => x.leaderId),
      caller,
    );
    return explainAvailable(availableEvents(challengeMachine, c.state, caller, ctx), lang);
  }

  /** The required fields still empty, for the intake form and the SUBMIT guard. */
  missingFields(c: Challenge): string[] {
    return missingChallengeFields(c);
  }
}
