import {
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECK_CATALOGUE,
  catalogueEntity,
  catalogueField,
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  type Operator,
  UNARY_OPERATORS,
} from '../../../../src/training/situations/check-catalogue.ts';
import { useOrgRole } from '../../auth/session.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { saveFile } from '../relations/relations-api.ts';
import { Markdown } from './Markdown.tsx';
import { SituationActions } from './SituationActions.tsx';
import {
  type CheckDto,
  checkMine,
  classQuery,
  downloadAttachment,
  type MySituationDto,
  mySituationQuery,
  type ReferentielDto,
  type ResultDto,
  referentielQuery,
  refreshClass,
  type SituationBody,
  type SituationDto,
  sandboxesQuery,
  saveSituation,
  situationKeys,
  situationQuery,
  situationResultsQuery,
  trainingKeys,
  uploadDocument,
} from './training-api.ts';

const route = getRouteApi('/orgs/$orgId/training/situations/$situationId');

export function SituationPage() {
  const { orgId, situationId } = route.useParams();
  const { role } = useOrgRole(orgId);
  return role === 'student' ? (
    <StudentSituation orgId={orgId} situationId={situationId} />
  ) : (
    <TeacherSituation orgId={orgId} situationId={situationId} />
  );
}

const formatDate = (date: string | null) => (date ? date.split('-').reverse().join('/') : '—');

function Attachments({
  orgId,
  situationId,
  attachments,
}: {
  orgId: string;
  situationId: string;
  attachments: SituationDto['attachments'];
}) {
  const { t } = useTranslation();
  if (attachments.length === 0) return <Text c="dimmed">{t('training.situations.noAttachment')}</Text>;
  return (
    <Group gap="xs">
      {attachments.map((a) => (
        <Button
          key={a.id}
          variant="light"
          size="compact-sm"
          data-testid="attachment"
          onClick={async () => {
            try {
              const file = await downloadAttachment(orgId, situationId, a.id);
              saveFile(file.blob, file.fileName ?? a.fileName);
            } catch (error) {
              notify('error', errorMessage(error, t));
            }
          }}
        >
          {a.fileName}
        </Button>
      ))}
    </Group>
  );
}

function ResultBadge({ result }: { result: ResultDto | undefined }) {
  const { t } = useTranslation();
  if (!result) return <Badge color="gray.7">{t('training.situations.notChecked')}</Badge>;
  return result.passed ? (
    <Badge color="green.9">{t('training.situations.passed')}</Badge>
  ) : (
    <Badge color="red.9">{t('training.situations.failed')}</Badge>
  );
}

// ——— Student ———

function StudentSituation({ orgId, situationId }: { orgId: string; situationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(mySituationQuery(orgId, situationId));
  const check = useMutation({
    mutationFn: () => checkMine(orgId, situationId),
    onSuccess: (data: MySituationDto) => {
      queryClient.setQueryData(mySituationQuery(orgId, situationId).queryKey, data);
      notify('success', t('training.situations.checked'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <LoadError error={query.error} />;
  const s = query.data;
  return (
    <>
      <PageHeader title={s.title} served={[]} />
      <Stack gap="lg">
        <Group gap="lg">
          <Text>
            {t('training.situations.dueDate')} : <strong>{formatDate(s.dueDate)}</strong>
          </Text>
          {s.sandboxOrgId ? (
            <AnchorLink to="/orgs/$orgId" params={{ orgId: s.sandboxOrgId }} data-testid="open-sandbox">
              {t('training.situations.openSandbox', { scenario: s.scenarioTitle })}
            </AnchorLink>
          ) : null}
        </Group>
        <Card withBorder component="section" aria-labelledby="statement-title">
          <Title order={2} size="h4" id="statement-title" mb="sm">
            {t('training.situations.statement')}
          </Title>
          <Markdown source={s.statement} />
          <Attachments orgId={orgId} situationId={s.id} attachments={s.attachments} />
        </Card>
        <Stack component="section" aria-labelledby="checks-title">
          <Group justify="space-between">
            <Title order={2} size="h4" id="checks-title">
              {t('training.situations.expected')}
            </Title>
            <Button onClick={() => check.mutate()} loading={check.isPending} data-testid="check-mine">
              {t('training.situations.checkMine')}
            </Button>
          </Group>
          {s.checks.length === 0 ? (
            <Text c="dimmed">{t('training.situations.noCheck')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.situations.check')}</Table.Th>
                  <Table.Th>{t('training.situations.result')}</Table.Th>
                  <Table.Th>{t('training.situations.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.checks.map((c) => {
                  const result = s.results.find((r) => r.checkId === c.id);
                  return (
                    <Table.Tr key={c.id} data-testid="my-result">
                      <Table.Td>{c.label}</Table.Td>
                      <Table.Td>
                        <ResultBadge result={result} />
                      </Table.Td>
                      <Table.Td data-testid="my-result-why">{result?.explanation ?? '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Stack>
    </>
  );
}

// ——— Teacher ———

function TeacherSituation({ orgId, situationId }: { orgId: string; situationId: string }) {
  const { t } = useTranslation();
  const situation = useQuery(situationQuery(orgId, situationId));
  const classId = situation.data?.classId ?? '';
  const cls = useQuery({ ...classQuery(orgId, classId), enabled: !!classId });
  const referentiel = useQuery({
    ...referentielQuery(cls.data?.referentielId ?? 'agora'),
    enabled: !!cls.data,
  });
  const sandboxes = useQuery({ ...sandboxesQuery(orgId, classId), enabled: !!classId });
  if (situation.isPending || cls.isPending || referentiel.isPending || sandboxes.isPending)
    return <Loader aria-label={t('common.loading')} />;
  if (situation.isError) return <LoadError error={situation.error} />;
  if (cls.isError) return <LoadError error={cls.error} />;
  if (referentiel.isError) return <LoadError error={referentiel.error} />;
  if (sandboxes.isError) return <LoadError error={sandboxes.error} />;
  const handouts = [
    ...new Map(sandboxes.data.items.map((s) => [s.handoutId, s.scenarioTitle] as const)).entries(),
  ].map(([value, label]) => ({ value, label }));
  return (
    <>
      <PageHeader
        title={situation.data.title}
        served={[]}
        actions={
          <>
            <AnchorLink to="/orgs/$orgId/training/classes/$classId" params={{ orgId, classId }}>
              {cls.data.name}
            </AnchorLink>
            <SituationActions orgId={orgId} situation={situation.data} />
          </>
        }
      />
      <Stack gap="xl">
        <Editor
          key={situation.data.updatedAt}
          orgId={orgId}
          situation={situation.data}
          referentiel={referentiel.data}
          handouts={handouts}
        />
        <ClassGrid orgId={orgId} situationId={situationId} />
      </Stack>
    </>
  );
}

type CheckState = SituationBody['checks'][number];

const toBody = (s: SituationDto): SituationBody => ({
  handoutId: s.handoutId,
  title: s.title,
  statement: s.statement,
  competencies: s.competencies,
  indicators: s.indicators,
  dueDate: s.dueDate,
  status: s.status,
  attachmentIds: s.attachments.map((a) => a.id),
  checks: s.checks.map((c: CheckDto) => ({
    id: c.id,
    label: c.label,
    entity: c.entity,
    conditions: c.conditions.map((x) => ({ ...x, value: x.value === null ? null : String(x.value) })),
    countMode: c.countMode,
    expectedCount: c.expectedCount,
    indicators: c.indicators,
  })),
});

const newCheck = (): CheckState => ({
  label: '',
  entity: 'invoice',
  conditions: [{ field: 'party', operator: 'eq', value: '' }],
  countMode: 'at_least',
  expectedCount: 1,
  indicators: [],
});

function Editor({
  orgId,
  situation,
  referentiel,
  handouts,
}: {
  orgId: string;
  situation: SituationDto;
  referentiel: ReferentielDto;
  handouts: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState<SituationBody>(() => toBody(situation));
  const [files, setFiles] = useState(() => situation.attachments);
  const set = (patch: Partial<SituationBody>) => setBody((b) => ({ ...b, ...patch }));
  const competencies = referentiel.blocks.flatMap((b) => b.competencies);
  const indicatorOptions = competencies
    .filter((c) => body.competencies.length === 0 || body.competencies.includes(c.code))
    .flatMap((c) =>
      c.indicators.map((text, i) => ({
        value: `${c.code}.i${i + 1}`,
        label: `${c.code}.i${i + 1} — ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`,
      })),
    );
  const save = useMutation({
    mutationFn: () => saveSituation(orgId, situation.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(situationKeys.one(orgId, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all(orgId) });
      notify('success', t('training.situations.saved'));
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadDocument(orgId, file),
    onSuccess: (doc) => {
      setFiles((f) => [...f, doc]);
      set({ attachmentIds: [...body.attachmentIds, doc.id] });
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  const setCheck = (index: number, patch: Partial<CheckState>) =>
    set({ checks: body.checks.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  return (
    <Stack component="section" aria-labelledby="editor-title">
      <Title order={2} size="h3" id="editor-title">
        {t('training.situations.editor')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('training.situations.titleLabel')}
          required
          value={body.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('training.situations.handout')}
          data={handouts}
          value={body.handoutId}
          onChange={(e) => set({ handoutId: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('training.situations.dueDate')}
          value={body.dueDate ?? ''}
          onChange={(e) => set({ dueDate: e.currentTarget.value || null })}
        />
        <NativeSelect
          label={t('training.situations.status')}
          data={[
            { value: 'draft', label: t('training.situations.draft') },
            { value: 'published', label: t('training.situations.published') },
          ]}
          value={body.status}
          onChange={(e) => set({ status: e.currentTarget.value as SituationBody['status'] })}
          data-testid="situation-status"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          label={t('training.situations.statement')}
          description={t('training.situations.statementHelp')}
          autosize
          minRows={6}
          value={body.statement}
          onChange={(e) => set({ statement: e.currentTarget.value })}
          data-testid="situation-statement"
        />
        <Card withBorder>
          <Text size="sm" c="dimmed" mb="xs">
            {t('training.situations.preview')}
          </Text>
          <Markdown source={body.statement} />
        </Card>
      </SimpleGrid>
      <MultiSelect
        label={t('training.situations.competencies')}
        data={competencies.map((c) => ({ value: c.code, label: `${c.code} — ${c.title}` }))}
        value={body.competencies}
        onChange={(competencies) => set({ competencies })}
        searchable
      />
      <MultiSelect
        label={t('training.situations.indicators')}
        data={indicatorOptions}
        value={body.indicators}
        onChange={(indicators) => set({ indicators })}
        searchable
      />
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('training.situations.attachments')}
        </Text>
        {files.length === 0 ? <Text c="dimmed">{t('training.situations.noAttachment')}</Text> : null}
        {files.map((f) => (
          <Group key={f.id} gap="xs">
            <Text size="sm">{f.fileName}</Text>
            <Button
              size="compact-xs"
              variant="filled"
              color="red.9"
              onClick={() => {
                setFiles(files.filter((x) => x.id !== f.id));
                set({ attachmentIds: body.attachmentIds.filter((x) => x !== f.id) });
              }}
              aria-label={t('training.situations.removeAttachment', { name: f.fileName })}
            >
              {t('training.situations.remove')}
            </Button>
          </Group>
        ))}
        <FileInput
          label={t('training.situations.addAttachment')}
          value={null}
          onChange={(file) => file && upload.mutate(file)}
          disabled={upload.isPending}
        />
      </Stack>

      <Title order={3} size="h4">
        {t('training.situations.checks')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('training.situations.checksHelp')}
      </Text>
      {body.checks.map((check, index) => (
        <CheckEditor
          key={check.id ?? `new-${index}`}
          index={index}
          check={check}
          indicatorOptions={indicatorOptions}
          onChange={(patch) => setCheck(index, patch)}
          onRemove={() => set({ checks: body.checks.filter((_, i) => i !== index) })}
        />
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => set({ checks: [...body.checks, newCheck()] })}
          data-testid="add-check"
        >
          {t('training.situations.addCheck')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} testId="save-error" />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="save-situation">
          {t('training.situations.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function CheckEditor({
  index,
  check,
  indicatorOptions,
  onChange,
  onRemove,
}: {
  index: number;
  check: CheckState;
  indicatorOptions: { value: string; label: string }[];
  onChange: (patch: Partial<CheckState>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const entity = catalogueEntity(check.entity) ?? CHECK_CATALOGUE[0]!;
  const setCondition = (i: number, patch: Partial<CheckState['conditions'][number]>) =>
    onChange({ conditions: check.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const n = index + 1;
  return (
    <Card withBorder data-testid="check-editor">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <TextInput
            label={t('training.situations.checkLabel', { n })}
            value={check.label}
            onChange={(e) => onChange({ label: e.currentTarget.value })}
            data-testid="check-label"
          />
          <NativeSelect
            label={t('training.situations.entity', { n })}
            data={CHECK_CATALOGUE.map((e) => ({ value: e.key, label: e.label }))}
            value={check.entity}
            onChange={(e) => {
              const next = catalogueEntity(e.currentTarget.value)!;
              const field = next.fields[0]!;
              onChange({
                entity: next.key,
                conditions: [{ field: field.key, operator: OPERATORS_BY_TYPE[field.type][0]!, value: '' }],
              });
            }}
            data-testid="check-entity"
          />
          <NativeSelect
            label={t('training.situations.countMode', { n })}
            data={[
              { value: 'at_least', label: t('training.situations.atLeast') },
              { value: 'exactly', label: t('training.situations.exactly') },
            ]}
            value={check.countMode}
            onChange={(e) => onChange({ countMode: e.currentTarget.value as CheckState['countMode'] })}
          />
          <TextInput
            type="number"
            min={0}
            label={t('training.situations.expectedCount', { n })}
            value={String(check.expectedCount)}
            onChange={(e) => onChange({ expectedCount: Number(e.currentTarget.value) })}
          />
        </SimpleGrid>
        {check.conditions.map((condition, i) => {
          const field = catalogueField(entity, condition.field) ?? entity.fields[0]!;
          const operator = condition.operator as Operator;
          const m = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
            <Group key={i} align="flex-end" gap="xs" data-testid="condition">
              <NativeSelect
                label={t('training.situations.field', { n, m })}
                data={entity.fields.map((f) => ({ value: f.key, label: f.label }))}
                value={field.key}
                onChange={(e) => {
                  const next = catalogueField(entity, e.currentTarget.value)!;
                  setCondition(i, {
                    field: next.key,
                    operator: OPERATORS_BY_TYPE[next.type][0]!,
                    value: next.type === 'enum' ? Object.keys(next.options ?? {})[0]! : '',
                  });
                }}
                data-testid="condition-field"
              />
              <NativeSelect
                label={t('training.situations.operator', { n, m })}
                data={OPERATORS_BY_TYPE[field.type].map((o) => ({ value: o, label: OPERATOR_LABELS[o] }))}
                value={operator}
                onChange={(e) => setCondition(i, { operator: e.currentTarget.value })}
                data-testid="condition-operator"
              />
              {UNARY_OPERATORS.includes(operator) ? null : field.type === 'enum' ? (
                <NativeSelect
                  label={t('training.situations.value', { n, m })}
                  data={Object.entries(field.options ?? {}).map(([value, label]) => ({ value, label }))}
                  value={String(condition.value ?? '')}
                  onChange={(e) => setCondition(i, { value: e.currentTarget.value })}
                  data-testid="condition-value"
                />
              ) : (
                <TextInput
                  label={t('training.situations.value', { n, m })}
                  placeholder={t(`training.situations.placeholders.${field.type}`)}
                  value={String(condition.value ?? '')}
                  onChange={(e) => setCondition(i, { value: e.currentTarget.value })}
                  data-testid="condition-value"
                />
              )}
              <Button
                variant="filled"
                color="red.9"
                onClick={() => onChange({ conditions: check.conditions.filter((_, j) => j !== i) })}
                aria-label={t('training.situations.removeCondition', { n, m })}
              >
                {t('training.situations.remove')}
              </Button>
            </Group>
          );
        })}
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              const field = entity.fields[0]!;
              onChange({
                conditions: [
                  ...check.conditions,
                  { field: field.key, operator: OPERATORS_BY_TYPE[field.type][0]!, value: '' },
                ],
              });
            }}
            data-testid="add-condition"
          >
            {t('training.situations.addCondition')}
          </Button>
          <Button variant="filled" size="compact-sm" color="red.9" onClick={onRemove}>
            {t('training.situations.removeCheck', { n })}
          </Button>
        </Group>
        <MultiSelect
          label={t('training.situations.checkIndicators', { n })}
          data={indicatorOptions}
          value={check.indicators}
          onChange={(indicators) => onChange({ indicators })}
          searchable
        />
      </Stack>
    </Card>
  );
}

function ClassGrid({ orgId, situationId }: { orgId: string; situationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(situationResultsQuery(orgId, situationId));
  const refresh = useMutation({
    mutationFn: () => refreshClass(orgId, situationId),
    onSuccess: (data) => {
      queryClient.setQueryData(situationResultsQuery(orgId, situationId).queryKey, data);
      notify('success', t('training.situations.refreshed'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  return (
    <Stack component="section" aria-labelledby="grid-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="grid-title">
          {t('training.situations.classView')}
        </Title>
        <Button onClick={() => refresh.mutate()} loading={refresh.isPending} data-testid="refresh-class">
          {t('training.situations.refresh')}
        </Button>
      </Group>
      {query.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : query.data.situation.checks.length === 0 ? (
        <Text c="dimmed">{t('training.situations.noCheck')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped data-testid="class-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.situations.student')}</Table.Th>
                {query.data.situation.checks.map((c) => (
                  <Table.Th key={c.id}>{c.label}</Table.Th>
                ))}
                <Table.Th>{t('training.situations.counts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.students.map((s) => (
                <Table.Tr key={s.id} data-testid="grid-row">
                  <Table.Th scope="row">{s.name}</Table.Th>
                  {query.data.situation.checks.map((c) => {
                    const result = query.data.results.find((r) => r.checkId === c.id && r.studentId === s.id);
                    return (
                      <Table.Td key={c.id} title={result?.explanation}>
                        <ResultBadge result={result} />
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    {t('training.situations.countsValue', {
                      passed: s.passed,
                      total: query.data.situation.checks.length,
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
