import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Popover, Stack } from '@mantine/core';
import { IconChevronDown, IconFileExport, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { ExportFormat, ExportParamsInput, ExportKind } from '../../gql/graphql';
import { ExportQuery, RequestExportMutation } from './documents';
import { ExportStatus, inProgress } from './ExportStatus';

/** How often the page asks about an export the worker is building. */
const POLL_MS = 1000;

/** The export the page asked for: followed until the worker is done with it. */
function FollowedExport({ id }: { id: string }) {
  const { data, startPolling, stopPolling } = useQuery(ExportQuery, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const exported = data?.export;
  const building = !exported || inProgress(exported);
  // Asked again every second while the worker builds it; no more once it is done or failed.
  useEffect(() => {
    if (building) startPolling(POLL_MS);
    else stopPolling();
    return stopPolling;
  }, [building, startPolling, stopPolling]);
  return exported ? <ExportStatus exported={exported} /> : null;
}

/**
 * "Export" with its choices (PDF, spreadsheet). The export is asked for at once and built by the
 * server in the background; `status` shows its progress and then its download link.
 */
export function useExportMenu({ kind, params }: { kind: ExportKind; params: ExportParamsInput }) {
  const { t } = useTranslation();
  const [request, { loading }] = useMutation(RequestExportMutation);
  const [current, setCurrent] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [opened, setOpened] = useState(false);

  const start = async (format: ExportFormat) => {
    setOpened(false);
    setProblem(null);
    try {
      const { data } = await request({ variables: { input: { kind, format, params } } });
      if (data) setCurrent(data.requestExport.id);
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  // A disclosure rather than role="menu": Mantine's menu puts a focusable sentinel among its
  // items, which axe refuses (aria-required-children); this dialog (named by the
  // button that opens it) holds two plain buttons.
  const menu = (
    <Popover position="bottom-end" withinPortal trapFocus opened={opened} onChange={setOpened} shadow="md">
      <Popover.Target>
        <Button
          variant="default"
          data-testid="export-menu"
          loading={loading}
          aria-haspopup="dialog"
          onClick={() => setOpened((o) => !o)}
          leftSection={<IconFileExport size={18} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
        >
          {t('exports.menu')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <Stack gap={2}>
          <Button
            variant="subtle"
            color="dark"
            justify="flex-start"
            leftSection={<IconFileTypePdf size={18} aria-hidden />}
            onClick={() => void start('PDF')}
          >
            {t('exports.asPdf')}
          </Button>
          <Button
            variant="subtle"
            color="dark"
            justify="flex-start"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            onClick={() => void start('XLSX')}
          >
            {t('exports.asXlsx')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
  const status =
    problem || current ? (
      <>
        <ProblemAlert problem={problem} title={t('exports.failedTitle')} />
        {current ? <FollowedExport key={current} id={current} /> : null}
      </>
    ) : null;
  return { menu, status };
}
