import {
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { PortfolioPdfButton, PortfolioView } from './PortfolioView.tsx';
import {
  addPortfolioEntry,
  deletePortfolioEntry,
  myPortfolioQuery,
  type PortfolioEntryBody,
  type PortfolioEntryDto,
  referentielQuery,
  trainingKeys,
  updatePortfolioEntry,
} from './training-api.ts';

const route = getRouteApi('/orgs/$orgId/training/portfolio');

const today = () => new Date().toISOString().slice(0, 10);
const blank = (): PortfolioEntryBody => ({
  kind: 'pfmp',
  title: '',
  body: '',
  date: today(),
  competencies: [],
});

/** The student's own portfolio: what they did in their sandboxes, and the entries they write. */
export function MyPortfolioPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const queryClient = useQueryClient();
  const portfolio = useQuery(myPortfolioQuery(orgId));
  const [editing, setEditing] = useState<PortfolioEntryDto | null>(null);
  const remove = useMutation({
    mutationFn: (entry: PortfolioEntryDto) => deletePortfolioEntry(orgId, entry.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.myPortfolio(orgId) });
      notify('success', t('training.portfolio.deleted'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (portfolio.isPending) return <Loader aria-label={t('common.loading')} />;
  if (portfolio.isError) return <LoadError error={portfolio.error} />;
  return (
    <>
      <PageHeader
        title={t('training.portfolio.myTitle')}
        served={[]}
        actions={
          <>
            <ButtonLink
              to="/orgs/$orgId/training/students/$studentId"
              params={{ orgId, studentId: portfolio.data.student.id }}
              variant="subtle"
              data-testid="my-assessment"
            >
              {t('training.portfolio.myAssessment')}
            </ButtonLink>
            <PortfolioPdfButton orgId={orgId} />
          </>
        }
      />
      <Stack gap="xl">
        <EntryForm
          key={editing?.id ?? 'new'}
          orgId={orgId}
          referentielId={portfolio.data.referentielId}
          entry={editing}
          onDone={() => setEditing(null)}
        />
        <PortfolioView
          portfolio={portfolio.data}
          entryActions={(entry) => (
            <>
              <Button size="compact-sm" variant="subtle" onClick={() => setEditing(entry)}>
                {t('training.portfolio.edit')}
              </Button>
              <ConfirmButton
                question={t('training.portfolio.deleteConfirm')}
                onConfirm={() => remove.mutate(entry)}
              >
                {t('training.portfolio.delete')}
              </ConfirmButton>
            </>
          )}
        />
      </Stack>
    </>
  );
}

function EntryForm({
  orgId,
  referentielId,
  entry,
  onDone,
}: {
  orgId: string;
  referentielId: string;
  entry: PortfolioEntryDto | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const referentiel = useQuery(referentielQuery(referentielId));
  const [value, setValue] = useState<PortfolioEntryBody>(
    entry
      ? {
          kind: entry.kind,
          title: entry.title,
          body: entry.body,
          date: entry.date,
          competencies: entry.competencies,
        }
      : blank(),
  );
  const save = useMutation({
    mutationFn: () =>
      entry ? updatePortfolioEntry(orgId, entry.id, value) : addPortfolioEntry(orgId, value),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.myPortfolio(orgId) });
      notify('success', t('training.portfolio.saved'));
      setValue(blank());
      onDone();
    },
  });
  const options =
    referentiel.data?.blocks.flatMap((b) =>
      b.competencies.map((c) => ({ value: c.code, label: `${c.code} ${c.title}` })),
    ) ?? [];
  const set = <K extends keyof PortfolioEntryBody>(key: K, v: PortfolioEntryBody[K]) =>
    setValue((current) => ({ ...current, [key]: v }));
  return (
    <Card withBorder component="section" aria-labelledby="entry-form-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="entry-form-title">
          {entry ? t('training.portfolio.editTitle') : t('training.portfolio.addTitle')}
        </Title>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('training.portfolio.kind')}
            data={(['pfmp', 'reflection', 'other'] as const).map((k) => ({
              value: k,
              label: t(`training.portfolio.kinds.${k}`),
            }))}
            value={value.kind}
            onChange={(e) => set('kind', e.currentTarget.value as PortfolioEntryBody['kind'])}
          />
          <TextInput
            type="date"
            label={t('training.portfolio.date')}
            value={value.date}
            onChange={(e) => set('date', e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={t('training.portfolio.entryTitle')}
          value={value.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          data-testid="entry-title"
        />
        <Textarea
          label={t('training.portfolio.body')}
          autosize
          minRows={3}
          value={value.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          data-testid="entry-body"
        />
        <MultiSelect
          label={t('training.portfolio.competencies')}
          data={options}
          value={value.competencies}
          onChange={(v) => set('competencies', v)}
          searchable
          clearable
        />
        <ErrorAlert error={save.error} />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="entry-save">
            {entry ? t('training.portfolio.update') : t('training.portfolio.add')}
          </Button>
          {entry ? (
            <Button variant="subtle" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
