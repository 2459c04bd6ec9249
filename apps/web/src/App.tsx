import { ApolloProvider } from '@apollo/client/react';
import { DirectionProvider, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import {
  createElement,
  isValidElement,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  type ComponentProps,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, createRoutesFromElements, matchRoutes, Route, Routes } from 'react-router';

import { apolloClient } from './api/client';
import { NotFoundState, PageLoader } from './components/PageState';
import { Shell } from './components/Shell';
import { directionOf, initialLanguage } from './i18n';
import { focusInvalidFieldsOnSubmit } from './lib/forms';
import { DirectionSync, RefetchOnLanguageChange } from './session/language';
import { RequireSession } from './session/RequireSession';
import { MeQuery, SessionProvider } from './session/session';
import { cssVariablesResolver, theme } from './theme';

/**
 * A page whose code loads when first shown, or earlier through `preload()`: the page of the
 * address the browser opens starts loading at once, beside the question who is signed in, rather
 * than after its answer. Once its code is in, the page renders directly: through `lazy()` alone it
 * would suspend once more and wait for React's reveal of its fallback (up to 300 ms).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loading: Promise<{ default: T }> | undefined;
  let loaded: T | undefined;
  const preload = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(preload);
  const Page = (props: ComponentProps<T>) => createElement(loaded ?? Lazy, props);
  return Object.assign(Page, { preload });
}

const SignInPage = lazyPage(() => import('./features/sign-in/SignInPage').then((m) => ({ default: m.SignInPage })));
const MyTasksPage = lazyPage(() => import('./features/tasks/MyTasksPage').then((m) => ({ default: m.MyTasksPage })));
const NotificationsPage = lazyPage(() =>
  import('./features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const AccountPage = lazyPage(() => import('./features/account/AccountPage').then((m) => ({ default: m.AccountPage })));
// Administration is for few people: its code loads only when opened.
const UsersPage = lazyPage(() => import('./features/admin/UsersPage'));
const UserPage = lazyPage(() => import('./features/admin/UserPage'));
const AgenciesPage = lazyPage(() => import('./features/admin/AgenciesPage'));
// Cohorts: the timeline and the form load when first opened.
const CohortsPage = lazyPage(() => import('./features/cohorts/CohortsPage'));
const CohortPage = lazyPage(() => import('./features/cohorts/CohortPage'));
const NewCohortPage = lazyPage(() =>
  import('./features/cohorts/CohortFormPage').then((m) => ({ default: m.NewCohortPage })),
);
const EditCohortPage = lazyPage(() =>
  import('./features/cohorts/CohortFormPage').then((m) => ({ default: m.EditCohortPage })),
);
// Challenges: intake, screening and approval load when first opened.
const ChallengesPage = lazyPage(() => import('./features/challenges/ChallengesPage'));
const ChallengePage = lazyPage(() => import('./features/challenges/ChallengePage'));
const NewChallengePage = lazyPage(() =>
  import('./features/challenges/ChallengeFormPage').then((m) => ({ default: m.NewChallengePage })),
);
const EditChallengePage = lazyPage(() =>
  import('./features/challenges/ChallengeFormPage').then((m) => ({ default: m.EditChallengePage })),
);
const ScreeningBoardPage = lazyPage(() => import('./features/challenges/ScreeningBoardPage'));
const ApprovalQueuePage = lazyPage(() => import('./features/challenges/ApprovalQueuePage'));
const AlignmentTreePage = lazyPage(() => import('./features/alignment/AlignmentTreePage'));
// Teams: the list and the workspace load when first opened.
const TeamsPage = lazyPage(() => import('./features/teams/TeamsPage'));
const TeamPage = lazyPage(() => import('./features/teams/TeamPage'));
// The mid-point review: the reviewer's pages and the office's assignment and decision pages.
const MyReviewsPage = lazyPage(() => import('./features/reviews/MyReviewsPage'));
const AssessmentPage = lazyPage(() => import('./features/reviews/AssessmentPage'));
const AssignmentPage = lazyPage(() => import('./features/reviews/AssignmentPage'));
const CohortReviewsPage = lazyPage(() => import('./features/reviews/CohortReviewsPage'));
const DecisionPage = lazyPage(() => import('./features/reviews/DecisionPage'));
// The audit log is the office's: it loads when first opened.
const AuditPage = lazyPage(() => import('./features/audit/AuditPage'));
// Day 100 and after: the report, the outcome, the plan and its checkpoints, the team's whole story.
const ResultsPage = lazyPage(() => import('./features/results/ResultsPage'));
// The leadership dashboard loads when first opened.
const DashboardPage = lazyPage(() => import('./features/dashboard/DashboardPage'));

/** The application's addresses and their pages. */
const routes = (
  <>
    <Route
      path="/sign-in"
      element={
        <Suspense fallback={<PageLoader />}>
          <SignInPage />
        </Suspense>
      }
    />
    <Route
      element={
        <RequireSession>
          <Shell />
        </RequireSession>
      }
    >
      <Route index element={<MyTasksPage />} />
      <Route path="notifications" element={<NotificationsPage />} />
      <Route path="dashboard" element={<DashboardPage />} />
      <Route path="account" element={<AccountPage />} />
      <Route path="cohorts" element={<CohortsPage />} />
      <Route path="cohorts/new" element={<NewCohortPage />} />
      <Route path="cohorts/:id" element={<CohortPage />} />
      <Route path="cohorts/:id/edit" element={<EditCohortPage />} />
      <Route path="cohorts/:id/reviewers" element={<AssignmentPage />} />
      <Route path="cohorts/:id/reviews" element={<CohortReviewsPage />} />
      <Route path="challenges" element={<ChallengesPage />} />
      <Route path="challenges/new" element={<NewChallengePage />} />
      <Route path="challenges/:id" element={<ChallengePage />} />
      <Route path="challenges/:id/edit" element={<EditChallengePage />} />
      <Route path="screening" element={<ScreeningBoardPage />} />
      <Route path="approvals" element={<ApprovalQueuePage />} />
      <Route path="teams" element={<TeamsPage />} />
      <Route path="teams/:id" element={<TeamPage />} />
      <Route path="teams/:id/midpoint" element={<DecisionPage />} />
      <Route path="reviews" element={<MyReviewsPage />} />
      <Route path="reviews/:id" element={<AssessmentPage />} />
      <Route path="teams/:id/results" element={<ResultsPage />} />
      <Route path="admin/alignment" element={<AlignmentTreePage />} />
      <Route path="admin/users" element={<UsersPage />} />
      <Route path="admin/users/:id" element={<UserPage />} />
      <Route path="admin/agencies" element={<AgenciesPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="*" element={<NotFoundState />} />
    </Route>
  </>
);

/** The lazily loaded page an element shows, if it is one (directly or inside a Suspense). */
function pageOf(element: ReactNode): { preload?: () => unknown } | null {
  if (!isValidElement(element)) return null;
  const type = element.type as { preload?: () => unknown };
  if (typeof type.preload === 'function') return type;
  return pageOf((element as ReactElement<{ children?: ReactNode }>).props.children);
}

// The page of the address opened starts loading now, and the session's question leaves, while the
// interface's catalogue is still arriving (main.tsx renders once it is in); the session's own
// query then finds the answer in the cache, or joins the request in flight.
for (const match of matchRoutes(createRoutesFromElements(routes), window.location) ?? []) {
  void pageOf(match.route.element)?.preload?.();
}
export const sessionAsked: Promise<unknown> = apolloClient.query({ query: MeQuery }).catch(() => undefined);

/** A refused submit, in any form, puts the focus on its first field in error. */
function FocusInvalidFields() {
  useEffect(() => focusInvalidFieldsOnSubmit(), []);
  return null;
}

export function App() {
  const { t } = useTranslation();
  // Close buttons of toasts are named in the current language.
  const localTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: { Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } } },
      }),
    [t],
  );
  return (
    <DirectionProvider initialDirection={directionOf(initialLanguage)}>
      <MantineProvider theme={localTheme} cssVariablesResolver={cssVariablesResolver}>
        <DirectionSync />
        <FocusInvalidFields />
        <Notifications position="bottom-center" zIndex={1000} />
        <ApolloProvider client={apolloClient}>
          <RefetchOnLanguageChange />
          <BrowserRouter>
            <SessionProvider>
              <Routes>{routes}</Routes>
            </SessionProvider>
          </BrowserRouter>
        </ApolloProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
