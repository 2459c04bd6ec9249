import { useApolloClient, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBulb,
  IconCalendarEvent,
  IconChecklist,
  IconClipboardCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFormat } from '../../lib/format';
import { useCohortLabels } from '../cohorts/labels';
import type { MyTasksQuery as MyTasksData } from '../../gql/graphql';
import { MyTasksQuery } from './documents';
import { taskLink } from './tasks';

type Task = MyTasksData['myTasks']['tasks'][number];

function KindIcon({ subjectType }: { subjectType: string }) {
  if (subjectType === 'challenge') return <IconBulb size={22} aria-hidden />;
  if (subjectType === 'cohort') return <IconCalendarEvent size={22} aria-hidden />;
  if (subjectType === 'assessment') return <IconClipboardCheck size={22} aria-hidden />;
  return <IconUsersGroup size={22} aria-hidden />;
}

/** مهامي: what the signed-in user must do now, most urgent first — the first page after sign-in. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const cohortLabels = useCohortLabels();
  useDocumentTitle(t('tasks.title'));
  // Always asked again: a task is gone as soon as anyone did it.
  const { data, loading, error, refetch } = useQuery(MyTasksQuery, { fetchPolicy: 'cache-and-network' });
  const mine = data?.myTasks;
  const client = useApolloClient();
  // Later pages, read by cursor after the first; they belong to the first page they followed.
  const [more, setMore] = useState<{ after: typeof mine; tasks: Task[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const later = more && more.after === mine ? more : null;
  const seen = new Set<string>();
  const tasks = [...(mine?.tasks ?? []), ...(later?.tasks ?? [])].filter((task) =>
    seen.has(task.id) ? false : (seen.add(task.id), true),
  );
  const cursor = later ? later.cursor : (mine?.nextCursor ?? null);
  const showMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setProblem(null);
    try {
      const res = await client.query({
        query: MyTasksQuery,
        variables: { after: cursor },
        fetchPolicy: 'network-only',
      });
      const page = res.data!.myTasks;
      setMore({ after: mine, tasks: [...(later?.tasks ?? []), ...page.tasks], cursor: page.nextCursor ?? null });
    } catch (err) {
      setProblem(toProblem(err, t));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        description={
          mine
            ? t('tasks.summary', { count: format.number(mine.count), overdue: format.number(mine.overdueCount) })
            : t('tasks.description')
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <PageLoader />
      ) : !mine || tasks.length === 0 ? (
        <Paper withBorder p="xl" radius="md" data-testid="tasks-empty">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconChecklist size={26} aria-hidden />
            </ThemeIcon>
            <Text fw={600}>{t('tasks.none')}</Text>
            <Text c="dimmed" size="sm">
              {t('tasks.noneHint')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('tasks.listLabel')}
            data-testid="task-list"
          >
            {tasks.map((task) => {
              const what = t(`tasks.kinds.${task.kind}`, {
                week: task.week === null || task.week === undefined ? '' : format.number(task.week),
                checkpoint:
                  task.checkpoint === null || task.checkpoint === undefined ? '' : format.number(task.checkpoint),
                event: task.event ? cohortLabels.event(task.event) : '',
              });
              const days = task.workingDaysLeft;
              return (
                <Paper
                  component="li"
                  key={task.id}
                  withBorder
                  radius="md"
                  p="md"
                  data-testid="task"
                  data-kind={task.kind}
                  style={task.overdue ? { borderInlineStart: '4px solid var(--mantine-color-red-filled)' } : undefined}
                >
                  <Group align="flex-start" wrap="nowrap" gap="md">
                    <ThemeIcon size={40} radius="xl" variant="light" color={task.overdue ? 'red' : 'hundred'}>
                      <KindIcon subjectType={task.subjectType} />
                    </ThemeIcon>
                    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                      <Group gap="xs" wrap="wrap">
                        <Anchor component={Link} to={taskLink(task)} fw={600}>
                          {what}
                        </Anchor>
                        {task.overdue ? (
                          <Badge
                            size="sm"
                            color="red"
                            variant="filled"
                            tt="none"
                            leftSection={<IconAlertTriangle size={12} aria-hidden />}
                          >
                            {t('tasks.overdue')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="sm">
                        <bdi>{format.name(task)}</bdi>
                      </Text>
                      <Text size="sm" c="dimmed">
                        {task.dueAt ? (
                          <>
                            {t('tasks.due', { date: format.dateTime(task.dueAt, task.timeZone) })}
                            {days !== null && days !== undefined ? (
                              <>
                                {' · '}
                                {days >= 0
                                  ? t('tasks.workingDaysLeft', { count: days })
                                  : t('tasks.workingDaysOver', { count: -days })}
                              </>
                            ) : null}
                          </>
                        ) : (
                          t('tasks.noDue')
                        )}
                      </Text>
                      {task.blockedReasons.length ? (
                        <Text size="sm">
                          {t('tasks.blockedBy')} {format.list(task.blockedReasons)}
                        </Text>
                      ) : null}
                    </Stack>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
          <ProblemAlert problem={problem} />
          {cursor ? (
            <Group gap="md">
              <Button variant="light" onClick={() => void showMore()} loading={loadingMore} data-testid="tasks-more">
                {t('tasks.more')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('tasks.shown', { shown: format.number(tasks.length), total: format.number(mine.count) })}
              </Text>
            </Group>
          ) : null}
        </Stack>
      )}
    </>
  );
}
