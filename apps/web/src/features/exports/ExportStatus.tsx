import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { ExportFieldsFragment } from '../../gql/graphql';

/** Whether the worker is still on it (the page keeps asking). */
export const inProgress = (e: Pick<ExportFieldsFragment, 'state'>) => e.state === 'QUEUED' || e.state === 'RUNNING';

/** What the export is at, in words. */
export function useExportLabels() {
  const { t } = useTranslation();
  return {
    format: (format: ExportFieldsFragment['format']) => t(`exports.formats.${format}`),
    state: (e: Pick<ExportFieldsFragment, 'state' | 'progress'>) =>
      e.state === 'RUNNING' ? t('exports.states.RUNNING', { progress: e.progress }) : t(`exports.states.${e.state}`),
  };
}

/** The link that downloads a finished export (the API checks the session and who may read it). */
export function DownloadLink({ exported, compact = false }: { exported: ExportFieldsFragment; compact?: boolean }) {
  const { t } = useTranslation();
  if (!exported.downloadPath) return null;
  const label = t(`exports.download.${exported.format}`);
  if (compact)
    return (
      <Anchor href={exported.downloadPath} download={exported.fileName ?? true} size="sm">
        {label}
      </Anchor>
    );
  return (
    <Button
      component="a"
      href={exported.downloadPath}
      download={exported.fileName ?? true}
      leftSection={<IconDownload size={18} aria-hidden />}
    >
      {label}
    </Button>
  );
}

/** One export as it is built: its progress while the worker builds it, then the file's link. */
export function ExportStatus({ exported }: { exported: ExportFieldsFragment }) {
  const { t } = useTranslation();
  const labels = useExportLabels();
  if (exported.state === 'FAILED')
    return (
      <Alert
        role="alert"
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={t('exports.failedTitle')}
        data-testid="export-status"
      >
        <bdi>{exported.title}</bdi>: {exported.failure}
      </Alert>
    );
  return (
    <Paper withBorder radius="md" p="md" data-testid="export-status" data-state={exported.state}>
      <Stack gap="xs">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text fw={600} size="sm">
            <bdi>{exported.title}</bdi>
          </Text>
          <Badge variant="light" color="gray" tt="none">
            {labels.format(exported.format)}
          </Badge>
        </Group>
        <div role="status" aria-live="polite">
          <Text size="sm" c={exported.state === 'DONE' ? 'teal.9' : 'gray.7'}>
            {labels.state(exported)}
          </Text>
        </div>
        {inProgress(exported) ? (
          <Progress
            value={exported.progress}
            animated
            aria-label={t('exports.progressLabel', { title: exported.title })}
            data-testid="export-progress"
          />
        ) : null}
        {exported.state === 'DONE' ? (
          <Group>
            <DownloadLink exported={exported} />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
