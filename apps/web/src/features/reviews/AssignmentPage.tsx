import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconChecks,
  IconListDetails,
  IconUserMinus,
  IconUserPlus,
  IconX,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { toProblem, type Problem } from '../../api/errors';
import { BackLink } from '../../components/BackLink';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { blockingGuards } from '../../lib/workflow';
import { mayOn } from '../teams/teams';
import { AssessmentStateBadge } from './Badges';
import {
  AssignReviewerMutation,
  CohortAssignmentQuery,
  ConfirmReviewAssignmentMutation,
  ProposedAssignmentQuery,
  UnassignReviewerMutation,
} from './documents';
import { useReviewLabels } from './labels';

/** A proposal as the office adjusts it: the reviewers of each team, and whether the server found too few. */
type Proposal = Map<string, { reviewerIds: Set<string>; short: boolean }>;

/**
 * The office's assignment of reviewers for a cohort: a grid of its teams and the reviewers, with
 * what keeps a reviewer off a team (a member of it, its lead or partner agency, a declared
 * conflict); assign and unassign one at a time, or ask for a proposal (the minimum each, no
 * conflict, the load spread evenly), adjust it and confirm it whole. The server refuses a conflict
 * in its own words, shown here.
 */
export default function AssignmentPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const client = useApolloClient();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CohortAssignmentQuery, {
    variables: { cohortId: id },
    fetchPolicy: 'cache-and-network',
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const cohort = data?.cohort;
  useDocumentTitle(
    cohort ? t('reviews.assign.documentTitle', { cohort: format.name(cohort) }) : t('reviews.assign.title'),
  );

  const reviewers = useMemo(
    () =>
      [...(data?.users ?? [])].filter((u) => u.active).sort((a, b) => format.compare(format.name(a), format.name(b))),
    [data?.users, format],
  );
  const teamById = useMemo(() => new Map((data?.teams ?? []).map((team) => [team.id, team])), [data?.teams]);
  const loadOf = useMemo(() => {
    const out = new Map<string, number>();
    for (const row of data?.cohortReviewCandidates ?? []) for (const c of row.candidates) out.set(c.reviewerId, c.load);
    return out;
  }, [data?.cohortReviewCandidates]);

  if (error && !data) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <PageLoader />;
  if (!cohort || !data) return null;

  const rows = data.cohortReviewCandidates.filter((row) => teamById.has(row.teamId));
  const mayAssignAny = rows.some((row) => mayOn(teamById.get(row.teamId)!, 'ASSIGN_REVIEWER'));

  const attempt = async (key: string, work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setBusy(key);
    try {
      await work();
      await refetch();
      notifications.show({ color: 'teal', message: done });
      return true;
    } catch (e) {
      setProblem(toProblem(e, t));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const propose = async () => {
    setProblem(null);
    setBusy('propose');
    try {
      const result = await client.query({
        query: ProposedAssignmentQuery,
        variables: { cohortId: cohort.id },
        fetchPolicy: 'network-only',
      });
      const next: Proposal = new Map();
      for (const p of result.data?.proposedReviewAssignment ?? [])
        next.set(p.teamId, { reviewerIds: new Set(p.reviewerIds), short: p.short });
      setProposal(next);
    } catch (e) {
      setProblem(toProblem(e, t));
    } finally {
      setBusy(null);
    }
  };

  const toggle = (teamId: string, reviewerId: string, on: boolean) =>
    setProposal((current) => {
      if (!current) return current;
      const next: Proposal = new Map(current);
      const entry = next.get(teamId) ?? { reviewerIds: new Set<string>(), short: false };
      const ids = new Set(entry.reviewerIds);
      if (on) ids.add(reviewerId);
      else ids.delete(reviewerId);
      next.set(teamId, { ...entry, reviewerIds: ids });
      return next;
    });

  const confirm = async () => {
    if (!proposal) return;
    const ok = await attempt(
      'confirm',
      () =>
        client.mutate({
          mutation: ConfirmReviewAssignmentMutation,
          variables: {
            input: {
              cohortId: cohort.id,
              teams: [...proposal].map(([teamId, p]) => ({ teamId, reviewerIds: [...p.reviewerIds] })),
            },
          },
        }),
      t('reviews.assign.confirmed'),
    );
    if (ok) setProposal(null);
  };

  return (
    <>
      <PageHeader
        above={<BackLink to={`/cohorts/${cohort.id}`} label={t('cohorts.back')} />}
        title={t('reviews.assign.title')}
        description={<bdi>{format.name(cohort)}</bdi>}
        actions={
          <Button
            variant="default"
            component={Link}
            to={`/cohorts/${cohort.id}/reviews`}
            leftSection={<IconListDetails size={18} aria-hidden />}
          >
            {t('reviews.cohort.title')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t('reviews.assign.intro', { minimum: format.number(cohort.minReviewers) })}
        </Text>
        <div aria-live="assertive">
          <ProblemAlert problem={problem} onReload={() => void refetch()} title={t('reviews.assign.refused')} />
        </div>
        {mayAssignAny ? (
          <Group gap="sm">
            {proposal ? (
              <>
                <Button
                  leftSection={<IconChecks size={18} aria-hidden />}
                  onClick={() => void confirm()}
                  loading={busy === 'confirm'}
                  data-testid="confirm-proposal"
                >
                  {t('reviews.assign.confirm')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconX size={18} aria-hidden />}
                  onClick={() => setProposal(null)}
                  disabled={busy === 'confirm'}
                >
                  {t('reviews.assign.discard')}
                </Button>
              </>
            ) : (
              <Button
                variant="light"
                leftSection={<IconListDetails size={18} aria-hidden />}
                onClick={() => void propose()}
                loading={busy === 'propose'}
                data-testid="propose-assignment"
              >
                {t('reviews.assign.propose')}
              </Button>
            )}
          </Group>
        ) : (
          <Alert variant="light" color="gray">
            {t('reviews.assign.closed')}
          </Alert>
        )}
        {proposal ? (
          <Alert variant="light" color="blue" data-testid="proposal-note">
            {t('reviews.assign.proposalNote')}
          </Alert>
        ) : null}
        <Section id="assignment-grid" title={t('reviews.assign.gridTitle')} testId="assignment-grid">
          {rows.length === 0 ? (
            <Text c="dimmed">{t('reviews.assign.noTeams')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={240 + reviewers.length * 170}>
              <Table verticalSpacing="sm" withColumnBorders withTableBorder>
                <Table.Caption className="visually-hidden">{t('reviews.assign.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reviews.columns.team')}</Table.Th>
                    {reviewers.map((r) => (
                      <Table.Th key={r.id} scope="col" data-testid="reviewer-column">
                        <Stack gap={0}>
                          <bdi>{format.name(r)}</bdi>
                          <Text size="xs" c="dimmed" fw={400}>
                            <bdi>{format.name(r.agency)}</bdi>
                          </Text>
                          <Text size="xs" c="dimmed" fw={400}>
                            {t('reviews.assign.load', { number: format.number(loadOf.get(r.id) ?? 0) })}
                          </Text>
                        </Stack>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => {
                    const team = teamById.get(row.teamId)!;
                    const teamName = format.name(team);
                    // Who is on the team now is the server's word (candidates "assigned"); their latest assessment shows its state.
                    const all = team.review?.assessments ?? [];
                    const live = row.candidates.filter((c) => c.assigned);
                    const mayAssign = mayOn(team, 'ASSIGN_REVIEWER');
                    const proposed = proposal?.get(team.id);
                    return (
                      <Table.Tr key={team.id} data-testid="assignment-row" data-team={team.id}>
                        <Table.Th scope="row">
                          <Stack gap={2}>
                            <Text fw={600} size="sm">
                              <bdi>{teamName}</bdi>
                            </Text>
                            <Text size="xs" c="dimmed" data-testid="assigned-count">
                              {t('reviews.assign.assignedOf', {
                                number: format.number(proposed ? proposed.reviewerIds.size : live.length),
                                minimum: format.number(cohort.minReviewers),
                              })}
                            </Text>
                            {proposed?.short ? (
                              <Badge color="orange" variant="light" tt="none" size="sm">
                                {t('reviews.assign.short')}
                              </Badge>
                            ) : null}
                          </Stack>
                        </Table.Th>
                        {reviewers.map((r) => {
                          const candidate = row.candidates.find((c) => c.reviewerId === r.id);
                          const assessment = candidate?.assigned
                            ? [...all].reverse().find((a) => a.reviewer?.id === r.id)
                            : undefined;
                          const conflict = candidate?.conflict ?? null;
                          const key = `${team.id}:${r.id}`;
                          const who = { reviewer: format.name(r), team: teamName };
                          const unassign = assessment?.availableEvents.find((e) => e.event === 'UNASSIGN');
                          return (
                            <Table.Td
                              key={r.id}
                              data-testid="assignment-cell"
                              data-reviewer={r.id}
                              data-conflict={conflict ?? undefined}
                              data-assigned={assessment ? true : undefined}
                            >
                              <Stack gap={6} align="flex-start">
                                {conflict ? (
                                  <Badge
                                    color="red"
                                    variant="light"
                                    tt="none"
                                    leftSection={<IconAlertTriangle size={12} aria-hidden />}
                                    styles={{
                                      root: { height: 'auto', paddingBlock: 2 },
                                      label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip' },
                                    }}
                                    data-testid="conflict-reason"
                                  >
                                    {labels.conflict(conflict)}
                                  </Badge>
                                ) : null}
                                {proposal ? (
                                  mayAssign ? (
                                    <Checkbox
                                      checked={proposed?.reviewerIds.has(r.id) ?? false}
                                      onChange={(e) => toggle(team.id, r.id, e.currentTarget.checked)}
                                      label={t('reviews.assign.inProposal')}
                                      aria-label={t('reviews.assign.inProposalOf', who)}
                                      data-testid="proposal-checkbox"
                                    />
                                  ) : null
                                ) : assessment ? (
                                  <>
                                    <AssessmentStateBadge state={assessment.state} />
                                    {unassign && blockingGuards(unassign, labels.guard).length === 0 ? (
                                      <Button
                                        size="compact-xs"
                                        variant="subtle"
                                        color="red"
                                        leftSection={<IconUserMinus size={14} aria-hidden />}
                                        aria-label={t('reviews.assign.unassignOf', who)}
                                        loading={busy === key}
                                        onClick={() =>
                                          void attempt(
                                            key,
                                            () =>
                                              client.mutate({
                                                mutation: UnassignReviewerMutation,
                                                variables: {
                                                  input: { id: assessment.id, version: assessment.version },
                                                },
                                              }),
                                            t('reviews.assign.unassigned', who),
                                          )
                                        }
                                      >
                                        {t('reviews.assign.unassign')}
                                      </Button>
                                    ) : null}
                                  </>
                                ) : mayAssign ? (
                                  <Button
                                    size="compact-xs"
                                    variant="light"
                                    leftSection={<IconUserPlus size={14} aria-hidden />}
                                    aria-label={t('reviews.assign.assignOf', who)}
                                    loading={busy === key}
                                    onClick={() =>
                                      void attempt(
                                        key,
                                        () =>
                                          client.mutate({
                                            mutation: AssignReviewerMutation,
                                            variables: { input: { teamId: team.id, reviewerId: r.id } },
                                          }),
                                        t('reviews.assign.assigned', who),
                                      )
                                    }
                                    data-testid="assign-button"
                                  >
                                    {t('reviews.assign.assign')}
                                  </Button>
                                ) : null}
                              </Stack>
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
      </Stack>
    </>
  );
}
