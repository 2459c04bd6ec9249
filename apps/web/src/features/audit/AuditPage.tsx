import { useApolloClient, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { can } from '@hundred/domain';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ForbiddenState, LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { AuditEventsQuery as AuditEventsResult } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { auditActionLabel, auditDetails } from '../admin/audit';
import { AuditEventsQuery, AuditPageQuery } from './documents';
import { useExportMenu } from '../exports/ExportMenu';
import { SUBJECT_TYPES, filterVariables, filtersFrom, isUuid, paramsOf, type AuditFilters } from './filters';
import { DateField } from '../../components/DateField';

/** Two small links side by side: each at least 24 × 24 px to point at (WCAG 2.5.8). */
const SMALL_TARGET = {
  display: 'inline-block',
  minWidth: 24,
  minHeight: 24,
  lineHeight: '24px',
  textAlign: 'center',
} as const;

const PAGE = 50;
type AuditItem = AuditEventsResult['auditEvents']['items'][number];

/** The page of an object, where it has one. */
function objectLink(type: string, id: string | null | undefined): string | null {
  if (!id) return null;
  if (type === 'team') return `/teams/${id}`;
  if (type === 'challenge') return `/challenges/${id}`;
  if (type === 'cohort') return `/cohorts/${id}`;
  if (type === 'user') return `/admin/users/${id}`;
  return null;
}

/** سجل التدقيق: the history of any object and of any person's actions (the office only). */
export default function AuditPage() {
  const { actor } = useSession();
  const [params] = useSearchParams();
  if (!can(actor, 'audit.search', { type: 'audit' })) return <ForbiddenState />;
  // A new search starts afresh: its form, its first page and no later ones.
  return <AuditSearch key={params.toString()} />;
}

function AuditSearch() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useApolloClient();
  useDocumentTitle(t('auditView.title'));
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => filtersFrom(params), [params]);
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const variables = useMemo(() => ({ filter: filterVariables(applied), limit: PAGE }), [applied]);

  // The trail as a file, searched as the page searches it.
  const exported = useExportMenu({ kind: 'AUDIT_TRAIL', params: { audit: variables.filter } });

  // The first page and the agencies it names arrive in one answer.
  const { data, loading, error, refetch } = useQuery(AuditPageQuery, { variables, fetchPolicy: 'network-only' });
  // Later pages, read by cursor after the first.
  const [more, setMore] = useState<{ items: AuditItem[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const items = [...(data?.auditEvents.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (data?.auditEvents.nextCursor ?? null);

  const agencyName = useMemo(() => {
    const byId = new Map((data?.agencies ?? []).map((a) => [a.id, a]));
    return (id: string) => {
      const agency = byId.get(id);
      return agency ? format.name(agency) : undefined;
    };
  }, [data?.agencies, format]);

  const badId = (value: string) => (value.trim() && !isUuid(value.trim()) ? t('auditView.invalidId') : null);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (badId(draft.subjectId) || badId(draft.actorId)) return;
    setParams(paramsOf(draft));
  };
  const showMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setProblem(null);
    try {
      const res = await client.query({
        query: AuditEventsQuery,
        variables: { ...variables, after: cursor },
        fetchPolicy: 'network-only',
      });
      const page = res.data!.auditEvents;
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor ?? null });
    } catch (err) {
      setProblem(toProblem(err, t));
    } finally {
      setLoadingMore(false);
    }
  };
  const typeLabel = (type: string) =>
    (SUBJECT_TYPES as readonly string[]).includes(type)
      ? t(`auditView.types.${type as (typeof SUBJECT_TYPES)[number]}`)
      : type;
  const filterBy = (f: Partial<AuditFilters>) => `/audit?${paramsOf({ ...applied, ...f }).toString()}`;

  return (
    <>
      <PageHeader title={t('auditView.title')} description={t('auditView.description')} actions={exported.menu} />
      {exported.status ? (
        <Stack gap="sm" mb="lg">
          {exported.status}
        </Stack>
      ) : null}
      <Paper withBorder p="md" radius="md" mb="lg" component="form" onSubmit={apply} aria-labelledby="audit-filters">
        <Title order={2} fz="h4" id="audit-filters" mb="sm">
          {t('auditView.filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Select
            label={t('auditView.subjectType')}
            placeholder={t('auditView.anyType')}
            clearable
            data={SUBJECT_TYPES.map((v) => ({ value: v, label: typeLabel(v) }))}
            value={draft.subjectType || null}
            onChange={(v) => setDraft({ ...draft, subjectType: v ?? '' })}
          />
          <TextInput
            label={t('auditView.subjectId')}
            value={draft.subjectId}
            onChange={(e) => setDraft({ ...draft, subjectId: e.currentTarget.value })}
            error={badId(draft.subjectId)}
            dir="ltr"
            autoComplete="off"
          />
          <TextInput
            label={t('auditView.actor')}
            description={t('auditView.actorHint')}
            value={draft.actorId}
            onChange={(e) => setDraft({ ...draft, actorId: e.currentTarget.value })}
            error={badId(draft.actorId)}
            dir="ltr"
            autoComplete="off"
          />
          <TextInput
            label={t('auditView.action')}
            description={t('auditView.actionHint')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            dir="ltr"
            autoComplete="off"
          />
          <DateField label={t('auditView.from')} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
          <DateField label={t('auditView.to')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit" leftSection={<IconSearch size={18} aria-hidden />}>
            {t('auditView.apply')}
          </Button>
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={18} aria-hidden />}
            onClick={() => setParams(new URLSearchParams())}
          >
            {t('auditView.clear')}
          </Button>
        </Group>
      </Paper>

      <Title order={2} fz="h4" mb="sm">
        {t('auditView.results')}
      </Title>
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="audit-none">
          {t('auditView.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="audit-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('auditView.when')}</Table.Th>
                  <Table.Th scope="col">{t('auditView.who')}</Table.Th>
                  <Table.Th scope="col">{t('auditView.what')}</Table.Th>
                  <Table.Th scope="col">{t('auditView.object')}</Table.Th>
                  <Table.Th scope="col">{t('auditView.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => {
                  const page = objectLink(e.subjectType, e.subjectId);
                  const details = auditDetails(e, t, format, { agencyName });
                  return (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <time dateTime={e.occurredAt}>{format.dateTime(e.occurredAt)}</time>
                      </Table.Td>
                      <Table.Td>
                        {e.actor ? (
                          <Anchor component={Link} to={filterBy({ actorId: e.actor.id })} size="sm">
                            <bdi>{format.name(e.actor)}</bdi>
                          </Anchor>
                        ) : (
                          <Text size="sm">{t('audit.system')}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <bdi>{auditActionLabel(e.action, t)}</bdi>
                        </Text>
                        {e.fromState && e.toState ? (
                          <Text size="xs" c="dimmed">
                            <span className="ltr-data">
                              {t('auditView.states', { from: e.fromState, to: e.toState })}
                            </span>
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text size="sm">{typeLabel(e.subjectType)}</Text>
                          {e.subjectId ? (
                            <Group gap="sm" wrap="nowrap">
                              <Anchor
                                component={Link}
                                to={filterBy({ subjectType: e.subjectType, subjectId: e.subjectId })}
                                size="xs"
                                style={SMALL_TARGET}
                                aria-label={`${t('auditView.historyOf')}: ${e.subjectId}`}
                              >
                                <span className="ltr-data">{e.subjectId.slice(0, 8)}</span>
                              </Anchor>
                              {page ? (
                                <Anchor component={Link} to={page} size="xs" style={SMALL_TARGET}>
                                  {t('auditView.openObject')}
                                </Anchor>
                              ) : null}
                            </Group>
                          ) : null}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {details.map((line, i) => (
                          <Text size="sm" key={i}>
                            {line}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ProblemAlert problem={problem} />
          {cursor ? (
            <Group>
              <Button variant="light" onClick={() => void showMore()} loading={loadingMore}>
                {t('auditView.more')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </>
  );
}
