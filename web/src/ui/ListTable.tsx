import { Table, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ListStatusRows } from './ListStatusRows.tsx';
import { LoadError } from './StatusPages.tsx';

/**
 * One page of a list as a striped table named by its hidden caption: the error when the page failed to load,
 * otherwise the column headers, the loading or empty row, then one row an item.
 */
export function ListTable<Item>({
  query,
  minWidth,
  highlightOnHover,
  testId,
  caption,
  headers,
  columns,
  emptyText,
  emptyTestId,
  row,
}: {
  query: UseQueryResult<{ items: Item[] }>;
  minWidth: number;
  highlightOnHover?: boolean;
  testId: string;
  caption: string;
  /** The `<Table.Th>` cells, `columns` of them. */
  headers: ReactNode;
  columns: number;
  emptyText: string;
  emptyTestId?: string;
  /** One `<Table.Tr>` with its key. */
  row: (item: Item) => ReactNode;
}) {
  if (query.isError) return <LoadError error={query.error} />;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} verticalSpacing="xs" data-testid={testId}>
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>{headers}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <ListStatusRows
            colSpan={columns}
            loading={query.isPending}
            empty={query.data?.items.length === 0}
            emptyText={emptyText}
            emptyTestId={emptyTestId}
          />
          {query.data?.items.map(row)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
