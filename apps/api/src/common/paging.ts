import { ArgsType, Field, Int, type ComplexityEstimator } from '@nestjs/graphql';

import { Between, Int as IsInteger } from './validation.js';

/** How far into a list a page may start. */
export const MAX_OFFSET = 10_000;

// Costs for the request's cost limit (front-door/request-limits.ts). A field costs 1 and its
// selection; about 0.01 ms of server time per unit on the reference machine. A field whose
// resolver does real work (a query of its own, a calendar computed, guards evaluated) says what a
// call costs, in those units (`complexity: 50`); lists multiply their selection by the items they
// hold.

/**
 * A list field: `base` for the call, plus its selection once per item. A list bounded by the
 * product (a team's 1–5 goals) names its bound; one that grows names a typical length (the time
 * budget stops a request whose data is far larger than its estimate).
 */
export const listOf =
  (items: number, base = 1): ComplexityEstimator =>
  ({ childComplexity }) =>
    base + items * childComplexity;

/** A paged list: `base` for the call, plus its selection once per item its `limit` asks for. */
export const paged =
  (base = 1): ComplexityEstimator =>
  ({ args, childComplexity }) =>
    base + (typeof args.limit === 'number' ? args.limit : 1) * childComplexity;

/**
 * The arguments of a paged list: `limit` items (at most `max`) after skipping `offset`. A client
 * pages by asking again with `offset` moved on until a page comes back shorter than `limit`.
 */
export function PageArgs(defaultLimit: number, max: number) {
  @ArgsType()
  abstract class Page {
    @Field(() => Int, { defaultValue: defaultLimit, description: `How many items, at most ${max}.` })
    @IsInteger()
    @Between(1, max)
    limit: number;

    @Field(() => Int, { defaultValue: 0, description: 'How many items to skip (to read the next page).' })
    @IsInteger()
    @Between(0, MAX_OFFSET)
    offset: number;
  }
  return Page;
}
