import { useQuery } from '@apollo/client/react';
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadError } from '../../components/PageState';
import { useFormat } from '../../lib/format';
import { MyExportsQuery } from './documents';
import { DownloadLink, inProgress, useExportLabels } from './ExportStatus';

/** Your recent exports with their state, and the link of each finished one. */
export function MyExports() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useExportLabels();
  const { data, error, refetch, startPolling, stopPolling } = useQuery(MyExportsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const exports = data?.myExports ?? [];
  const building = exports.some(inProgress);
  // While one of them is being built, the list is asked for again every two seconds.
  useEffect(() => {
    if (building) startPolling(2000);
    else stopPolling();
    return stopPolling;
  }, [building, startPolling, stopPolling]);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-exports">
      <Title order={2} fz="h4" id="account-exports">
        {t('exports.mine.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('exports.mine.hint')}
      </Text>
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : exports.length === 0 ? (
        <Text c="gray.7" size="sm">
          {t('exports.mine.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped data-testid="my-exports">
            <Table.Caption className="visually-hidden">{t('exports.mine.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exports.mine.what')}</Table.Th>
                <Table.Th scope="col">{t('exports.mine.format')}</Table.Th>
                <Table.Th scope="col">{t('exports.mine.requested')}</Table.Th>
                <Table.Th scope="col">{t('exports.mine.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exports.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <bdi>{e.title}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" tt="none">
                      {labels.format(e.format)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <time dateTime={e.createdAt}>{format.dateTime(e.createdAt)}</time>
                  </Table.Td>
                  <Table.Td>{e.state === 'DONE' ? <DownloadLink exported={e} compact /> : labels.state(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
