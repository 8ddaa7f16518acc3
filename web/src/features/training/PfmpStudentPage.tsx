import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
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
import { formatDateFr } from '../../../../src/kernel/dates/index.ts';
import { formatAmount } from '../../../../src/kernel/money/index.ts';
import { assessableCompetencies, indicatorCode } from '../../../../src/training/pfmp/contract.ts';
import { weekdays } from '../../../../src/training/pfmp/counting.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadError } from '../../ui/StatusPages.tsx';
import { saveFile } from '../relations/relations-api.ts';
import {
  type AgreementDto,
  addPeriod,
  createAgreement,
  downloadAttestation,
  hostsQuery,
  pfmpKeys,
  recordAttendance,
  type StudentPfmpDto,
  saveAssessment,
  setActivities,
  studentPfmpQuery,
  updateAgreement,
} from './pfmp-api.ts';
import { TutorLinkPanel } from './TutorLinkPanel.tsx';
import { type ReferentielDto, referentielQuery } from './training-api.ts';

const route = getRouteApi('/orgs/$orgId/training/pfmp/students/$studentId');
const LEVELS = ['seconde', 'premiere', 'terminale'] as const;
const STATUSES = ['draft', 'sent', 'signed', 'cancelled'] as const;
const ATTENDANCE = ['present', 'absent_justified', 'absent_unjustified'] as const;

/** One student's PFMP: the weeks against the requirement, the allowance, warnings, and each agreement. */
export function PfmpStudentPage() {
  const { t } = useTranslation();
  const { orgId, studentId } = route.useParams();
  const pfmp = useQuery(studentPfmpQuery(orgId, studentId));
  const referentiel = useQuery({
    ...referentielQuery(pfmp.data?.referentielId ?? 'agora'),
    enabled: !!pfmp.data,
  });
  if (pfmp.isPending) return <Loader aria-label={t('common.loading')} />;
  if (pfmp.isError) return <LoadError error={pfmp.error} />;
  const data = pfmp.data;
  return (
    <>
      <PageHeader title={t('training.pfmp.studentTitle', { name: data.student.name })} served={[]} />
      <Stack gap="xl">
        <AnchorLink to="/orgs/$orgId/training/pfmp" params={{ orgId }} size="sm">
          {t('training.pfmp.back')}
        </AnchorLink>
        <Summary data={data} />
        {data.canManage ? <NewAgreement orgId={orgId} data={data} /> : null}
        {data.agreements.length === 0 ? <Text c="dimmed">{t('training.pfmp.noAgreement')}</Text> : null}
        {data.agreements.map((agreement) => (
          <AgreementCard
            key={agreement.id}
            orgId={orgId}
            data={data}
            agreement={agreement}
            referentiel={referentiel.data}
          />
        ))}
      </Stack>
    </>
  );
}

function Summary({ data }: { data: StudentPfmpDto }) {
  const { t } = useTranslation();
  const number = (n: number) => n.toLocaleString('fr-FR');
  return (
    <Stack component="section" aria-labelledby="pfmp-summary-title">
      <Title order={2} size="h3" id="pfmp-summary-title">
        {t('training.pfmp.summary')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm">{t('training.pfmp.weeksPlanned')}</Text>
          <Text fw={700} size="xl" data-testid="weeks-planned">
            {t('training.pfmp.weeksOf', { weeks: number(data.weeks.planned), required: data.weeks.required })}
          </Text>
          {data.weeks.referentiel !== null ? (
            <Text size="xs">
              {t('training.pfmp.referentielWeeks', {
                weeks: data.weeks.referentiel,
                required: data.weeks.required,
              })}
            </Text>
          ) : null}
        </Card>
        <Card withBorder>
          <Text size="sm">{t('training.pfmp.weeksDone')}</Text>
          <Text fw={700} size="xl" data-testid="weeks-done">
            {t('training.pfmp.weeksDays', { weeks: number(data.weeks.done), days: data.weeks.daysDone })}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm">{t('training.pfmp.allowance')}</Text>
          <Text fw={700} size="xl" data-testid="allowance-total">
            {formatAmount(data.allowance.totalOwedCents)}
          </Text>
          {data.allowance.years.map((y) => (
            <Text size="xs" key={`${y.schoolYear}-${y.level}`}>
              {t('training.pfmp.allowanceYear', {
                year: y.schoolYear,
                level: t(`training.levels.${y.level}`),
                days: y.daysPresent,
                amount: formatAmount(y.owedCents),
                cap: formatAmount(y.capCents),
              })}
            </Text>
          ))}
        </Card>
      </SimpleGrid>
      <Text size="xs">{t('training.pfmp.allowanceSource')}</Text>
      {data.warnings.length > 0 ? (
        <Alert color="orange.9" title={t('training.pfmp.warnings')} data-testid="pfmp-warnings">
          <List size="sm">
            {data.warnings.map((w) => (
              <List.Item key={`${w.code}-${w.periodIds.join('-')}`} data-code={w.code}>
                {w.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm" data-testid="pfmp-warnings">
          {t('training.pfmp.noWarning')}
        </Text>
      )}
    </Stack>
  );
}

function NewAgreement({ orgId, data }: { orgId: string; data: StudentPfmpDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hosts = useQuery(hostsQuery(orgId));
  const [form, setForm] = useState({
    hostId: '',
    tutorId: '',
    schoolYear: '',
    level: '',
    activitiesPlanned: '',
    startsOn: '',
    endsOn: '',
  });
  const items = hosts.data?.items ?? [];
  const hostId = form.hostId || items[0]?.id || '';
  const tutors = items.find((h) => h.id === hostId)?.tutors ?? [];
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () =>
      createAgreement(orgId, data.student.id, {
        hostId,
        tutorId: form.tutorId || tutors[0]?.id || null,
        ...(form.schoolYear ? { schoolYear: form.schoolYear } : {}),
        ...(form.level ? { level: form.level } : {}),
        activitiesPlanned: form.activitiesPlanned,
        periods: form.startsOn || form.endsOn ? [{ startsOn: form.startsOn, endsOn: form.endsOn }] : [],
      }),
    onSuccess: async () => {
      setForm({
        hostId: '',
        tutorId: '',
        schoolYear: '',
        level: '',
        activitiesPlanned: '',
        startsOn: '',
        endsOn: '',
      });
      await queryClient.invalidateQueries({ queryKey: pfmpKeys.all(orgId) });
      notify('success', t('training.pfmp.agreementCreated'));
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="new-agreement-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="new-agreement-title">
          {t('training.pfmp.newAgreement')}
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed">{t('training.pfmp.noHost')}</Text>
        ) : (
          <>
            <Group grow>
              <NativeSelect
                label={t('training.pfmp.host')}
                data={items.map((h) => ({ value: h.id, label: h.name }))}
                value={hostId}
                onChange={(e) => setForm((f) => ({ ...f, hostId: e.currentTarget.value, tutorId: '' }))}
              />
              <NativeSelect
                label={t('training.pfmp.tutor')}
                data={[
                  ...tutors.map((tu) => ({ value: tu.id, label: tu.name })),
                  { value: '', label: t('training.pfmp.noTutor') },
                ]}
                value={form.tutorId || tutors[0]?.id || ''}
                onChange={(e) => set('tutorId')(e.currentTarget.value)}
              />
            </Group>
            <Group grow>
              <TextInput
                label={t('training.classes.schoolYear')}
                placeholder={t('training.pfmp.defaultYear')}
                value={form.schoolYear}
                onChange={(e) => set('schoolYear')(e.currentTarget.value)}
              />
              <NativeSelect
                label={t('training.classes.level')}
                data={[
                  { value: '', label: t('training.pfmp.classLevel') },
                  ...LEVELS.map((value) => ({ value, label: t(`training.levels.${value}`) })),
                ]}
                value={form.level}
                onChange={(e) => set('level')(e.currentTarget.value)}
              />
            </Group>
            <Group grow>
              <TextInput
                type="date"
                label={t('training.pfmp.startsOn')}
                value={form.startsOn}
                onChange={(e) => set('startsOn')(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('training.pfmp.endsOn')}
                value={form.endsOn}
                onChange={(e) => set('endsOn')(e.currentTarget.value)}
              />
            </Group>
            <Textarea
              label={t('training.pfmp.activitiesPlanned')}
              autosize
              minRows={2}
              value={form.activitiesPlanned}
              onChange={(e) => set('activitiesPlanned')(e.currentTarget.value)}
            />
            <ErrorAlert error={create.error} />
            <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="create-agreement">
              {t('training.pfmp.createAgreement')}
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}

function AgreementCard({
  orgId,
  data,
  agreement,
  referentiel,
}: {
  orgId: string;
  data: StudentPfmpDto;
  agreement: AgreementDto;
  referentiel: ReferentielDto | undefined;
}) {
  const { t } = useTranslation();
  const titleId = `agreement-${agreement.id}`;
  const download = async () => {
    try {
      const { blob, fileName } = await downloadAttestation(orgId, agreement.id);
      saveFile(blob, fileName ?? 'attestation-pfmp.pdf');
    } catch (error) {
      notify('error', errorMessage(error, t));
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="agreement">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id={titleId}>
            {agreement.host.name} — {agreement.schoolYear}, {t(`training.levels.${agreement.level}`)}
          </Title>
          {/* Light teal, as the other status badges: white on green.9 is 4.36:1, below the AA ratio (axe). */}
          <Badge
            variant="light"
            color={agreement.status === 'signed' ? 'teal' : 'gray'}
            data-testid="agreement-status"
          >
            {t(`training.pfmp.statuses.${agreement.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {agreement.host.address} · {agreement.host.sector}
          {agreement.tutor ? ` · ${t('training.pfmp.tutor')} : ${agreement.tutor.name}` : ''}
          {agreement.referent ? ` · ${t('training.pfmp.referent')} : ${agreement.referent.name}` : ''}
        </Text>
        {agreement.activitiesPlanned ? <Text size="sm">{agreement.activitiesPlanned}</Text> : null}
        {data.canManage ? <StatusForm orgId={orgId} agreement={agreement} /> : null}
        <Periods orgId={orgId} data={data} agreement={agreement} />
        <Activities orgId={orgId} agreement={agreement} referentiel={referentiel} />
        <Assessment
          orgId={orgId}
          agreement={agreement}
          referentiel={referentiel}
          canManage={data.canManage}
        />
        {data.canManage ? <TutorLinkPanel orgId={orgId} agreement={agreement} /> : null}
        <Group>
          <Button variant="light" onClick={download} data-testid="download-attestation">
            {t('training.pfmp.attestation')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function useRefresh(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: pfmpKeys.all(orgId) });
}

function StatusForm({ orgId, agreement }: { orgId: string; agreement: AgreementDto }) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const [status, setStatus] = useState<string>(agreement.status);
  const [signedOn, setSignedOn] = useState(agreement.signedOn ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateAgreement(orgId, agreement.id, {
        tutorId: agreement.tutor?.id ?? null,
        referentUserId: agreement.referent?.id ?? null,
        status,
        signedOn: signedOn || null,
        activitiesPlanned: agreement.activitiesPlanned,
      }),
    onSuccess: async () => {
      await refresh();
      notify('success', t('training.pfmp.saved'));
    },
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <NativeSelect
          label={t('training.pfmp.status')}
          data={STATUSES.map((value) => ({ value, label: t(`training.pfmp.statuses.${value}`) }))}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('training.pfmp.signedOn')}
          value={signedOn}
          onChange={(e) => setSignedOn(e.currentTarget.value)}
        />
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="save-status">
          {t('training.pfmp.saveStatus')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

function Periods({
  orgId,
  data,
  agreement,
}: {
  orgId: string;
  data: StudentPfmpDto;
  agreement: AgreementDto;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const [range, setRange] = useState({ startsOn: '', endsOn: '' });
  const add = useMutation({
    mutationFn: () => addPeriod(orgId, agreement.id, range),
    onSuccess: async () => {
      setRange({ startsOn: '', endsOn: '' });
      await refresh();
    },
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('training.pfmp.periods')}
      </Title>
      {agreement.periods.length === 0 ? <Text c="dimmed">{t('training.pfmp.noPeriod')}</Text> : null}
      {agreement.periods.map((p) => (
        <Stack key={p.id} gap={4} data-testid="period">
          <Text size="sm" fw={600}>
            {t('training.pfmp.periodLine', {
              from: formatDateFr(p.startsOn),
              to: formatDateFr(p.endsOn),
              planned: p.plannedDays,
              present: p.daysPresent,
              justified: p.daysAbsentJustified,
              unjustified: p.daysAbsentUnjustified,
              amount: formatAmount(p.allowanceCents),
            })}
          </Text>
          {data.canManage ? <AttendanceEditor orgId={orgId} today={data.today} period={p} /> : null}
        </Stack>
      ))}
      {data.canManage ? (
        <Stack gap={4}>
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t('training.pfmp.startsOn')}
              value={range.startsOn}
              onChange={(e) => setRange({ ...range, startsOn: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('training.pfmp.endsOn')}
              value={range.endsOn}
              onChange={(e) => setRange({ ...range, endsOn: e.currentTarget.value })}
            />
            <Button variant="light" onClick={() => add.mutate()} loading={add.isPending}>
              {t('training.pfmp.addPeriod')}
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
        </Stack>
      ) : null}
    </Stack>
  );
}

function AttendanceEditor({
  orgId,
  today,
  period,
}: {
  orgId: string;
  today: string;
  period: AgreementDto['periods'][number];
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const recorded = new Map(period.attendance.map((a) => [a.day, a.status as string]));
  const days = weekdays(period.startsOn, period.endsOn).filter((d) => d <= today);
  const extra = period.attendance.map((a) => a.day).filter((d) => !days.includes(d));
  const all = [...days, ...extra].sort();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const value = (day: string) => edits[day] ?? recorded.get(day) ?? '';
  const save = useMutation({
    mutationFn: (changes: Record<string, string>) =>
      recordAttendance(
        orgId,
        period.id,
        Object.entries(changes).map(([day, status]) => ({ day, status: status || null })),
      ),
    onSuccess: async () => {
      setEdits({});
      await refresh();
      notify('success', t('training.pfmp.attendanceSaved'));
    },
  });
  if (all.length === 0) return <Text size="xs">{t('training.pfmp.notStarted')}</Text>;
  const allPresent = () =>
    Object.fromEntries(all.filter((d) => !value(d)).map((d) => [d, 'present'])) as Record<string, string>;
  return (
    <details>
      <summary>{t('training.pfmp.attendance')}</summary>
      <Stack gap="xs" mt="xs">
        <Table>
          <Table.Tbody>
            {all.map((day) => (
              <Table.Tr key={day}>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    label={t('training.pfmp.attendanceOf', { day: formatDateFr(day) })}
                    data={[
                      { value: '', label: t('training.pfmp.notRecorded') },
                      ...ATTENDANCE.map((s) => ({
                        value: s,
                        label: t(`training.pfmp.attendanceStatus.${s}`),
                      })),
                    ]}
                    value={value(day)}
                    onChange={(e) => {
                      const next = e.currentTarget.value;
                      setEdits((current) => ({ ...current, [day]: next }));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ErrorAlert error={save.error} />
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => save.mutate({ ...allPresent(), ...edits })}
            loading={save.isPending}
            data-testid="all-present"
          >
            {t('training.pfmp.allPresent')}
          </Button>
          <Button
            size="xs"
            onClick={() => save.mutate(edits)}
            disabled={Object.keys(edits).length === 0}
            loading={save.isPending}
            data-testid="save-attendance"
          >
            {t('training.pfmp.saveAttendance')}
          </Button>
        </Group>
      </Stack>
    </details>
  );
}

function Activities({
  orgId,
  agreement,
  referentiel,
}: {
  orgId: string;
  agreement: AgreementDto;
  referentiel: ReferentielDto | undefined;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  const [ticked, setTicked] = useState<string[] | null>(null);
  const current = ticked ?? agreement.activitiesDone;
  const save = useMutation({
    mutationFn: () => setActivities(orgId, agreement.id, current),
    onSuccess: async () => {
      setTicked(null);
      await refresh();
      notify('success', t('training.pfmp.activitiesSaved'));
    },
    onError: (error) => notify('error', errorMessage(error, t)),
  });
  if (!referentiel) return null;
  return (
    <details>
      <summary>{t('training.pfmp.activitiesDone', { count: agreement.activitiesDone.length })}</summary>
      <Stack gap={4} mt="xs">
        {referentiel.areas.flatMap((area) =>
          area.activities.map((activity) => (
            <Checkbox.Group
              key={activity.code}
              label={`${activity.code} ${activity.title}`}
              value={current}
              onChange={(next) =>
                setTicked([
                  ...current.filter((c) => !activity.tasks.some((task) => task.code === c)),
                  ...next.filter((c) => activity.tasks.some((task) => task.code === c)),
                ])
              }
            >
              <Stack gap={2} mt={4}>
                {activity.tasks.map((task) => (
                  <Checkbox
                    key={task.code}
                    value={task.code}
                    label={`${task.code} — ${task.title}`}
                    size="xs"
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )),
        )}
        <Group>
          <Button
            size="xs"
            onClick={() => save.mutate()}
            disabled={ticked === null}
            loading={save.isPending}
            data-testid="save-activities"
          >
            {t('training.pfmp.saveActivities')}
          </Button>
        </Group>
      </Stack>
    </details>
  );
}

function Assessment({
  orgId,
  agreement,
  referentiel,
  canManage,
}: {
  orgId: string;
  agreement: AgreementDto;
  referentiel: ReferentielDto | undefined;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(orgId);
  // The same list as the tutor's page (assessableCompetencies): the competencies with indicators.
  const competencies = assessableCompetencies(referentiel?.blocks ?? []).map((c) => c.competency);
  const [competency, setCompetency] = useState('');
  const [items, setItems] = useState<Record<string, { level: string; comment: string }> | null>(null);
  const [meta, setMeta] = useState({
    source: agreement.assessment.source ?? 'paper',
    assessedOn: agreement.assessment.assessedOn ?? '',
    comment: agreement.assessment.comment ?? '',
  });
  const saved = Object.fromEntries(
    agreement.assessment.items.map((i) => [
      i.indicatorCode,
      { level: String(i.level), comment: i.comment ?? '' },
    ]),
  );
  const current = items ?? saved;
  const save = useMutation({
    mutationFn: () =>
      saveAssessment(orgId, agreement.id, {
        source: meta.source as 'paper' | 'tutor',
        assessedOn: meta.assessedOn,
        comment: meta.comment,
        items: Object.entries(current)
          .filter(([, v]) => v.level)
          .map(([indicatorCode, v]) => ({ indicatorCode, level: Number(v.level), comment: v.comment })),
      }),
    onSuccess: async () => {
      setItems(null);
      await refresh();
      notify('success', t('training.pfmp.assessmentSaved'));
    },
  });
  if (!referentiel) return null;
  const levelLabel = (level: number) => t(`training.pfmp.levels.${level as 1}`);
  const { source, assessedOn } = agreement.assessment;
  // Who entered the assessment, and when: the tutor through their link, or a teacher from the paper form.
  const origin =
    source && assessedOn ? (
      <Text size="sm" data-testid="assessment-origin">
        {t(source === 'tutor' ? 'training.pfmp.enteredByTutor' : 'training.pfmp.enteredFromPaper', {
          date: formatDateFr(assessedOn),
        })}
      </Text>
    ) : null;
  if (!canManage)
    return (
      <>
        {origin}
        <details>
          <summary>{t('training.pfmp.assessment')}</summary>
          {agreement.assessment.items.length === 0 ? (
            <Text size="sm">{t('training.pfmp.noAssessment')}</Text>
          ) : (
            <List size="sm">
              {agreement.assessment.items.map((i) => (
                <List.Item key={i.indicatorCode}>
                  {i.indicatorCode} : {levelLabel(i.level)}
                  {i.comment ? ` — ${i.comment}` : ''}
                </List.Item>
              ))}
            </List>
          )}
          {agreement.assessment.comment ? <Text size="sm">{agreement.assessment.comment}</Text> : null}
        </details>
      </>
    );
  const selected = competencies.find((c) => c.code === competency) ?? competencies[0];
  return (
    <>
      {origin}
      <details>
        <summary>{t('training.pfmp.assessmentCount', { count: agreement.assessment.items.length })}</summary>
        <Stack gap="xs" mt="xs">
          <Group grow>
            <NativeSelect
              label={t('training.pfmp.assessmentSource')}
              data={(['paper', 'tutor'] as const).map((value) => ({
                value,
                label: t(`training.pfmp.sources.${value}`),
              }))}
              value={meta.source}
              onChange={(e) => setMeta({ ...meta, source: e.currentTarget.value as 'paper' })}
            />
            <TextInput
              type="date"
              label={t('training.pfmp.assessedOn')}
              value={meta.assessedOn}
              onChange={(e) => setMeta({ ...meta, assessedOn: e.currentTarget.value })}
            />
          </Group>
          <NativeSelect
            label={t('training.pfmp.competency')}
            data={competencies.map((c) => ({ value: c.code, label: `${c.code} ${c.title}` }))}
            value={selected?.code ?? ''}
            onChange={(e) => setCompetency(e.currentTarget.value)}
          />
          {selected?.indicators.map((indicator, i) => {
            const code = indicatorCode(selected.code, i);
            const row = current[code] ?? { level: '', comment: '' };
            const update = (next: Partial<typeof row>) =>
              setItems({ ...current, [code]: { ...row, ...next } });
            return (
              <Group key={code} grow align="flex-end">
                <NativeSelect
                  label={`${code} ${indicator}`}
                  data={[
                    { value: '', label: t('training.pfmp.notAssessed') },
                    ...[1, 2, 3, 4].map((l) => ({ value: String(l), label: `${l} — ${levelLabel(l)}` })),
                  ]}
                  value={row.level}
                  onChange={(e) => update({ level: e.currentTarget.value })}
                />
                <TextInput
                  label={t('training.pfmp.indicatorComment', { code })}
                  value={row.comment}
                  onChange={(e) => update({ comment: e.currentTarget.value })}
                />
              </Group>
            );
          })}
          <Textarea
            label={t('training.pfmp.assessmentComment')}
            autosize
            minRows={2}
            value={meta.comment}
            onChange={(e) => setMeta({ ...meta, comment: e.currentTarget.value })}
          />
          <ErrorAlert error={save.error} />
          <Group>
            <Button
              size="xs"
              onClick={() => save.mutate()}
              loading={save.isPending}
              data-testid="save-assessment"
            >
              {t('training.pfmp.saveAssessment')}
            </Button>
          </Group>
        </Stack>
      </details>
    </>
  );
}
