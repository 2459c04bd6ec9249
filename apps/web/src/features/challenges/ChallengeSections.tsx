import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, type Language } from '@hundred/domain';
import { IconExternalLink, IconLayoutDashboard, IconSend, IconUsersGroup } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { errorCode, toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { ChallengeDetailFragment, ChallengeQueueItemFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { AlignmentPath, type AlignmentNode } from '../alignment/AlignmentFields';
import { TeamStateBadge } from '../teams/TeamStateBadge';
import { CHALLENGE_TEXTS, type ChallengeText } from './challenges';
import { AddChallengeCommentMutation, TeamQuery } from './documents';
import { useChallengeLabels } from './labels';

type Challenge = ChallengeDetailFragment;

/** A challenge's title in the language on screen, falling back to the other one. */
export function titleOf(challenge: { titleAr: string; titleEn: string }, language: Language): string {
  return language === 'ar' ? challenge.titleAr || challenge.titleEn : challenge.titleEn || challenge.titleAr;
}

const textOf = (challenge: Challenge, text: ChallengeText, language: Language): string =>
  challenge[`${text}${language === 'ar' ? 'Ar' : 'En'}`];

/** The problem, why it matters, the baseline and the ambition, in either language. */
export function ChallengeTexts({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const format = useFormat();
  const texts = CHALLENGE_TEXTS.filter((text) => text !== 'title');
  // English beyond the title is optional: with nothing written in the language on screen, show the other.
  const written = (language: Language) => texts.some((text) => textOf(challenge, text, language).trim() !== '');
  const other: Language = format.language === 'ar' ? 'en' : 'ar';
  const [language, setLanguage] = useState<Language>(
    !written(format.language) && written(other) ? other : format.language,
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t('challenges.view.languageHint')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-label={t('challenges.view.textLanguage')}
          value={language}
          onChange={(value) => setLanguage(value === 'en' ? 'en' : 'ar')}
          data={[
            { value: 'ar', label: t('language.ar') },
            { value: 'en', label: t('language.en') },
          ]}
        />
      </Group>
      <Stack gap="md" lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'} data-testid="challenge-texts">
        {language !== format.language ? (
          <Text fw={700} size="lg">
            {textOf(challenge, 'title', language) || t('challenges.view.notProvided')}
          </Text>
        ) : null}
        {texts.map((text) => {
          const value = textOf(challenge, text, language);
          return (
            <Stack gap={4} key={text}>
              <Title order={3} fz="sm" c="dimmed" lang={format.language} dir={format.language === 'ar' ? 'rtl' : 'ltr'}>
                {t(`challenges.view.${text}`)}
              </Title>
              <Text size="sm" c={value ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
                {value || t('challenges.view.notProvided')}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** The lead agency and the partner agencies. */
export function AgenciesList({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" component="dl" m={0}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('challenges.fields.leadAgencyId')}
        </Text>
        <Text size="sm" fw={600} component="dd" m={0} data-testid="lead-agency">
          {format.name(challenge.leadAgency)}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="dt">
          {t('challenges.fields.partnerAgencyIds')}
        </Text>
        <Text size="sm" component="dd" m={0} c={challenge.partnerAgencies.length ? undefined : 'dimmed'}>
          {challenge.partnerAgencies.length
            ? format.list(challenge.partnerAgencies.map((a) => format.name(a)))
            : t('challenges.view.noPartners')}
        </Text>
      </Stack>
    </Stack>
  );
}

/** Where the challenge sits in the alignment tree: one path per tag. */
export function AlignmentList({
  challenge,
  byId,
}: {
  challenge: ChallengeQueueItemFragment;
  byId: ReadonlyMap<string, AlignmentNode>;
}) {
  const { t } = useTranslation();
  if (challenge.alignmentNodes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('challenges.view.noAlignment')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {challenge.alignmentNodes.map((node) => (
        <Paper key={node.id} withBorder radius="sm" p="xs">
          <AlignmentPath id={node.id} byId={byId} fallback={node} />
        </Paper>
      ))}
    </Stack>
  );
}

export function AttachmentsList({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  if (challenge.attachments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('challenges.view.noAttachments')}
      </Text>
    );
  }
  return (
    <List spacing={6} size="sm" icon={<IconExternalLink size={16} aria-hidden />}>
      {challenge.attachments.map((attachment, i) => (
        <List.Item key={`${attachment.url}-${i}`}>
          <Anchor href={attachment.url} target="_blank" rel="noopener noreferrer" dir="auto">
            {attachment.title}
            <span className="visually-hidden"> {t('challenges.view.opensInNewTab')}</span>
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

/** "Approvals: 1 of 2", with who approved and when. */
export function ApprovalsSummary({ challenge }: { challenge: ChallengeQueueItemFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = challenge.approvals.length;
  const required = challenge.cohort.approvalsRequired;
  return (
    <Stack gap="xs" data-testid="approvals">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} data-testid="approvals-count">
          {t('challenges.approvals.count', { count: format.number(count), required: format.number(required) })}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, (count / Math.max(1, required)) * 100)}
        color={count >= required ? 'teal' : 'blue'}
        aria-label={t('challenges.approvals.count', { count: format.number(count), required: format.number(required) })}
      />
      {count > 0 ? (
        <List size="sm" spacing={2}>
          {challenge.approvals.map((approval) => (
            <List.Item key={approval.leaderId}>
              {t('challenges.approvals.by', {
                name: format.name(approval.leader),
                date: format.dateTime(approval.approvedAt, challenge.cohort.timeZone),
              })}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

/** The comment thread (returns and decisions included) and a form to add to it. */
export function CommentsThread({ challenge, onReload }: { challenge: Challenge; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const { actor } = useSession();
  const [addComment, { loading }] = useMutation(AddChallengeCommentMutation);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const mayComment = can(actor, 'challenge.comment', {
    type: 'challenge',
    id: challenge.id,
    leadAgencyId: challenge.leadAgencyId,
    partnerAgencyIds: challenge.partnerAgencyIds,
    state: challenge.state,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setProblem(null);
    if (!body.trim()) {
      setError(t('form.required'));
      return;
    }
    try {
      await addComment({ variables: { input: { challengeId: challenge.id, body: body.trim() } } });
      setBody('');
      await onReload();
      notifications.show({ color: 'teal', message: t('challenges.comments.added') });
    } catch (err) {
      const found = toProblem(err, t);
      if (found.fields.body) setError(found.fields.body);
      else setProblem(found);
    }
  };

  return (
    <Stack gap="md">
      {challenge.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('challenges.comments.none')}
        </Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="comments">
          {challenge.comments.map((comment) => (
            <Paper
              component="li"
              key={comment.id}
              withBorder
              radius="md"
              p="sm"
              style={
                comment.kind !== 'COMMENT'
                  ? {
                      borderInlineStart: `4px solid var(--mantine-color-${comment.kind === 'RETURN' ? 'orange' : 'violet'}-6)`,
                    }
                  : undefined
              }
            >
              <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {format.name(comment.author)}
                  </Text>
                  {comment.kind !== 'COMMENT' ? (
                    <Badge size="sm" variant="light" color={comment.kind === 'RETURN' ? 'orange' : 'violet'} tt="none">
                      {labels.commentKind(comment.kind)}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  <time dateTime={comment.createdAt}>
                    {format.dateTime(comment.createdAt, challenge.cohort.timeZone)}
                  </time>
                </Text>
              </Group>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {comment.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {mayComment ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('challenges.comments.new')}
              autosize
              minRows={2}
              maxLength={5000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={error}
            />
            <ProblemAlert problem={problem} />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={loading} leftSection={<IconSend size={16} aria-hidden />}>
                {t('challenges.comments.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

/** The team an approved challenge formed: its state and its people with their roles. */
export function TeamSummary({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const teamId = challenge.teamId;
  const { data, error, loading } = useQuery(TeamQuery, { variables: { id: teamId ?? '' }, skip: !teamId });
  if (!teamId) return null;
  const team = data?.team;
  return (
    <Stack gap="sm" data-testid="challenge-team" data-team-id={teamId}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size={36} radius="xl" variant="light" color="teal">
          <IconUsersGroup size={20} aria-hidden />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} id={`team-${teamId}`}>
            {team ? format.name(team) : t('challenges.team.formed')}
          </Text>
          {team ? (
            <Group gap="xs">
              <TeamStateBadge state={team.state} />
              <Text size="xs" c="dimmed">
                {t('challenges.team.formedOn', { date: format.date(team.createdAt, challenge.cohort.timeZone) })}
              </Text>
            </Group>
          ) : null}
        </Stack>
      </Group>
      {team ? (
        <List spacing={4} size="sm" aria-labelledby={`team-${teamId}`} data-testid="team-members">
          {team.members.map((member) => (
            <List.Item key={`${member.userId}-${member.role}`}>
              <Text span fw={500}>
                {format.name(member.user)}
              </Text>
              <Text span c="dimmed">
                {' · '}
                {labels.teamRole(member.role)}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
      {team ? (
        <Button
          component={Link}
          to={`/teams/${team.id}`}
          variant="light"
          size="xs"
          leftSection={<IconLayoutDashboard size={16} aria-hidden />}
          data-testid="open-team-workspace"
        >
          {t('challenges.team.openWorkspace')}
        </Button>
      ) : error && !loading ? (
        <Text size="sm" c="dimmed">
          {errorCode(error) === 'FORBIDDEN' ? t('challenges.team.notYours') : toProblem(error, t).message}
        </Text>
      ) : null}
    </Stack>
  );
}
