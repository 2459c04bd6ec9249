import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import {
  IconBell,
  IconBellRinging,
  IconBulb,
  IconCalendarEvent,
  IconCheck,
  IconChecks,
  IconConfetti,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { toProblem } from '../../api/errors';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ListSkeleton, LoadError } from '../../components/PageState';
import { ShowMore } from '../../components/ShowMore';
import { graphql } from '../../gql';
import { useFormat } from '../../lib/format';

const MyNotificationsQuery = graphql(`
  query MyNotifications($unreadOnly: Boolean!, $limit: Int!, $after: String) {
    myNotificationsPage(unreadOnly: $unreadOnly, limit: $limit, after: $after) {
      nextCursor
      items {
        id
        kind
        title
        body
        subjectType
        subjectId
        createdAt
        readAt
      }
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [UUID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

type Filter = 'all' | 'unread';

/** Where a notification leads, when it is about something with a page of its own. */
function linkOf(item: { subjectType: string | null; subjectId: string | null }): string | null {
  if (item.subjectType === 'cohort' && item.subjectId) return `/cohorts/${item.subjectId}`;
  if (item.subjectType === 'challenge' && item.subjectId) return `/challenges/${item.subjectId}`;
  if (item.subjectType === 'team' && item.subjectId) return `/teams/${item.subjectId}`;
  return null;
}

function KindIcon({ kind, subjectType }: { kind: string; subjectType: string | null }) {
  if (kind === 'WELCOME') return <IconConfetti size={22} aria-hidden />;
  if (subjectType === 'cohort') return <IconCalendarEvent size={22} aria-hidden />;
  if (subjectType === 'challenge') return <IconBulb size={22} aria-hidden />;
  if (subjectType === 'team') return <IconUsersGroup size={22} aria-hidden />;
  return <IconBell size={22} aria-hidden />;
}

/** How many notifications a page holds. */
const PAGE_SIZE = 30;

export function NotificationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useState<Filter>('all');
  useDocumentTitle(t('notifications.title'));

  // A page at a time, newest first; the next one is asked for by its cursor and added below.
  const { data, loading, error, refetch, fetchMore } = useQuery(MyNotificationsQuery, {
    variables: { unreadOnly: filter === 'unread', limit: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });

  const [markRead, { loading: marking }] = useMutation(MarkReadMutation, {
    refetchQueries: ['MyNotifications', 'UnreadNotificationCount'],
    awaitRefetchQueries: true,
  });

  const items = data?.myNotificationsPage.items ?? [];
  const anyUnread = items.some((n) => !n.readAt);

  const mark = async (ids: string[] | null) => {
    try {
      await markRead({ variables: { ids } });
      if (ids === null) toasts.show({ color: 'teal', message: t('notifications.markedAllRead') });
    } catch (e) {
      toasts.show({ color: 'red', title: t('errors.title'), message: toProblem(e, t).message });
    }
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.intro')}
        actions={
          <Button
            variant="light"
            leftSection={<IconChecks size={18} aria-hidden />}
            disabled={!anyUnread || marking}
            loading={marking}
            onClick={() => void mark(null)}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('notifications.filterLabel')}
          value={filter}
          onChange={(value) => setFilter(value === 'unread' ? 'unread' : 'all')}
          data={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread') },
          ]}
        />
      </Group>
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <ListSkeleton rows={6} />
      ) : items.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconBellRinging size={26} aria-hidden />
            </ThemeIcon>
            <Text c="dimmed">{filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('notifications.title')}>
          {items.map((item) => {
            const { title, body } = item;
            const unread = !item.readAt;
            const link = linkOf(item);
            return (
              <Paper
                component="li"
                key={item.id}
                withBorder
                radius="md"
                p="md"
                style={unread ? { borderInlineStart: '4px solid var(--mantine-primary-color-filled)' } : undefined}
              >
                <Group align="flex-start" wrap="nowrap" gap="md">
                  <ThemeIcon size={40} radius="xl" variant="light" color={unread ? 'hundred' : 'gray'}>
                    <KindIcon kind={item.kind} subjectType={item.subjectType} />
                  </ThemeIcon>
                  <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{title}</Text>
                      {unread ? (
                        <Badge size="sm" variant="filled" tt="none">
                          {t('notifications.unread')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm">{body}</Text>
                    {link ? (
                      <Anchor
                        component={Link}
                        to={link}
                        size="sm"
                        fw={500}
                        w="fit-content"
                        aria-label={
                          item.subjectType === 'challenge'
                            ? t('notifications.openChallengeOf', { title })
                            : item.subjectType === 'team'
                              ? t('notifications.openTeamOf', { title })
                              : t('notifications.openCohortOf', { title })
                        }
                      >
                        <Group gap={4} component="span">
                          {item.subjectType === 'challenge'
                            ? t('notifications.openChallenge')
                            : item.subjectType === 'team'
                              ? t('notifications.openTeam')
                              : t('notifications.openCohort')}
                        </Group>
                      </Anchor>
                    ) : null}
                    <Group justify="space-between" align="center" gap="xs" mt={2}>
                      <Text size="xs" c="dimmed">
                        <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
                      </Text>
                      {unread ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconCheck size={16} aria-hidden />}
                          disabled={marking}
                          aria-label={t('notifications.markReadOf', { title })}
                          onClick={() => void mark([item.id])}
                        >
                          {t('notifications.markRead')}
                        </Button>
                      ) : null}
                    </Group>
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <ShowMore
        nextCursor={data?.myNotificationsPage.nextCursor ?? null}
        onMore={(after) => fetchMore({ variables: { after } })}
      />
    </>
  );
}
