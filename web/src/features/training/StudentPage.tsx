import {
  Accordion,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgRole } from '../../auth/session.ts';
import { errorMessage } from '../../ui/errors.ts';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { dateFr, LEVEL_BACKGROUND, PortfolioPdfButton, PortfolioView } from './PortfolioView.tsx';
import {
  confirmLevel,
  type IndicatorAssessmentDto,
  type StudentAssessmentDto,
  studentAssessmentQuery,
  studentPortfolioQuery,
  trainingKeys,
} from './training-api.ts';

const route = getRouteApi('/orgs/$orgId/training/students/$studentId');

/** A level as text on its colour ("3 — Acquis"), or "non évalué". */
export function LevelText({ level }: { level: number | null }) {
  const { t } = useTranslation();
  if (level === null)
    return (
      <Text span c="dimmed" size="sm">
        {t('training.assessment.none')}
      </Text>
    );
  return (
    <Text
      span
      size="sm"
      px={6}
      py={2}
      style={{ background: LEVEL_BACKGROUND[level], borderRadius: 4, whiteSpace: 'nowrap' }}
    >
      {level} — {t(`training.assessment.levels.${level}` as 'training.assessment.levels.1')}
    </Text>
  );
}

/** A student's grids (teachers confirm levels here) and their portfolio. */
export function StudentPage() {
  const { t } = useTranslation();
  const { orgId, studentId } = route.useParams();
  const { can } = useOrgRole(orgId);
  const assessment = useQuery(studentAssessmentQuery(orgId, studentId));
  const portfolio = useQuery(studentPortfolioQuery(orgId, studentId));
  if (assessment.isPending) return <Loader aria-label={t('common.loading')} />;
  if (assessment.isError) return <LoadError error={assessment.error} />;
  const data = assessment.data;
  return (
    <>
      <PageHeader
        title={t('training.assessment.studentTitle', { name: data.student.name })}
        served={[]}
        actions={<PortfolioPdfButton orgId={orgId} studentId={studentId} />}
      />
      <Stack gap="xl">
        <Text size="sm" c="dimmed">
          {t('training.assessment.rule')}
        </Text>
        <ExamUnits data={data} />
        {data.blocks.map((block) => (
          <Stack component="section" key={block.code} aria-labelledby={`block-${block.code}`}>
            <Group justify="space-between">
              <Title order={2} size="h3" id={`block-${block.code}`}>
                {block.code} — {block.title}
              </Title>
              <LevelText level={block.level} />
            </Group>
            <Accordion multiple variant="separated">
              {block.competencies.map((c) => (
                <Accordion.Item key={c.code} value={c.code}>
                  <Accordion.Control data-testid={`competency-${c.code}`}>
                    <Group justify="space-between" wrap="nowrap" pr="sm">
                      <Text size="sm">
                        {c.code} {c.title}
                      </Text>
                      <LevelText level={c.level} />
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="xs">
                      {c.indicators.map((indicator) => (
                        <IndicatorRow
                          key={indicator.code}
                          orgId={orgId}
                          studentId={studentId}
                          indicator={indicator}
                          editable={can('training.manage')}
                        />
                      ))}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
        ))}
        <Title order={2} size="h2">
          {t('training.portfolio.title')}
        </Title>
        {portfolio.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : portfolio.isError ? (
          <LoadError error={portfolio.error} />
        ) : (
          <PortfolioView portfolio={portfolio.data} />
        )}
      </Stack>
    </>
  );
}

function ExamUnits({ data }: { data: StudentAssessmentDto }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="exam-units-title">
      <Title order={2} size="h3" id="exam-units-title">
        {t('training.assessment.examUnits')}
      </Title>
      <Table striped data-testid="exam-units-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.assessment.examUnit')}</Table.Th>
            <Table.Th>{t('training.assessment.block')}</Table.Th>
            <Table.Th>{t('training.assessment.level')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.examUnits.map((u) => (
            <Table.Tr key={u.code}>
              <Table.Td>
                {u.code} — {u.title}
              </Table.Td>
              <Table.Td>{u.block}</Table.Td>
              <Table.Td>
                <LevelText level={u.level} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function IndicatorRow({
  orgId,
  studentId,
  indicator,
  editable,
}: {
  orgId: string;
  studentId: string;
  indicator: IndicatorAssessmentDto;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState(String(indicator.confirmed ?? indicator.proposed ?? ''));
  const [comment, setComment] = useState(indicator.comment ?? '');
  const save = useMutation({
    mutationFn: () =>
      confirmLevel(orgId, studentId, indicator.code, { level: Number(level), comment: comment || null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.student(orgId, studentId) });
      notify('success', t('training.assessment.saved'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const { basis } = indicator;
  return (
    <Stack
      gap={4}
      p="xs"
      data-testid={`indicator-${indicator.code}`}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Text size="sm" fw={500}>
        {indicator.code} — {indicator.title}
      </Text>
      <Group gap="md">
        <Text size="sm">
          {t('training.assessment.proposed')} <LevelText level={indicator.proposed} />
        </Text>
        <Text size="sm">
          {t('training.assessment.confirmed')} <LevelText level={indicator.confirmed} />
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('training.assessment.basis', basis)}
        {indicator.assessedBy && indicator.assessedAt
          ? ` · ${t('training.assessment.by', { name: indicator.assessedBy, date: dateFr(indicator.assessedAt) })}`
          : ''}
        {indicator.comment ? ` · « ${indicator.comment} »` : ''}
      </Text>
      {editable ? (
        <Group align="flex-end" gap="xs">
          <NativeSelect
            size="xs"
            label={t('training.assessment.level')}
            data={[
              { value: '', label: '—' },
              ...[1, 2, 3, 4].map((l) => ({
                value: String(l),
                label: `${l} — ${t(`training.assessment.levels.${l}` as 'training.assessment.levels.1')}`,
              })),
            ]}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value)}
          />
          <TextInput
            size="xs"
            label={t('training.assessment.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button size="xs" disabled={!level} loading={save.isPending} onClick={() => save.mutate()}>
            {t('training.assessment.confirm')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
