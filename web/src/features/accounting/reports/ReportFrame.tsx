import { Alert, Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiscalYearDto } from '../../../../../src/ledger/fiscal-years/contract.ts';
import type { ExportFormat } from '../../../../../src/ledger/reports/contract.ts';
import { useMe } from '../../../auth/session.ts';
import type { ServedActivity } from '../../../referentiel/activities.ts';
import { ExportButtons } from '../../../ui/ExportButtons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { day } from '../format.ts';
import { downloadReport, type ExportRequest, fiscalYearsQuery } from '../ledger-api.ts';

/**
 * PDF, Excel, CSV and print buttons of a report (hidden on paper). PDF and Excel are made by the server
 * with the screen's filters (ADR 0008); the CSV stays made in the page, from what is on screen.
 */
export function ReportActions({
  orgId,
  onCsv,
  exportRequest,
  disabled,
}: {
  orgId: string;
  onCsv?: () => void;
  exportRequest?: ExportRequest;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ExportButtons
      formats={exportRequest ? ['pdf', 'xlsx'] : []}
      fetchFile={(format) => downloadReport(orgId, exportRequest!, format as ExportFormat)}
      fallbackName={(format) => `${exportRequest?.report}.${format}`}
      testIdPrefix="report"
      disabled={disabled}
    >
      {onCsv ? (
        <Button variant="default" onClick={onCsv} disabled={disabled} data-testid="report-csv">
          {t('accounting.reports.csv')}
        </Button>
      ) : null}
      <Button variant="default" onClick={() => window.print()} disabled={disabled} data-testid="report-print">
        {t('accounting.reports.print')}
      </Button>
    </ExportButtons>
  );
}

/** A report's title, its badges and buttons, and on paper the organisation and the period it covers. */
export function ReportHeader({
  orgId,
  title,
  served,
  subtitle,
  onCsv,
  exportRequest,
  ready,
}: {
  orgId: string;
  title: string;
  served: readonly ServedActivity[];
  subtitle?: string;
  onCsv?: () => void;
  exportRequest?: ExportRequest;
  ready: boolean;
}) {
  const me = useMe();
  const organisation = me.organisations.find((o) => o.id === orgId)?.name ?? '';
  return (
    <>
      <Text className="agora-print-only" fw={700}>
        {organisation}
      </Text>
      <PageHeader
        title={title}
        served={served}
        actions={
          <ReportActions orgId={orgId} onCsv={onCsv} exportRequest={exportRequest} disabled={!ready} />
        }
      />
      {subtitle ? (
        <Text mb="md" fw={600} data-testid="report-period">
          {subtitle}
        </Text>
      ) : null}
    </>
  );
}

/**
 * The period of a report: a fiscal year (its whole span) or dates inside it. Reports stay inside one
 * fiscal year, as the server requires; with nothing chosen it is the current one.
 */
export function PeriodPicker({
  orgId,
  from,
  to,
  onChange,
  children,
}: {
  orgId: string;
  from?: string;
  to?: string;
  onChange: (period: { from?: string; to?: string }) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const years = useQuery(fiscalYearsQuery(orgId));
  const selected = (years.data ?? []).find((y) => y.start === from && y.end === to);
  return (
    <Group
      align="flex-end"
      gap="sm"
      mb="md"
      wrap="wrap"
      role="search"
      aria-label={t('accounting.reports.filters')}
      className="agora-no-print"
    >
      <NativeSelect
        label={t('accounting.fields.fiscalYear')}
        value={selected?.id ?? (from || to ? 'custom' : '')}
        onChange={(e) => {
          const year = (years.data ?? []).find((y) => y.id === e.currentTarget.value);
          if (year) onChange({ from: year.start, to: year.end });
          else if (e.currentTarget.value === '') onChange({ from: undefined, to: undefined });
        }}
        data={[
          { value: '', label: t('accounting.reports.currentYear') },
          ...(years.data ?? []).map((y: FiscalYearDto) => ({
            value: y.id,
            label: `${y.name} (${day(y.start)} – ${day(y.end)})`,
          })),
          ...(from || to ? [{ value: 'custom', label: t('accounting.reports.customPeriod') }] : []),
        ]}
        data-testid="period-year"
      />
      <TextInput
        type="date"
        label={t('accounting.period.from')}
        value={from ?? ''}
        onChange={(e) => onChange({ from: e.currentTarget.value || undefined, to })}
        data-testid="period-from"
      />
      <TextInput
        type="date"
        label={t('accounting.period.to')}
        value={to ?? ''}
        onChange={(e) => onChange({ from, to: e.currentTarget.value || undefined })}
        data-testid="period-to"
      />
      {children}
    </Group>
  );
}

/** "From … to … (fiscal year …)", as the server resolved the period. */
export function usePeriodText() {
  const { t } = useTranslation();
  return (report: { from: string; to: string; fiscalYear: FiscalYearDto } | undefined) =>
    report
      ? t('accounting.reports.periodLine', {
          from: day(report.from),
          to: day(report.to),
          year: report.fiscalYear.name,
        })
      : undefined;
}

export function ReportEmpty({ children }: { children: ReactNode }) {
  return (
    <Alert color="gray" data-testid="report-empty">
      {children}
    </Alert>
  );
}
