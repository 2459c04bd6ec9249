import { ApolloProvider } from '@apollo/client/react';
import { DirectionProvider, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';

import { apolloClient } from './api/client';
import { NotFoundState, PageLoader } from './components/PageState';
import { Shell } from './components/Shell';
import { directionOf, initialLanguage } from './i18n';
import { DirectionSync, RefetchOnLanguageChange } from './session/language';
import { RequireSession } from './session/RequireSession';
import { SessionProvider } from './session/session';
import { cssVariablesResolver, theme } from './theme';

// Every page is a chunk of its own, so that a page loads only its own code.
const SignInPage = lazy(() => import('./features/sign-in/SignInPage').then((m) => ({ default: m.SignInPage })));
const MyTasksPage = lazy(() => import('./features/tasks/MyTasksPage').then((m) => ({ default: m.MyTasksPage })));
const NotificationsPage = lazy(() =>
  import('./features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const AccountPage = lazy(() => import('./features/account/AccountPage').then((m) => ({ default: m.AccountPage })));
// Administration is for few people: its code loads only when opened.
const UsersPage = lazy(() => import('./features/admin/UsersPage'));
const UserPage = lazy(() => import('./features/admin/UserPage'));
const AgenciesPage = lazy(() => import('./features/admin/AgenciesPage'));
// Cohorts: the timeline and the form load when first opened.
const CohortsPage = lazy(() => import('./features/cohorts/CohortsPage'));
const CohortPage = lazy(() => import('./features/cohorts/CohortPage'));
const NewCohortPage = lazy(() =>
  import('./features/cohorts/CohortFormPage').then((m) => ({ default: m.NewCohortPage })),
);
const EditCohortPage = lazy(() =>
  import('./features/cohorts/CohortFormPage').then((m) => ({ default: m.EditCohortPage })),
);
// Challenges: intake, screening and approval load when first opened.
const ChallengesPage = lazy(() => import('./features/challenges/ChallengesPage'));
const ChallengePage = lazy(() => import('./features/challenges/ChallengePage'));
const NewChallengePage = lazy(() =>
  import('./features/challenges/ChallengeFormPage').then((m) => ({ default: m.NewChallengePage })),
);
const EditChallengePage = lazy(() =>
  import('./features/challenges/ChallengeFormPage').then((m) => ({ default: m.EditChallengePage })),
);
const ScreeningBoardPage = lazy(() => import('./features/challenges/ScreeningBoardPage'));
const ApprovalQueuePage = lazy(() => import('./features/challenges/ApprovalQueuePage'));
const AlignmentTreePage = lazy(() => import('./features/alignment/AlignmentTreePage'));
// Teams: the list and the workspace load when first opened.
const TeamsPage = lazy(() => import('./features/teams/TeamsPage'));
const TeamPage = lazy(() => import('./features/teams/TeamPage'));
// The mid-point review: the reviewer's pages and the office's assignment and decision pages.
const MyReviewsPage = lazy(() => import('./features/reviews/MyReviewsPage'));
const AssessmentPage = lazy(() => import('./features/reviews/AssessmentPage'));
const AssignmentPage = lazy(() => import('./features/reviews/AssignmentPage'));
const CohortReviewsPage = lazy(() => import('./features/reviews/CohortReviewsPage'));
const DecisionPage = lazy(() => import('./features/reviews/DecisionPage'));
// The audit log is the office's: it loads when first opened.
const AuditPage = lazy(() => import('./features/audit/AuditPage'));
// Day 100 and after: the report, the outcome, the plan and its checkpoints, the team's whole story.
const ResultsPage = lazy(() => import('./features/results/ResultsPage'));
// The leadership dashboard loads when first opened.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));

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
        <Notifications position="bottom-center" zIndex={1000} />
        <ApolloProvider client={apolloClient}>
          <RefetchOnLanguageChange />
          <BrowserRouter>
            <SessionProvider>
              <Routes>
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
              </Routes>
            </SessionProvider>
          </BrowserRouter>
        </ApolloProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
