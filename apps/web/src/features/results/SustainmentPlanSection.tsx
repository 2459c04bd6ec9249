import { useMutation } from '@apollo/client/react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconSignature, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { SustainmentPlanFieldsFragment, TeamResultsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { mayOn } from '../teams/teams';
import { SaveSustainmentPlanMutation, SignSustainmentPledgeMutation } from './documents';
import { DateField } from '../../components/DateField';

type Team = TeamResultsFragment;
type Plan = SustainmentPlanFieldsFragment;
export interface AgencyOption {
  id: string;
  nameAr: string;
  nameEn: string;
}

interface ActionRow {
  descriptionAr: string;
  descriptionEn: string;
  responsibleAgencyId: string | null;
  dueDate: string;
}

/** The plan as it stands: owner, actions, kept KPIs, checkpoints. */
function PlanContent({ team, plan, agencies }: { team: Team; plan: Plan; agencies: readonly AgencyOption[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agency = (id: string | null | undefined) => {
    const a = agencies.find((x) => x.id === id);
    return a ? format.name(a) : '—';
  };
  const kpis = team.goals.flatMap((g) => g.kpis).filter((k) => plan.kpiIds.includes(k.id));
  return (
    <Stack gap="sm" data-testid="plan-content">
      <Text size="sm">
        <Text span fw={700}>
          {t('results.plan.owner')}
          {': '}
        </Text>
        <bdi>{agency(plan.ownerAgencyId)}</bdi>
      </Text>
      <Text size="sm" fw={700}>
        {t('results.plan.actions')}
      </Text>
      <List size="sm" spacing={4}>
        {plan.actions.map((a, i) => (
          <List.Item key={i}>
            <Text span size="sm" dir="auto">
              {format.language === 'en' && a.descriptionEn ? a.descriptionEn : a.descriptionAr}
            </Text>
            <Text span size="xs" c="dimmed">
              {' — '}
              <bdi>{agency(a.responsibleAgencyId)}</bdi>
              {' · '}
              {format.localDate(a.dueDate)}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="sm" fw={700}>
        {t('results.plan.kpis')}
      </Text>
      <List size="sm" spacing={2}>
        {kpis.map((k) => (
          <List.Item key={k.id}>
            <bdi>{format.name(k)}</bdi>
          </List.Item>
        ))}
      </List>
      <Text size="sm">
        <Text span fw={700}>
          {t('results.plan.checkpoints')}
          {': '}
        </Text>
        {format.list(plan.checkpointDays.map((d) => t('cohorts.day', { day: format.number(d) })))}
      </Text>
    </Stack>
  );
}

/** The team leader drafts the plan; a save after the pledge voids it, and the sponsor is asked again. */
function PlanForm({
  team,
  plan,
  agencies,
  onReload,
}: {
  team: Team;
  plan: Plan | null;
  agencies: readonly AgencyOption[];
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [save, saving] = useMutation(SaveSustainmentPlanMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const kpis = useMemo(() => team.goals.flatMap((g) => g.kpis), [team.goals]);
  const [owner, setOwner] = useState<string | null>(plan?.ownerAgencyId ?? team.leadAgencyId);
  const [actions, setActions] = useState<ActionRow[]>(
    plan && plan.actions.length > 0
      ? plan.actions.map((a) => ({ ...a }))
      : [{ descriptionAr: '', descriptionEn: '', responsibleAgencyId: team.leadAgencyId, dueDate: '' }],
  );
  const [kept, setKept] = useState<string[]>(plan ? [...plan.kpiIds] : kpis.map((k) => k.id));
  const options = agencies.map((a) => ({ value: a.id, label: format.name(a) }));
  const setAction = (i: number, change: Partial<ActionRow>) =>
    setActions((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await save({
        variables: {
          input: {
            teamId: team.id,
            version: plan?.version ?? null,
            ownerAgencyId: owner,
            kpiIds: kept,
            actions: actions
              .filter((a) => a.descriptionAr.trim() || a.descriptionEn.trim() || a.dueDate)
              .map((a) => ({
                descriptionAr: a.descriptionAr.trim(),
                descriptionEn: a.descriptionEn.trim(),
                responsibleAgencyId: a.responsibleAgencyId ?? '',
                dueDate: a.dueDate,
              })),
          },
        },
      });
      notifications.show({ color: 'teal', message: t('results.plan.saved') });
      await onReload();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="plan-form">
      <Stack gap="md">
        {plan?.pledge?.valid ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />}>
            {t('results.plan.editVoids')}
          </Alert>
        ) : null}
        <Select
          label={t('results.plan.owner')}
          description={t('results.plan.ownerHint')}
          data={options}
          value={owner}
          onChange={setOwner}
          searchable
          allowDeselect={false}
          required
        />
        <Fieldset legend={t('results.plan.actions')} radius="md">
          <Stack gap="sm">
            {actions.map((a, i) => (
              <Grid gap="sm" key={i} align="flex-end" data-testid={`plan-action-${i}`}>
                <Grid.Col span={{ base: 12, md: 4 }}>
                  <Textarea
                    label={t('results.plan.actionAr')}
                    autosize
                    minRows={1}
                    lang="ar"
                    dir="rtl"
                    value={a.descriptionAr}
                    onChange={(e) => setAction(i, { descriptionAr: e.currentTarget.value })}
                    required
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 3 }}>
                  <Textarea
                    label={t('results.plan.actionEn')}
                    autosize
                    minRows={1}
                    lang="en"
                    dir="ltr"
                    value={a.descriptionEn}
                    onChange={(e) => setAction(i, { descriptionEn: e.currentTarget.value })}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 2 }}>
                  <Select
                    label={t('results.plan.responsible')}
                    data={options}
                    value={a.responsibleAgencyId}
                    onChange={(v) => setAction(i, { responsibleAgencyId: v })}
                    searchable
                    allowDeselect={false}
                    required
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 10, md: 2 }}>
                  <DateField
                    label={t('results.plan.dueDate')}
                    value={a.dueDate}
                    onChange={(dueDate) => setAction(i, { dueDate })}
                    required
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 2, md: 1 }}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('results.plan.removeAction', { number: format.number(i + 1) })}
                    onClick={() => setActions((rows) => rows.filter((_, j) => j !== i))}
                    disabled={actions.length === 1}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Grid.Col>
              </Grid>
            ))}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setActions((rows) => [
                    ...rows,
                    { descriptionAr: '', descriptionEn: '', responsibleAgencyId: owner, dueDate: '' },
                  ])
                }
              >
                {t('results.plan.addAction')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Checkbox.Group
          label={t('results.plan.kpis')}
          description={t('results.plan.kpisHint')}
          value={kept}
          onChange={setKept}
        >
          <Stack gap={6} mt={6}>
            {kpis.map((k) => (
              <Checkbox key={k.id} value={k.id} label={<bdi>{format.name(k)}</bdi>} />
            ))}
          </Stack>
        </Checkbox.Group>
        {plan ? (
          <Text size="sm">
            <Text span fw={700}>
              {t('results.plan.checkpoints')}
              {': '}
            </Text>
            {format.list(plan.checkpointDays.map((d) => t('cohorts.day', { day: format.number(d) })))}
            <Text span size="xs" c="dimmed">
              {' '}
              {t('results.plan.checkpointsHint')}
            </Text>
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('results.plan.checkpointsHint')}
          </Text>
        )}
        <ProblemAlert problem={problem} onReload={() => void onReload()} title={t('results.plan.saveFailed')} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving.loading} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            {t('results.plan.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The sponsor's pledge: who signed which version, whether it still holds; the sponsor signs the version on screen. */
function PledgePanel({
  team,
  plan,
  agencies,
  onReload,
}: {
  team: Team;
  plan: Plan;
  agencies: readonly AgencyOption[];
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sign, signing] = useMutation(SignSustainmentPledgeMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const pledge = plan.pledge;
  const maySign = plan.permittedActions.includes('SIGN_PLEDGE') && !pledge?.valid;
  const signer = team.members.find((m) => m.userId === pledge?.signedById)?.user;

  const submit = async () => {
    setProblem(null);
    try {
      await sign({ variables: { input: { teamId: team.id, planVersion: plan.version } } });
      notifications.show({ color: 'teal', message: t('results.pledge.signed') });
      await onReload();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <Stack gap="sm" data-testid="pledge-panel">
      {pledge ? (
        pledge.valid ? (
          <Alert color="teal" variant="light" icon={<IconSignature size={20} aria-hidden />} data-testid="pledge-valid">
            {t('results.pledge.holds', {
              name: signer ? format.name(signer) : '—',
              version: format.number(pledge.planVersion),
              date: format.dateTime(pledge.signedAt, team.cohort.timeZone),
            })}
          </Alert>
        ) : (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t('results.pledge.voidedTitle')}
            // The light orange title is under 4.5:1 on its background.
            styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
            data-testid="pledge-voided"
          >
            {t('results.pledge.voided', {
              version: format.number(pledge.planVersion),
              current: format.number(plan.version),
              date: format.dateTime(pledge.signedAt, team.cohort.timeZone),
            })}
          </Alert>
        )
      ) : (
        <Text size="sm" c="dimmed">
          {t('results.pledge.none')}
        </Text>
      )}
      {maySign ? (
        <Stack gap="sm" data-testid="pledge-sign">
          <Group gap="xs">
            <Text size="sm" fw={700}>
              {t('results.pledge.youSign')}
            </Text>
            <Badge variant="outline" color="gray" tt="none">
              {t('results.pledge.version', { version: format.number(plan.version) })}
            </Badge>
          </Group>
          <PlanContent team={team} plan={plan} agencies={agencies} />
          <Text size="sm">{t('results.pledge.text')}</Text>
          <ProblemAlert problem={problem} onReload={() => void onReload()} title={t('results.pledge.failed')} />
          <Group justify="flex-end">
            <Button
              onClick={() => void submit()}
              loading={signing.loading}
              leftSection={<IconSignature size={18} aria-hidden />}
            >
              {t('results.pledge.sign', { version: format.number(plan.version) })}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The sustainment plan (خطة الاستدامة) and the sponsor's pledge. */
export function SustainmentPlanSection({
  team,
  agencies,
  onReload,
}: {
  team: Team;
  agencies: readonly AgencyOption[];
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const plan = team.sustainmentPlan ?? null;
  const mayDraft = mayOn(team, 'DRAFT_PLAN');
  const maySign = plan?.permittedActions.includes('SIGN_PLEDGE') && !plan.pledge?.valid;
  return (
    <Stack gap="lg">
      {plan ? (
        <Text size="xs" c="dimmed">
          {t('results.plan.versionOn', {
            version: format.number(plan.version),
            date: format.dateTime(plan.updatedAt, team.cohort.timeZone),
          })}
        </Text>
      ) : null}
      {mayDraft ? (
        <PlanForm key={plan?.version ?? 0} team={team} plan={plan} agencies={agencies} onReload={onReload} />
      ) : plan && !maySign ? (
        <PlanContent team={team} plan={plan} agencies={agencies} />
      ) : !plan ? (
        <Text size="sm" c="dimmed">
          {t('results.plan.none')}
        </Text>
      ) : null}
      {plan ? <PledgePanel team={team} plan={plan} agencies={agencies} onReload={onReload} /> : null}
    </Stack>
  );
}
