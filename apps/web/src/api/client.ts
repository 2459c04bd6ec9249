import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';

import { currentLanguage } from '../i18n';
import { contentGateLink } from './afterContent';
import { errorCode } from './errors';

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when the server says the session is gone (expired, or ended from another browser). */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

// The server writes its messages in the language of the request: always send the one on screen.
const languageLink = new SetContextLink((previous) => ({
  headers: { ...(previous.headers as Record<string, string> | undefined), 'Accept-Language': currentLanguage() },
}));

const sessionLink = new ErrorLink(({ error, operation }) => {
  if (operation.operationName !== 'SignIn' && errorCode(error) === 'UNAUTHENTICATED') {
    sessionEndedListeners.forEach((listener) => listener());
  }
});

// Same origin only: the development and preview servers proxy /graphql to the API.
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

/** A page of a list read by cursor, as it is kept in the cache. */
interface CursorPage {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * The field policy of a list read by cursor (`after`): one list per set of filters (`keyArgs`), the
 * first page replacing it, each later page added below.
 */
const cursorPages = (keyArgs: string[]): FieldPolicy<CursorPage> => ({
  keyArgs,
  merge: (existing, incoming, { args }) =>
    args?.after && existing ? { ...incoming, items: [...existing.items, ...incoming.items] } : incoming,
});

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([contentGateLink, languageLink, sessionLink, httpLink]),
  cache: new InMemoryCache({
    // Lists of plain objects (no id) are replaced as a whole by each answer.
    typePolicies: {
      // An export just asked for is in the cache already: its status shows before the first poll answers.
      Query: {
        fields: {
          export: {
            read: (existing, { args, toReference }) =>
              existing ?? toReference({ __typename: 'Export', id: args?.id as string }),
          },
          // Pages read by cursor: the first page replaces the list, a later one is added below it.
          challengesPage: cursorPages(['cohortId', 'states', 'agencyId', 'search']),
          usersPage: cursorPages(['agencyId', 'role', 'search']),
          myNotificationsPage: cursorPages(['unreadOnly']),
        },
      },
      Cohort: { fields: { availableEvents: { merge: false } } },
      Challenge: {
        fields: {
          availableEvents: { merge: false },
          scores: { merge: false },
          approvals: { merge: false },
          attachments: { merge: false },
        },
      },
      Team: {
        fields: {
          availableEvents: { merge: false },
          permittedActions: { merge: false },
          members: { merge: false },
          weeks: { merge: false },
          history: { merge: false },
          changeRequests: { merge: false },
          checkIns: { merge: false },
          goals: { merge: false },
        },
      },
      KpiChangeRequest: { fields: { availableEvents: { merge: false } } },
      Goal: { fields: { kpis: { merge: false } } },
      Kpi: { fields: { values: { merge: false }, trajectory: { merge: false }, latestValue: { merge: false } } },
      CheckIn: { fields: { values: { merge: false }, review: { merge: false } } },
    },
  }),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
