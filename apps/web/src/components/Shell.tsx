import { useQuery } from '@apollo/client/react';
import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Divider,
  Group,
  Indicator,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { can, hasRole } from '@hundred/domain';
import {
  IconBell,
  IconBuildingCommunity,
  IconBulb,
  IconCalendarStats,
  IconChartBar,
  IconChecklist,
  IconClipboardCheck,
  IconHierarchy3,
  IconHistory,
  IconListCheck,
  IconLayoutKanban,
  IconLogout,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';

import { useAfterContent } from '../api/afterContent';
import { MyTaskCountQuery } from '../features/tasks/documents';
import { graphql } from '../gql';
import { useFormat } from '../lib/format';
import { useSession } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PageLoader } from './PageState';
import { RoleBadges } from './RoleBadges';

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    myUnreadNotificationCount
  }
`);

function Brand() {
  const { t } = useTranslation();
  return (
    // Named by what it shows (axe: label-content-name-mismatch), with where it leads for screen readers.
    <UnstyledButton component={Link} to="/">
      <Group gap="sm" wrap="nowrap">
        <span className="brand-mark" aria-hidden>
          100
        </span>
        <Stack gap={0}>
          <Text fw={700} size="lg" lh={1.2}>
            {t('app.name')}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3} visibleFrom="xs">
            {t('app.subtitle')}
          </Text>
          <span className="visually-hidden">{t('app.homeLink')}</span>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The frame of the app while the session is being read or cannot be: the brand, the language and
 * signing out stay at hand, and what is happening shows where the page would be.
 */
export function SessionFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 68 }} padding={{ base: 'md', md: 'xl' }}>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Brand />
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconLogout size={18} aria-hidden />}
                onClick={() => void signOut()}
              >
                {t('header.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main id="main-content" tabIndex={-1}>
          <div style={{ maxWidth: 1200, marginInline: 'auto' }}>{children}</div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

function UnreadBell() {
  const { t } = useTranslation();
  const format = useFormat();
  // The counts come after the page's content (api/afterContent.ts).
  const skip = !useAfterContent();
  const { data } = useQuery(UnreadCountQuery, { pollInterval: 60_000, fetchPolicy: 'cache-and-network', skip });
  const count = data?.myUnreadNotificationCount ?? 0;
  const label = t('header.unread', { number: format.number(count) });
  return (
    <Tooltip label={label}>
      <Indicator label={format.number(count)} size={18} offset={4} disabled={count === 0} color="red">
        <ActionIcon component={Link} to="/notifications" variant="default" size="lg" aria-label={label}>
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}

function UserSummary({ align = 'end' }: { align?: 'start' | 'end' }) {
  const { user } = useSession();
  const format = useFormat();
  if (!user) return null;
  return (
    <Stack gap={2} align={align === 'end' ? 'flex-end' : 'flex-start'} data-testid="signed-in-user">
      <Text fw={600} size="sm" lh={1.2}>
        {format.name(user)}
      </Text>
      <RoleBadges roles={user.roles} teamRoles={user.teamRoles} size="sm" />
    </Stack>
  );
}

/** How many tasks wait for the user, asked again on every page change (a task goes once done). */
function TaskCount() {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const skip = !useAfterContent();
  const { data, refetch } = useQuery(MyTaskCountQuery, {
    pollInterval: 60_000,
    fetchPolicy: 'cache-and-network',
    skip,
  });
  useEffect(() => {
    if (!skip) void refetch().catch(() => undefined);
  }, [location.pathname, refetch, skip]);
  const count = data?.myTasks.count ?? 0;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color={data?.myTasks.overdueCount ? 'red' : 'hundred'}
      aria-label={t('nav.taskCount', { number: format.number(count) })}
      data-testid="nav-task-count"
    >
      {format.number(count)}
    </Badge>
  );
}

function NavItem({
  to,
  label,
  icon,
  end = false,
  right,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  end?: boolean;
  right?: ReactNode;
}) {
  const match = useMatch({ path: to, end });
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={right}
      active={match !== null}
      aria-current={match ? 'page' : undefined}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

export function Shell() {
  const { t } = useTranslation();
  const { user, actor, signOut } = useSession();
  const format = useFormat();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();

  // On small screens the menu closes once a page is chosen.
  useEffect(() => close(), [location.pathname, close]);

  const mayListUsers = can(actor, 'user.list', { type: 'user' });
  const mayManageAgencies =
    can(actor, 'agency.create', { type: 'agency' }) || can(actor, 'agency.update', { type: 'agency' });
  const mayManageAlignment = can(actor, 'alignment.manage', { type: 'alignment' });
  const showAdministration =
    mayListUsers || mayManageAgencies || mayManageAlignment || can(actor, 'audit.search', { type: 'audit' });
  const mayReadCohorts = can(actor, 'cohort.read', { type: 'cohort' });
  // The office and leadership see every challenge; a focal point those their agency leads.
  const mayReadChallenges =
    can(actor, 'challenge.read', { type: 'challenge' }) ||
    (!!actor && can(actor, 'challenge.read', { type: 'challenge', leadAgencyId: actor.agencyId }));
  const mayScreen = can(actor, 'challenge.score', { type: 'challenge' });
  const mayDecide = !!actor && hasRole(actor, 'LEADERSHIP');
  const isReviewer = !!actor && hasRole(actor, 'REVIEWER');
  const maySearchAudit = can(actor, 'audit.search', { type: 'audit' });
  // The dashboard counts everyone's part; it is a page of its own for the office and leadership.
  const showDashboard = !!actor && (hasRole(actor, 'ADMIN') || hasRole(actor, 'LEADERSHIP'));

  const handleSignOut = () => void signOut();

  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 68 }}
        navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', md: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Brand />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Group visibleFrom="md" gap="sm" wrap="nowrap">
                <UserSummary />
                <Divider orientation="vertical" />
              </Group>
              <UnreadBell />
              <LanguageSwitch visibleFrom="xs" />
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconLogout size={18} aria-hidden />}
                onClick={handleSignOut}
                visibleFrom="sm"
              >
                {t('header.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="md" id="main-navigation" aria-label={t('nav.label')}>
          <AppShell.Section hiddenFrom="md" mb="md">
            <UserSummary align="start" />
          </AppShell.Section>
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={4}>
              <NavItem
                to="/"
                end
                label={t('nav.tasks')}
                icon={<IconListCheck size={20} aria-hidden />}
                right={<TaskCount />}
              />
              {showDashboard ? (
                <NavItem to="/dashboard" label={t('nav.dashboard')} icon={<IconChartBar size={20} aria-hidden />} />
              ) : null}
              <NavItem to="/notifications" label={t('nav.notifications')} icon={<IconBell size={20} aria-hidden />} />
              {mayReadCohorts ? (
                <NavItem to="/cohorts" label={t('nav.cohorts')} icon={<IconCalendarStats size={20} aria-hidden />} />
              ) : null}
              {mayReadChallenges ? (
                <NavItem to="/challenges" label={t('nav.challenges')} icon={<IconBulb size={20} aria-hidden />} />
              ) : null}
              <NavItem to="/teams" label={t('nav.teams')} icon={<IconUsersGroup size={20} aria-hidden />} />
              {mayScreen ? (
                <NavItem to="/screening" label={t('nav.screening')} icon={<IconLayoutKanban size={20} aria-hidden />} />
              ) : null}
              {isReviewer ? (
                <NavItem to="/reviews" label={t('nav.reviews')} icon={<IconClipboardCheck size={20} aria-hidden />} />
              ) : null}
              {mayDecide ? (
                <NavItem to="/approvals" label={t('nav.approvals')} icon={<IconChecklist size={20} aria-hidden />} />
              ) : null}
              <NavItem to="/account" label={t('nav.account')} icon={<IconUserCircle size={20} aria-hidden />} />
              {showAdministration ? (
                <>
                  <Text size="xs" fw={700} c="dimmed" mt="lg" mb={4} px="sm" id="nav-administration">
                    {t('nav.administration')}
                  </Text>
                  {mayListUsers ? (
                    <NavItem to="/admin/users" label={t('nav.users')} icon={<IconUsers size={20} aria-hidden />} />
                  ) : null}
                  {mayManageAgencies || mayListUsers ? (
                    <NavItem
                      to="/admin/agencies"
                      label={t('nav.agencies')}
                      icon={<IconBuildingCommunity size={20} aria-hidden />}
                    />
                  ) : null}
                  {mayManageAlignment ? (
                    <NavItem
                      to="/admin/alignment"
                      label={t('nav.alignment')}
                      icon={<IconHierarchy3 size={20} aria-hidden />}
                    />
                  ) : null}
                  {maySearchAudit ? (
                    <NavItem to="/audit" label={t('nav.auditLog')} icon={<IconHistory size={20} aria-hidden />} />
                  ) : null}
                </>
              ) : null}
            </Stack>
          </AppShell.Section>
          <AppShell.Section hiddenFrom="sm" pt="md">
            <Stack gap="xs">
              <LanguageSwitch hiddenFrom="xs" fullWidth />
              <Button
                variant="light"
                color="gray"
                fullWidth
                leftSection={<IconLogout size={18} aria-hidden />}
                onClick={handleSignOut}
              >
                {t('header.signOut')}
              </Button>
            </Stack>
          </AppShell.Section>
          {user ? (
            <AppShell.Section visibleFrom="sm" pt="md">
              <Text size="xs" c="dimmed">
                {t('fields.agency')}
              </Text>
              <Text size="sm" fw={500}>
                {format.name(user.agency)}
              </Text>
            </AppShell.Section>
          ) : null}
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1}>
          <div style={{ maxWidth: 1200, marginInline: 'auto' }}>
            <PageErrorBoundary resetKey={location.pathname}>
              <Suspense fallback={<PageLoader />}>
                <Outlet />
              </Suspense>
            </PageErrorBoundary>
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
