// What the web's unit tests share: the app's providers around a hook, and an API that answers the
// app's own operations against the committed schema, from a table of root fields.
import { readFileSync } from 'node:fs';

import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { renderHook } from '@testing-library/react';
import { buildSchema, execute, GraphQLError } from 'graphql';
import { createElement, type ReactNode } from 'react';
import { MemoryRouter, useLocation, type Location } from 'react-router';
import { Observable } from 'rxjs';

import './i18n';

const schema = buildSchema(readFileSync(new URL('../../api/schema.gql', import.meta.url), 'utf8'));

/** A refusal as the API's error filter writes it: a localised message, a code, and what else it says. */
export function refusal(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** A refusal of bad input, with one message per field. */
export function badInput(fields: Record<string, string>): GraphQLError {
  return refusal('BAD_USER_INPUT', 'invalid input', {
    fields: Object.entries(fields).map(([field, message]) => ({ field, message })),
  });
}

/** What one root field answers, given its arguments; throw a `refusal` to refuse. */
export type Resolver = (args: Record<string, unknown>) => unknown;

export interface Sent {
  operationName: string;
  variables: Record<string, unknown>;
}

/**
 * A fake API: each operation is run against the committed schema (so answers must have the fields
 * asked for, and get their `__typename`), its root fields answered by the functions of their names.
 * Every request is recorded.
 */
export function fakeApi(resolvers: Record<string, Resolver>) {
  const sent: Sent[] = [];
  const rootValue = Object.fromEntries(
    Object.entries(resolvers).map(([field, resolve]) => [field, (args: Record<string, unknown>) => resolve(args)]),
  );
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const variables = operation.variables as Record<string, unknown>;
        sent.push({ operationName: operation.operationName ?? '', variables });
        Promise.resolve(execute({ schema, document: operation.query, variableValues: variables, rootValue })).then(
          (result) => {
            observer.next(result as ApolloLink.Result);
            observer.complete();
          },
          (error: unknown) => observer.error(error),
        );
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return { client, sent, of: (name: string) => sent.filter((s) => s.operationName === name) };
}

/** Runs a hook inside the app's providers (the API, the router at `path`); `location()` is where it navigated. */
export function renderInApp<T>(hook: () => T, { client, path = '/' }: { client: ApolloClient; path?: string }) {
  const seen: { location: Location | null } = { location: null };
  function LocationProbe() {
    seen.location = useLocation();
    return null;
  }
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(ApolloProvider, {
      client,
      children: createElement(MemoryRouter, { initialEntries: [path] }, children, createElement(LocationProbe)),
    });
  const rendered = renderHook(hook, { wrapper });
  return { ...rendered, location: () => seen.location };
}
