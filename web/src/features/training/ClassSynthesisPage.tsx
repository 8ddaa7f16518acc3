import { Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/links.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { LEVEL_BACKGROUND } from './PortfolioView.tsx';
import { classQuery, classSynthesisQuery } from './training-api.ts';

const route = getRouteApi('/orgs/$orgId/training/assessment/$classId');

/**
 * The class at a glance: competencies × students, each cell the level on its colour with its number
 * (colour is never the only signal), a legend above. A plain table, so screen readers read it as one.
 */
export function ClassSynthesisPage() {
  const { t } = useTranslation();
  const { orgId, classId } = route.useParams();
  const cls = useQuery(classQuery(orgId, classId));
  const synthesis = useQuery(classSynthesisQuery(orgId, classId));
  if (synthesis.isPending || cls.isPending) return <Loader aria-label={t('common.loading')} />;
  if (synthesis.isError) return <LoadError error={synthesis.error} />;
  if (cls.isError) return <LoadError error={cls.error} />;
  const { students, rows } = synthesis.data;
  return (
    <>
      <PageHeader title={t('training.synthesis.title', { name: cls.data.name })} served={[]} />
      <Stack>
        <Group gap="sm" aria-label={t('training.synthesis.legend')} role="group">
          {[1, 2, 3, 4].map((level) => (
            <Text
              key={level}
              size="sm"
              px={8}
              py={2}
              style={{ background: LEVEL_BACKGROUND[level], borderRadius: 4 }}
            >
              {level} — {t(`training.assessment.levels.${level}` as 'training.assessment.levels.1')}
            </Text>
          ))}
          <Text size="sm" c="dimmed">
            — : {t('training.assessment.none')}
          </Text>
        </Group>
        {students.length === 0 ? (
          <Text c="dimmed">{t('training.students.none')}</Text>
        ) : (
          <ScrollArea type="auto">
            <Table
              withTableBorder
              withColumnBorders
              data-testid="heatmap"
              style={{ minWidth: 'max-content' }}
            >
              <Table.Caption>{t('training.synthesis.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('training.portfolio.competency')}</Table.Th>
                  {students.map((s) => (
                    <Table.Th key={s.id} scope="col">
                      <AnchorLink
                        to="/orgs/$orgId/training/students/$studentId"
                        params={{ orgId, studentId: s.id }}
                      >
                        {s.name}
                      </AnchorLink>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.code}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" title={row.title}>
                        {row.code} {row.title.length > 48 ? `${row.title.slice(0, 47)}…` : row.title}
                      </Text>
                    </Table.Th>
                    {row.levels.map((level, i) => (
                      <Table.Td
                        key={students[i]!.id}
                        ta="center"
                        data-testid="heatmap-cell"
                        style={{ background: level ? LEVEL_BACKGROUND[level] : undefined }}
                      >
                        {level ?? '—'}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </>
  );
}
