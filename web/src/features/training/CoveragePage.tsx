import { Alert, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { coverageQuery } from './training-api.ts';

/** Which screens and API operations serve each task and competency, and what nothing serves yet. */
export function CoveragePage({ referentielId = 'agora' }: { referentielId?: string }) {
  const { t } = useTranslation();
  const query = useQuery(coverageQuery(referentielId));
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <LoadError error={query.error} />;
  const report = query.data;
  return (
    <>
      <PageHeader title={t('training.coverage.title')} served={[]} />
      <Alert color="blue" mb="lg" data-testid="coverage-summary">
        {t('training.coverage.summary', {
          tasks: report.tasks.length - report.unservedTasks.length,
          totalTasks: report.tasks.length,
          competencies: report.competencies.length - report.unservedCompetencies.length,
          totalCompetencies: report.competencies.length,
        })}
      </Alert>
      <Stack gap="xl">
        <section aria-labelledby="coverage-tasks">
          <Title order={2} size="h3" id="coverage-tasks" mb="sm">
            {t('training.coverage.tasks')}
          </Title>
          <Table striped data-testid="coverage-tasks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.coverage.task')}</Table.Th>
                <Table.Th>{t('training.coverage.screens')}</Table.Th>
                <Table.Th>{t('training.coverage.operations')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.tasks.map((task) => (
                <Table.Tr key={task.code}>
                  <Table.Td>
                    <Badge variant="outline" size="sm" mr={6}>
                      {task.code}
                    </Badge>
                    {task.title}
                  </Table.Td>
                  <Table.Td>
                    {task.screens.length === 0 ? (
                      <Badge color="orange.9" variant="light">
                        {t('training.coverage.notServed')}
                      </Badge>
                    ) : (
                      <Group gap={4}>
                        {task.screens.map((screen) => (
                          <Text key={screen} size="xs" ff="monospace">
                            {screen}
                          </Text>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{task.operations.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        <section aria-labelledby="coverage-competencies">
          <Title order={2} size="h3" id="coverage-competencies" mb="sm">
            {t('training.coverage.competencies')}
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.coverage.competency')}</Table.Th>
                <Table.Th>{t('training.coverage.screens')}</Table.Th>
                <Table.Th>{t('training.coverage.operations')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.competencies.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    <Badge variant="outline" size="sm" mr={6}>
                      {c.code}
                    </Badge>
                    {c.title}
                  </Table.Td>
                  <Table.Td>
                    {c.screens.length === 0 ? (
                      <Badge color="orange.9" variant="light">
                        {t('training.coverage.notServed')}
                      </Badge>
                    ) : (
                      c.screens.length
                    )}
                  </Table.Td>
                  <Table.Td>{c.operations.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      </Stack>
    </>
  );
}
