import { Injectable } from '@nestjs/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DataSource } from 'typeorm';

import { JsonScalar } from '../common/json.scalar.js';
import { groupBy, loaderKey, LoadsBatch } from '../graphql-context/loaders.js';

@ObjectType({ description: 'One transition of a workflow object.' })
export class TransitionRecord {
  @Field(() => ID) id: string;
  @Field() event: string;
  @Field() fromState: string;
  @Field() toState: string;
  /** Who fired it (null for the scheduler and cascades); the `actor` field resolves the person. */
  actorId: string | null;
  @Field({ description: 'user, scheduler or system.' }) caller: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => JsonScalar) data: Record<string, unknown>;
  @Field() occurredAt: Date;
}

/** The transitions of workflow objects, oldest first, by `<subject type>:<id>` (e.g. `team:…`). */
export const TRANSITION_HISTORY = loaderKey<TransitionRecord[]>('transitionHistory', []);

export const historyKey = (subjectType: string, id: string) => `${subjectType}:${id}`;

@Injectable()
export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** The history of many objects in one query. */
  @LoadsBatch(TRANSITION_HISTORY)
  async histories(keys: readonly string[]): Promise<Map<string, TransitionRecord[]>> {
    const pairs = keys.map((k) => k.split(':') as [string, string]);
    const rows = (await this.dataSource.query(
      `SELECT h.id, h.subject_type, h.subject_id, h.event, h.from_state, h.to_state, h.actor_id, h.caller, h.reason, h.data, h.occurred_at
         FROM transition_history h
         JOIN unnest($1::text[], $2::uuid[]) AS k(subject_type, subject_id)
           ON h.subject_type = k.subject_type AND h.subject_id = k.subject_id
        ORDER BY h.id`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    )) as {
      id: string;
      subject_type: string;
      subject_id: string;
      event: string;
      from_state: string;
      to_state: string;
      actor_id: string | null;
      caller: string;
      reason: string | null;
      data: Record<string, unknown>;
      occurred_at: Date;
    }[];
    const records = rows.map((r) => ({
      key: historyKey(r.subject_type, r.subject_id),
      record: {
        id: r.id,
        event: r.event,
        fromState: r.from_state,
        toState: r.to_state,
        actorId: r.actor_id,
        caller: r.caller,
        reason: r.reason,
        data: r.data,
        occurredAt: r.occurred_at,
      } satisfies TransitionRecord,
    }));
    const grouped = groupBy(keys, records, (r) => r.key);
    return new Map([...grouped].map(([k, list]) => [k, list.map((r) => r.record)]));
  }
}
