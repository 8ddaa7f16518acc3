import { Accordion, Badge, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { referentielQuery } from './training-api.ts';

/** The référentiel as data: pôles → activities → tasks; blocs → competencies → indicators; exam units. */
export function ReferentielPage({ referentielId = 'agora' }: { referentielId?: string }) {
  const { t } = useTranslation();
  const query = useQuery(referentielQuery(referentielId));
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <LoadError error={query.error} />;
  const r = query.data;
  return (
    <>
      <PageHeader title={t('training.referentiel.title', { code: r.code })} served={[]} />
      <Text mb="lg">{r.title}</Text>
      <Stack gap="xl">
        <section aria-labelledby="areas-title">
          <Title order={2} size="h3" id="areas-title" mb="sm">
            {t('training.referentiel.areas')}
          </Title>
          <Accordion multiple variant="separated" data-testid="referentiel-areas">
            {r.areas.map((area) => (
              <Accordion.Item key={area.code} value={area.code}>
                <Accordion.Control>
                  {t('training.referentiel.area', { code: area.code })} — {area.title}
                </Accordion.Control>
                <Accordion.Panel>
                  {area.activities.map((activity) => (
                    <Stack key={activity.code} gap={4} mb="sm">
                      <Text fw={700}>
                        {activity.code} {activity.title}
                      </Text>
                      <List size="sm">
                        {activity.tasks.map((task) => (
                          <List.Item key={task.code}>
                            <Badge variant="outline" size="sm" mr={6}>
                              {task.code}
                            </Badge>
                            {task.title}
                          </List.Item>
                        ))}
                      </List>
                    </Stack>
                  ))}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
        <section aria-labelledby="blocks-title">
          <Title order={2} size="h3" id="blocks-title" mb="sm">
            {t('training.referentiel.blocks')}
          </Title>
          <Accordion multiple variant="separated">
            {r.blocks.map((block) => (
              <Accordion.Item key={block.code} value={block.code}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Badge variant="light">{block.code}</Badge>
                    <span>{block.title}</span>
                    {block.unit ? (
                      <Text span size="sm" c="dimmed">
                        ({block.unit})
                      </Text>
                    ) : null}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {block.competencies.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('training.referentiel.generalBlock')}
                    </Text>
                  ) : (
                    block.competencies.map((competency) => (
                      <Stack key={competency.code} gap={4} mb="sm">
                        <Text fw={700}>
                          {competency.code} {competency.title}
                        </Text>
                        <List size="sm">
                          {competency.indicators.map((indicator) => (
                            <List.Item key={indicator}>{indicator}</List.Item>
                          ))}
                        </List>
                      </Stack>
                    ))
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
        <section aria-labelledby="units-title">
          <Title order={2} size="h3" id="units-title" mb="sm">
            {t('training.referentiel.examUnits')}
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.referentiel.unit')}</Table.Th>
                <Table.Th>{t('training.referentiel.unitTitle')}</Table.Th>
                <Table.Th>{t('training.referentiel.coefficient')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.examUnits.map((unit) => (
                <Table.Tr key={unit.code}>
                  <Table.Td>{unit.code}</Table.Td>
                  <Table.Td>
                    {unit.title}
                    {unit.parts.length > 0 ? (
                      <List size="xs" c="dimmed">
                        {unit.parts.map((part) => (
                          <List.Item key={part}>{part}</List.Item>
                        ))}
                      </List>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{unit.coefficient ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      </Stack>
    </>
  );
}
