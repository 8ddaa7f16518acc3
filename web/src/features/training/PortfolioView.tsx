import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { saveFile } from '../relations/relations-api.ts';
import { downloadPortfolioPdf, type PortfolioDto, type PortfolioEntryDto } from './training-api.ts';

/** The level scale's colours: light backgrounds, dark text (contrast kept), always with the text too. */
export const LEVEL_BACKGROUND: Record<number, string> = {
  1: 'var(--mantine-color-red-1)',
  2: 'var(--mantine-color-orange-1)',
  3: 'var(--mantine-color-green-1)',
  4: 'var(--mantine-color-teal-2)',
};

export const dateFr = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

/** The portfolio PDF button: the caller's own, or a student's for their teacher. */
export function PortfolioPdfButton({ orgId, studentId }: { orgId: string; studentId?: string }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => downloadPortfolioPdf(orgId, studentId),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? 'portfolio.pdf'),
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Button
      variant="light"
      loading={download.isPending}
      onClick={() => download.mutate()}
      data-testid="portfolio-pdf"
    >
      {t('training.portfolio.pdf')}
    </Button>
  );
}

/** Evidence read from the sandboxes, then the student's own entries (with `entryActions` to edit them). */
export function PortfolioView({
  portfolio,
  entryActions,
}: {
  portfolio: PortfolioDto;
  entryActions?: (entry: PortfolioEntryDto) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="portfolio-entries-title">
        <Title order={2} size="h3" id="portfolio-entries-title">
          {t('training.portfolio.entries')}
        </Title>
        {portfolio.entries.length === 0 ? (
          <Text c="dimmed">{t('training.portfolio.noEntry')}</Text>
        ) : (
          portfolio.entries.map((entry) => (
            <Card withBorder key={entry.id} data-testid="portfolio-entry">
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Title order={3} size="h5">
                    {entry.title}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t(`training.portfolio.kinds.${entry.kind}`)} · {dateFr(entry.date)}
                  </Text>
                </Stack>
                {entryActions ? <Group gap="xs">{entryActions(entry)}</Group> : null}
              </Group>
              {entry.body ? (
                <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.body}
                </Text>
              ) : null}
              {entry.competencies.length > 0 ? (
                <Group gap={4} mt="xs">
                  {entry.competencies.map((c) => (
                    <Badge key={c} variant="light" color="indigo">
                      {c}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Card>
          ))
        )}
      </Stack>

      <Stack component="section" aria-labelledby="portfolio-evidence-title">
        <Title order={2} size="h3" id="portfolio-evidence-title">
          {t('training.portfolio.evidence')}
        </Title>
        {portfolio.evidence.length === 0 ? (
          <Text c="dimmed">{t('training.portfolio.noEvidence')}</Text>
        ) : (
          <Table striped data-testid="evidence-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.portfolio.date')}</Table.Th>
                <Table.Th>{t('training.portfolio.what')}</Table.Th>
                <Table.Th>{t('training.portfolio.document')}</Table.Th>
                <Table.Th>{t('training.portfolio.competencies')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {portfolio.evidence.map((e) => {
                const name = [e.documentKind, e.documentLabel].filter(Boolean).join(' ') || '—';
                return (
                  <Table.Tr key={e.id} data-testid="evidence-row">
                    <Table.Td>{dateFr(e.at)}</Table.Td>
                    <Table.Td>
                      {e.label}
                      <Text size="xs" c="dimmed">
                        {e.scenarioTitle}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.path ? <Anchor href={e.path}>{name}</Anchor> : name}</Table.Td>
                    <Table.Td>{e.competencies.join(', ')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="portfolio-competencies-title">
        <Title order={2} size="h3" id="portfolio-competencies-title">
          {t('training.portfolio.shown')}
        </Title>
        {portfolio.competencies.length === 0 ? (
          <Text c="dimmed">{t('training.portfolio.noneShown')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.portfolio.competency')}</Table.Th>
                <Table.Th>{t('training.portfolio.evidenceCount')}</Table.Th>
                <Table.Th>{t('training.portfolio.entryCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {portfolio.competencies.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    {c.code} {c.title}
                  </Table.Td>
                  <Table.Td>{c.evidence}</Table.Td>
                  <Table.Td>{c.entries}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
