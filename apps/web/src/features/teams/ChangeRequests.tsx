import { useMutation } from '@apollo/client/react';
import {
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconBan, IconCheck, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { ChangeRequestFieldsFragment, KpiFieldsFragment, TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { applyProblem, required } from '../../lib/forms';
import { asksFor, blockingGuards, needs, type AvailableEvent } from '../../lib/workflow';
import { ApproveKpiChangeMutation, ProposeKpiChangeMutation, RejectKpiChangeMutation } from './documents';
import type { TeamLabels } from './labels';
import { useTeamLabels } from './labels';
import { CHANGE_REQUEST_COLORS, isChangeRequestState, toNumberOrNull } from './teams';

type ChangeRequest = ChangeRequestFieldsFragment;

interface ProposeValues {
  baseline: number | string;
  target: number | string;
  reason: string;
}

/** The team leader asks to change a frozen baseline or target, with a reason; the office decides. */
export function ProposeChangeForm({
  kpi,
  labels,
  onDone,
  onCancel,
  onReload,
}: {
  kpi: KpiFieldsFragment;
  labels: TeamLabels;
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [propose, { loading }] = useMutation(ProposeKpiChangeMutation);
  const [problem, setProblem] = useState<Problem | null>(null);
  const numberRule = (value: number | string) => (toNumberOrNull(value) === null ? t('form.required') : null);
  const form = useForm<ProposeValues>({
    initialValues: { baseline: kpi.baseline, target: kpi.target, reason: '' },
    validate: { baseline: numberRule, target: numberRule, reason: required(t) },
  });
  const percent = kpi.unit === 'PERCENT';

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await propose({
        variables: {
          input: {
            kpiId: kpi.id,
            baseline: toNumberOrNull(values.baseline) ?? 0,
            target: toNumberOrNull(values.target) ?? 0,
            reason: values.reason.trim(),
          },
        },
      });
      notifications.show({ color: 'teal', message: t('teams.changes.proposed') });
      await onReload();
      onDone();
    } catch (error) {
      const found = toProblem(error, t);
      if (!applyProblem(form, found)) setProblem(found);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="change-form">
      <Stack gap="md">
        <Text fw={600}>{format.name(kpi)}</Text>
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Text size="sm">
            {t('teams.changes.current', {
              baseline: labels.value(kpi.unit, kpi.baseline),
              target: labels.value(kpi.unit, kpi.target),
            })}
          </Text>
          {kpi.originalTarget !== null && kpi.originalTarget !== kpi.target ? (
            <Text size="xs" c="dimmed">
              {t('teams.kpis.originalTarget', { value: labels.value(kpi.unit, kpi.originalTarget) })}
            </Text>
          ) : null}
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('teams.changes.newBaseline')}
            required
            min={0}
            max={percent ? 100 : undefined}
            decimalScale={4}
            thousandSeparator=","
            rightSection={percent ? <Text size="sm">%</Text> : undefined}
            data-autofocus
            {...form.getInputProps('baseline')}
          />
          <NumberInput
            label={t('teams.changes.newTarget')}
            required
            min={0}
            max={percent ? 100 : undefined}
            decimalScale={4}
            thousandSeparator=","
            rightSection={percent ? <Text size="sm">%</Text> : undefined}
            {...form.getInputProps('target')}
          />
        </SimpleGrid>
        <Textarea
          label={t('teams.changes.reason')}
          description={t('teams.changes.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          {...form.getInputProps('reason')}
        />
        <ProblemAlert problem={problem} onReload={() => void onReload().then(onCancel)} />
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={loading}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={loading} leftSection={<IconSend size={18} aria-hidden />}>
            {t('teams.changes.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecideDialog({
  request,
  available,
  kpiName,
  onClose,
  onReload,
}: {
  request: ChangeRequest;
  /** The decision as the server offers it, with what its dialog asks for. */
  available: AvailableEvent;
  kpiName: string;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [approve, approving] = useMutation(ApproveKpiChangeMutation);
  const [reject, rejecting] = useMutation(RejectKpiChangeMutation);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const loading = approving.loading || rejecting.loading;
  const decision = available.event === 'APPROVE' ? 'APPROVE' : 'REJECT';
  const asksReason = asksFor(available, 'REASON');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setFieldError(null);
    if (needs(available, 'REASON') && !reason.trim()) {
      setFieldError(t('form.required'));
      return;
    }
    const input = { id: request.id, version: request.version };
    try {
      if (decision === 'APPROVE') await approve({ variables: { input } });
      else await reject({ variables: { input: { ...input, reason: reason.trim() } } });
      notifications.show({
        color: 'teal',
        message: decision === 'APPROVE' ? t('teams.changes.approved') : t('teams.changes.rejected'),
      });
      onClose();
      await onReload();
    } catch (error) {
      const found = toProblem(error, t);
      if (found.fields.reason) setFieldError(found.fields.reason);
      else setProblem(found);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text fw={600}>{kpiName}</Text>
        <Text size="sm">{decision === 'APPROVE' ? t('teams.changes.approveHint') : t('teams.changes.rejectHint')}</Text>
        {asksReason ? (
          <Textarea
            label={t('cohorts.actions.reason')}
            required={needs(available, 'REASON')}
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
        ) : null}
        <ProblemAlert
          problem={problem}
          onReload={() => void onReload().then(onClose)}
          title={t('cohorts.actions.failed')}
        />
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('cohorts.actions.dismiss')}
          </Button>
          <Button
            type="submit"
            color={decision === 'REJECT' ? 'red' : undefined}
            loading={loading}
            data-autofocus={decision === 'APPROVE' ? true : undefined}
          >
            {decision === 'APPROVE' ? t('teams.changes.approve') : t('teams.changes.reject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The office's decisions on a request, as the server offers them: reject, approve (locked with the reasons while blocked). */
function DecisionButtons({
  request,
  onDecide,
}: {
  request: ChangeRequest;
  onDecide: (available: AvailableEvent) => void;
}) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const reject = request.availableEvents.find((a) => a.event === 'REJECT');
  const approve = request.availableEvents.find((a) => a.event === 'APPROVE');
  if (!reject && !approve) return null;
  const reasons = (available: AvailableEvent) =>
    blockingGuards(available, labels.guard)
      .map(({ reason }) => reason)
      .join(t('cohorts.listSeparator'));
  return (
    <Group justify="flex-end" gap="xs" mt="sm">
      {reject ? (
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconBan size={16} aria-hidden />}
          disabled={reject.blockedBy.length > 0}
          title={reasons(reject) || undefined}
          onClick={() => onDecide(reject)}
        >
          {t('teams.changes.reject')}
        </Button>
      ) : null}
      {approve ? (
        <Button
          size="xs"
          leftSection={<IconCheck size={16} aria-hidden />}
          disabled={approve.blockedBy.length > 0}
          title={reasons(approve) || undefined}
          onClick={() => onDecide(approve)}
        >
          {t('teams.changes.approve')}
        </Button>
      ) : null}
    </Group>
  );
}

/** Every change request of the team: what it changes, why, and its state; the office decides. */
export function ChangeRequestsList({
  team,
  timeZone,
  onReload,
}: {
  team: TeamDetailFragment;
  timeZone: string | undefined;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const [deciding, setDeciding] = useState<{ request: ChangeRequest; available: AvailableEvent } | null>(null);
  const kpis = new Map(team.goals.flatMap((g) => g.kpis).map((k) => [k.id, k]));
  const people = new Map(team.members.map((m) => [m.userId, m.user]));
  const Arrow = format.language === 'ar' ? IconArrowLeft : IconArrowRight;

  if (team.changeRequests.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('teams.changes.none')}
      </Text>
    );
  }

  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="change-requests">
        {team.changeRequests.map((request) => {
          const kpi = kpis.get(request.kpiId);
          const unit = kpi?.unit ?? 'NUMBER';
          const kpiName = kpi ? format.name(kpi) : t('teams.changes.unknownKpi');
          const by = people.get(request.proposedById);
          return (
            <Paper component="li" key={request.id} withBorder radius="md" p="sm" data-testid="change-request">
              <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Text fw={600} size="sm">
                    {kpiName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('teams.changes.by', {
                      name: by ? format.name(by) : t('teams.changes.someone'),
                      date: format.dateTime(request.createdAt, timeZone),
                    })}
                  </Text>
                </Stack>
                <Badge
                  variant="light"
                  tt="none"
                  color={isChangeRequestState(request.state) ? CHANGE_REQUEST_COLORS[request.state] : 'gray'}
                >
                  {labels.changeState(request.state)}
                </Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                <Group gap={6} wrap="wrap">
                  <Text size="xs" c="dimmed" w={90}>
                    {t('teams.kpis.baseline')}
                  </Text>
                  <Text size="sm">{labels.value(unit, request.fromBaseline)}</Text>
                  <Arrow size={14} aria-label={t('cohorts.history.to')} />
                  <Text size="sm" fw={700}>
                    {labels.value(unit, request.toBaseline)}
                  </Text>
                </Group>
                <Group gap={6} wrap="wrap">
                  <Text size="xs" c="dimmed" w={90}>
                    {t('teams.kpis.target')}
                  </Text>
                  <Text size="sm">{labels.value(unit, request.fromTarget)}</Text>
                  <Arrow size={14} aria-label={t('cohorts.history.to')} />
                  <Text size="sm" fw={700}>
                    {labels.value(unit, request.toTarget)}
                  </Text>
                </Group>
              </SimpleGrid>
              <Text size="sm" mt="xs" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                <Text span size="xs" c="dimmed">
                  {t('teams.changes.reason')}:{' '}
                </Text>
                {request.reason}
              </Text>
              <DecisionButtons request={request} onDecide={(available) => setDeciding({ request, available })} />
            </Paper>
          );
        })}
      </Stack>
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding?.available.event === 'REJECT' ? t('teams.changes.reject') : t('teams.changes.approve')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {deciding ? (
          <DecideDialog
            request={deciding.request}
            available={deciding.available}
            kpiName={(() => {
              const kpi = kpis.get(deciding.request.kpiId);
              return kpi ? format.name(kpi) : t('teams.changes.unknownKpi');
            })()}
            onClose={() => setDeciding(null)}
            onReload={onReload}
          />
        ) : null}
      </Modal>
    </>
  );
}
