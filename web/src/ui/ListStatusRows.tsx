import { Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The rows a list's table shows in place of its items, across all its columns: a spinner while the page loads, and
 * the `emptyText` line when the page came back with none.
 */
export function ListStatusRows({
  colSpan,
  loading,
  empty,
  emptyText,
  emptyTestId,
}: {
  colSpan: number;
  loading: boolean;
  empty: boolean;
  emptyText: string;
  emptyTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {loading ? (
        <Table.Tr>
          <Table.Td colSpan={colSpan}>
            <Loader size="sm" aria-label={t('common.loading')} />
          </Table.Td>
        </Table.Tr>
      ) : null}
      {empty ? (
        <Table.Tr>
          <Table.Td colSpan={colSpan}>
            <Text size="sm" py="md" data-testid={emptyTestId}>
              {emptyText}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
