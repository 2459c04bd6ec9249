import { useQuery } from '@apollo/client/react';
import { Drawer, Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { can } from '@hundred/domain';
import { IconBuildingCommunity, IconHistory, IconKey, IconLogin2, IconUserEdit } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadError, PageLoader } from '../../components/PageState';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { auditActionLabel, auditDetails } from './audit';
import { AgenciesQuery, AuditTrailQuery, PeopleQuery } from './documents';

function ActionIcon({ action }: { action: string }) {
  const size = 14;
  if (action.startsWith('auth.sign_in') || action === 'auth.sign_out') return <IconLogin2 size={size} aria-hidden />;
  if (action.startsWith('auth.') || action.includes('password')) return <IconKey size={size} aria-hidden />;
  if (action.startsWith('user.')) return <IconUserEdit size={size} aria-hidden />;
  if (action.startsWith('agency.')) return <IconBuildingCommunity size={size} aria-hidden />;
  return <IconHistory size={size} aria-hidden />;
}

/** The history of one object (سجل التدقيق), newest first. */
export function AuditTrailDrawer({
  subjectType,
  subjectId,
  subjectName,
  opened,
  onClose,
}: {
  subjectType: 'user' | 'agency';
  subjectId: string;
  subjectName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor } = useSession();
  const { data, loading, error, refetch } = useQuery(AuditTrailQuery, {
    variables: { subjectType, subjectId },
    skip: !opened,
    fetchPolicy: 'network-only',
  });
  const people = useQuery(PeopleQuery, {
    skip: !opened || !can(actor, 'user.list', { type: 'user' }),
    fetchPolicy: 'cache-first',
  });
  const agencies = useQuery(AgenciesQuery, { skip: !opened, fetchPolicy: 'cache-first' });

  const personName = useMemo(() => {
    const byId = new Map((people.data?.users ?? []).map((u) => [u.id, u]));
    return (id: string) => {
      const person = byId.get(id);
      return person ? format.name(person) : t('audit.unknownActor');
    };
  }, [people.data, format, t]);
  const agencyName = useMemo(() => {
    const byId = new Map((agencies.data?.agencies ?? []).map((a) => [a.id, a]));
    return (id: string) => {
      const agency = byId.get(id);
      return agency ? format.name(agency) : undefined;
    };
  }, [agencies.data, format]);

  const events = data?.auditTrail ?? [];

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Group gap="xs">
          <IconHistory size={20} aria-hidden />
          <Text fw={700}>{t('audit.titleOf', { name: subjectName })}</Text>
        </Group>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <PageLoader />
      ) : events.length === 0 ? (
        <Text c="dimmed">{t('audit.none')}</Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={-1} mt="sm">
          {events.map((event) => {
            const details = auditDetails(event, t, format, { agencyName });
            return (
              <Timeline.Item
                key={event.id}
                bullet={
                  <ThemeIcon size={26} radius="xl" variant="light" color="gray">
                    <ActionIcon action={event.action} />
                  </ThemeIcon>
                }
                title={<Text fw={600}>{auditActionLabel(event.action, t)}</Text>}
              >
                <Stack gap={2}>
                  <Text size="sm" c="dimmed">
                    <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
                    {' · '}
                    {event.actorId ? personName(event.actorId) : t('audit.system')}
                    {event.ip ? (
                      <>
                        {' · '}
                        <span className="ltr-data">{event.ip}</span>
                      </>
                    ) : null}
                  </Text>
                  {details.map((line, i) => (
                    <Text size="sm" key={i}>
                      {line}
                    </Text>
                  ))}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Drawer>
  );
}
