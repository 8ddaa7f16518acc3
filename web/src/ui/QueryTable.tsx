import { Loader, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from './StatusPages.tsx';

/**
 * The rows a query brings back, as a striped table under its column headers; while they load, a spinner; when
 * the query fails, the error; when there are none, the dimmed `empty` line instead of an empty table.
 */
export function QueryTable<Row>({
  query,
  empty,
  testId,
  headers,
  row,
}: {
  query: UseQueryResult<{ items: Row[] }>;
  empty: string;
  testId: string;
  /** The column titles, all different (each is its cell's key). */
  headers: string[];
  /** One `<Table.Tr>` with its key. */
  row: (item: Row) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <LoadError error={query.error} />;
  if (query.data.items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table striped data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {headers.map((header) => (
            <Table.Th key={header}>{header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{query.data.items.map((item) => row(item))}</Table.Tbody>
    </Table>
  );
}
