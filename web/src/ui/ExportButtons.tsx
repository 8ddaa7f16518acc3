import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from './download.ts';

export type ServerExportFormat = 'pdf' | 'xlsx' | 'csv';
export type ServerFile = { blob: Blob; fileName: string | null };

/**
 * Buttons that fetch a file the server makes (PDF, Excel, CSV) and hand it to the browser: each button
 * shows it is busy, and a failure says so in French under them. `fetchFile` does the request;
 * `fallbackName` names the file when the server sends no Content-Disposition.
 */
export function ExportButtons({
  formats,
  fetchFile,
  fallbackName,
  testIdPrefix,
  disabled,
  size,
  align = 'end',
  labelOf,
  children,
}: {
  formats: readonly ServerExportFormat[];
  fetchFile: (format: ServerExportFormat) => Promise<ServerFile>;
  fallbackName: (format: ServerExportFormat) => string;
  testIdPrefix: string;
  disabled?: boolean;
  size?: 'xs' | 'sm';
  /** Where the row sits: at the end of a page header (reports), or at the start of a section. */
  align?: 'start' | 'end';
  /** The button's text, when « Télécharger PDF » says too little (« Bulletin PDF »). */
  labelOf?: (format: ServerExportFormat) => string;
  /** More buttons in the same row (print, a CSV made in the page). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ServerExportFormat | null>(null);
  const [failed, setFailed] = useState(false);
  const download = async (format: ServerExportFormat) => {
    setBusy(format);
    setFailed(false);
    try {
      const { blob, fileName } = await fetchFile(format);
      downloadBlob(blob, fileName ?? fallbackName(format));
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap={4} className="agora-no-print" align={align === 'end' ? 'flex-end' : undefined}>
      <Group gap="sm">
        {formats.map((format) => (
          <Button
            key={format}
            variant="default"
            size={size}
            onClick={() => void download(format)}
            disabled={disabled}
            loading={busy === format}
            data-testid={`${testIdPrefix}-${format}`}
          >
            {labelOf ? labelOf(format) : t(`accounting.reports.${format}`)}
          </Button>
        ))}
        {children}
      </Group>
      {failed ? (
        <Text size="sm" c="red" role="alert" data-testid={`${testIdPrefix}-export-error`}>
          {t('accounting.reports.exportFailed')}
        </Text>
      ) : null}
    </Stack>
  );
}
