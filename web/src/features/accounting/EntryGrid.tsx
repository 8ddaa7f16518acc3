import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Kbd,
  NativeSelect,
  Paper,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../src/ledger/accounts/contract.ts';
import type { EntryInput } from '../../../../src/ledger/entries/contract.ts';
import type { JournalDto } from '../../../../src/ledger/journals/contract.ts';
import { isApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { AccountInput } from './AccountInput.tsx';
import {
  accountOptions,
  balancingAmount,
  checkEntry,
  emptyErrors,
  type GridErrors,
  type GridHeader,
  type GridLine,
  type GridValues,
  gridTotals,
  type HeaderField,
  isBlank,
  type LineField,
  lastStartedLine,
  type Message,
  type Mode,
  normalizeAmount,
  placeIssues,
  resolveAccount,
  withTrailingBlank,
} from './entry-grid-model.ts';
import { money } from './format.ts';

export type EntryGridProps = {
  journals: readonly JournalDto[];
  accounts: readonly AccountDto[];
  initial: GridValues;
  /** Sends the entry; a rejection (ApiError) is shown on the grid: field errors on their cells. */
  onSubmit: (input: EntryInput, mode: Mode) => Promise<unknown>;
  /** Extra buttons beside the save buttons (cancel, delete…). */
  actions?: ReactNode;
  /** The field to focus when the grid appears (the next entry starts at its label). */
  autoFocus?: HeaderField;
};

const LINE_FIELDS: readonly LineField[] = ['account', 'label', 'debit', 'credit'];
const HEADER_ORDER: readonly HeaderField[] = ['journal', 'date', 'label', 'voucherRef'];

type Cell = { line: string; field: LineField } | { header: HeaderField };
const cellId = (cell: Cell) => ('header' in cell ? `h:${cell.header}` : `${cell.line}:${cell.field}`);

/**
 * The keyboard-first entry grid, as an accountant types an entry: journal, date, label, then lines
 * (account, label, debit, credit). Enter and Tab move to the next cell, a new line appears by itself,
 * totals and the difference stay in view, "=" puts the balancing amount on the current line, Ctrl+Enter
 * saves and validates. An unbalanced entry is refused in French before anything is sent.
 */
export function EntryGrid({ journals, accounts, initial, onSubmit, actions, autoFocus }: EntryGridProps) {
  const { t } = useTranslation();
  const [header, setHeader] = useState<GridHeader>(initial.header);
  const [lines, setLines] = useState<GridLine[]>(() => withTrailingBlank(initial.lines));
  const [errors, setErrors] = useState<GridErrors>(emptyErrors);
  const [submitting, setSubmitting] = useState<Mode | null>(null);
  const [current, setCurrent] = useState(0);
  const cells = useRef(new Map<string, HTMLInputElement | HTMLSelectElement>());
  const pendingFocus = useRef<string | null>(null);
  const validateButton = useRef<HTMLButtonElement>(null);
  const options = useMemo(() => accountOptions(accounts), [accounts]);
  const totals = gridTotals(lines);

  const say = (message: Message | string | undefined) =>
    message === undefined
      ? undefined
      : typeof message === 'string'
        ? message
        : t(message.key, message.params);

  const register = (cell: Cell) => (element: HTMLInputElement | HTMLSelectElement | null) => {
    if (element) cells.current.set(cellId(cell), element);
    else cells.current.delete(cellId(cell));
  };

  // Focus asked for a cell of a line that the last change has just created.
  useEffect(() => {
    if (!pendingFocus.current) return;
    const element = cells.current.get(pendingFocus.current);
    if (element) {
      pendingFocus.current = null;
      element.focus();
      if (element instanceof HTMLInputElement) element.select();
    }
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the grid appears
  useEffect(() => {
    if (autoFocus) cells.current.get(cellId({ header: autoFocus }))?.focus();
  }, []);

  const focusCell = (cell: Cell) => {
    const element = cells.current.get(cellId(cell));
    if (element) {
      element.focus();
      if (element instanceof HTMLInputElement) element.select();
    } else pendingFocus.current = cellId(cell);
  };

  const clearError = (key: string, field: LineField) =>
    setErrors((prev) => {
      const line = prev.lines[key];
      if (!line?.[field] && !line?.line && prev.messages.length === 0) return prev;
      const { [field]: _gone, line: _line, ...rest } = line ?? {};
      return { ...prev, messages: [], lines: { ...prev.lines, [key]: rest } };
    });

  const updateLine = (index: number, patch: Partial<GridLine>) => {
    setLines((prev) =>
      withTrailingBlank(prev.map((line, i) => (i === index ? { ...line, ...patch } : line))),
    );
    const key = lines[index]?.key;
    if (key) for (const field of Object.keys(patch) as LineField[]) clearError(key, field);
  };

  const updateHeader = (field: HeaderField, value: string) => {
    setHeader((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) =>
      prev.header[field] || prev.messages.length
        ? { ...prev, messages: [], header: { ...prev.header, [field]: undefined } }
        : prev,
    );
  };

  const removeLine = (index: number) => {
    const next = withTrailingBlank(lines.filter((_, i) => i !== index));
    setLines(next);
    const target = next[Math.min(index, next.length - 1)];
    if (target) focusCell({ line: target.key, field: 'account' });
  };

  /** "=": the amount that balances the entry, on line `index`, on the side where it belongs. */
  const balanceLine = (index: number) => {
    const amount = balancingAmount(lines, index);
    if (!amount || !lines[index]) return;
    updateLine(index, amount);
    focusCell({ line: lines[index].key, field: amount.debit ? 'debit' : 'credit' });
  };

  const nextAfter = (index: number, field: LineField): Cell | 'save' => {
    const line = lines[index]!;
    const position = LINE_FIELDS.indexOf(field);
    // A debit typed: the credit of the same line has nothing to take, go to the next line.
    const skipCredit = field === 'debit' && normalizeAmount(line.debit).trim() !== '';
    if (position < LINE_FIELDS.length - 1 && !skipCredit)
      return { line: line.key, field: LINE_FIELDS[position + 1]! };
    const next = lines[index + 1];
    // The trailing blank line appears with this render when the current one was the last.
    return next ? { line: next.key, field: 'account' } : 'save';
  };

  const onLineKeyDown =
    (index: number, field: LineField) =>
    (event: KeyboardEvent<HTMLInputElement>, highlighted = false) => {
      const line = lines[index]!;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void submit('validate');
        return;
      }
      if (event.key === 'Delete' && event.ctrlKey) {
        event.preventDefault();
        removeLine(index);
        return;
      }
      if (event.key === '=' && (field === 'debit' || field === 'credit')) {
        event.preventDefault();
        balanceLine(index);
        return;
      }
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && field !== 'account') {
        const target = lines[index + (event.key === 'ArrowDown' ? 1 : -1)];
        if (target) {
          event.preventDefault();
          focusCell({ line: target.key, field });
        }
        return;
      }
      if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
      // Enter on a highlighted account: the combobox picks it, and onPick moves on.
      if (field === 'account' && highlighted) return;
      event.preventDefault();
      if (field === 'debit' || field === 'credit')
        updateLine(index, { [field]: normalizeAmount(line[field]) });
      // Enter on the empty line after a complete entry: on to the save button.
      if (field === 'account' && isBlank(line) && lastStartedLine(lines) >= 1 && index === lines.length - 1) {
        validateButton.current?.focus();
        return;
      }
      const next = nextAfter(index, field);
      if (next === 'save') validateButton.current?.focus();
      else focusCell(next);
    };

  const onHeaderKeyDown =
    (field: HeaderField) => (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) {
        void submit('validate');
        return;
      }
      const position = HEADER_ORDER.indexOf(field);
      const next = HEADER_ORDER[position + 1];
      focusCell(next ? { header: next } : { line: lines[0]!.key, field: 'account' });
    };

  const focusFirstError = (found: GridErrors) => {
    for (const field of HEADER_ORDER) if (found.header[field]) return focusCell({ header: field });
    for (const line of lines) {
      const lineErrors = found.lines[line.key];
      if (!lineErrors) continue;
      const field = LINE_FIELDS.find((f) => lineErrors[f]) ?? (lineErrors.line ? 'debit' : undefined);
      if (field) return focusCell({ line: line.key, field });
    }
  };

  async function submit(mode: Mode) {
    if (submitting) return;
    const normalized = lines.map((l) => ({
      ...l,
      debit: normalizeAmount(l.debit),
      credit: normalizeAmount(l.credit),
    }));
    setLines(normalized);
    const result = checkEntry({ header, lines: normalized }, accounts, mode, options);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(result.errors);
      return;
    }
    setErrors(emptyErrors());
    setSubmitting(mode);
    try {
      await onSubmit(result.input, mode);
    } catch (error) {
      const placed = isApiError(error)
        ? placeIssues(error.problem.errors ?? [], result.sentKeys)
        : emptyErrors();
      const found = { ...placed, messages: [errorMessage(error, t), ...placed.messages] };
      setErrors(found);
      focusFirstError(found);
    } finally {
      setSubmitting(null);
    }
  }

  const difference = totals.difference;
  const started = lines.filter((l) => !isBlank(l)).length;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit('validate');
      }}
      data-testid="entry-grid"
      aria-label={t('accounting.grid.formLabel')}
    >
      {errors.messages.length > 0 ? (
        <Alert
          color="red"
          role="alert"
          mb="md"
          data-testid="entry-alert"
          title={t('accounting.grid.refused')}
        >
          {errors.messages.map((message) => {
            const text = say(message)!;
            return <div key={text}>{text}</div>;
          })}
        </Alert>
      ) : null}

      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <NativeSelect
            ref={register({ header: 'journal' })}
            label={t('accounting.fields.journal')}
            required
            value={header.journal}
            onChange={(e) => updateHeader('journal', e.currentTarget.value)}
            onKeyDown={onHeaderKeyDown('journal')}
            error={say(errors.header.journal)}
            data={[
              { value: '', label: t('accounting.grid.chooseJournal') },
              ...journals.map((j) => ({ value: j.code, label: `${j.code} — ${j.label}` })),
            ]}
            data-testid="entry-journal"
          />
          <TextInput
            ref={register({ header: 'date' })}
            type="date"
            label={t('accounting.fields.date')}
            required
            value={header.date}
            onChange={(e) => updateHeader('date', e.currentTarget.value)}
            onKeyDown={onHeaderKeyDown('date')}
            error={say(errors.header.date)}
            data-testid="entry-date"
          />
          <TextInput
            ref={register({ header: 'label' })}
            label={t('accounting.fields.entryLabel')}
            required
            maxLength={200}
            autoComplete="off"
            value={header.label}
            onChange={(e) => updateHeader('label', e.currentTarget.value)}
            onKeyDown={onHeaderKeyDown('label')}
            error={say(errors.header.label)}
            data-testid="entry-label"
          />
          <TextInput
            ref={register({ header: 'voucherRef' })}
            label={t('accounting.fields.voucherRef')}
            maxLength={100}
            autoComplete="off"
            value={header.voucherRef}
            onChange={(e) => updateHeader('voucherRef', e.currentTarget.value)}
            onKeyDown={onHeaderKeyDown('voucherRef')}
            error={say(errors.header.voucherRef)}
            data-testid="entry-voucher"
          />
        </SimpleGrid>
      </Paper>

      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing={4} withTableBorder data-testid="entry-lines">
          <caption>
            <VisuallyHidden>{t('accounting.grid.caption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>{t('accounting.grid.lineNumber')}</Table.Th>
              <Table.Th w={190}>{t('accounting.fields.account')}</Table.Th>
              <Table.Th>{t('accounting.fields.lineLabel')}</Table.Th>
              <Table.Th w={150} ta="right">
                {t('accounting.fields.debit')}
              </Table.Th>
              <Table.Th w={150} ta="right">
                {t('accounting.fields.credit')}
              </Table.Th>
              <Table.Th w={44}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const n = index + 1;
              const lineErrors = errors.lines[line.key] ?? {};
              const resolved = resolveAccount(options, line.account);
              const nameId = `${line.key}-account-name`;
              const lineErrorId = `${line.key}-error`;
              return (
                <Table.Tr
                  key={line.key}
                  data-testid="entry-line"
                  bg={lineErrors.line ? 'var(--mantine-color-red-0)' : undefined}
                >
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {n}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <AccountInput
                      options={options}
                      value={line.account}
                      onChange={(text) => updateLine(index, { account: text })}
                      onPick={(_option, how) => {
                        if (how === 'enter') focusCell({ line: line.key, field: 'label' });
                      }}
                      onKeyDown={onLineKeyDown(index, 'account')}
                      onFocus={() => setCurrent(index)}
                      inputRef={register({ line: line.key, field: 'account' })}
                      label={t('accounting.grid.cell.account', { n })}
                      hideLabel
                      error={say(lineErrors.account)}
                      describedBy={
                        [resolved ? nameId : null, lineErrors.line ? lineErrorId : null]
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                      testId={`grid-account-${index}`}
                    />
                    {resolved ? (
                      <Text
                        size="xs"
                        c="dimmed"
                        id={nameId}
                        mt={2}
                        lineClamp={1}
                        data-testid={`grid-account-name-${index}`}
                      >
                        {resolved.label}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      ref={register({ line: line.key, field: 'label' })}
                      aria-label={t('accounting.grid.cell.label', { n })}
                      placeholder={header.label}
                      maxLength={200}
                      autoComplete="off"
                      value={line.label}
                      onChange={(e) => updateLine(index, { label: e.currentTarget.value })}
                      onKeyDown={onLineKeyDown(index, 'label')}
                      onFocus={() => setCurrent(index)}
                      error={say(lineErrors.label)}
                      data-testid={`grid-label-${index}`}
                    />
                    {lineErrors.line ? (
                      <Text
                        size="xs"
                        c="red.9"
                        mt={2}
                        id={lineErrorId}
                        data-testid={`grid-line-error-${index}`}
                      >
                        {say(lineErrors.line)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {(['debit', 'credit'] as const).map((side) => (
                    <Table.Td key={side}>
                      <TextInput
                        ref={register({ line: line.key, field: side })}
                        aria-label={t(
                          side === 'debit' ? 'accounting.grid.cell.debit' : 'accounting.grid.cell.credit',
                          { n },
                        )}
                        inputMode="decimal"
                        autoComplete="off"
                        value={line[side]}
                        onChange={(e) => updateLine(index, { [side]: e.currentTarget.value })}
                        onKeyDown={onLineKeyDown(index, side)}
                        onFocus={() => setCurrent(index)}
                        onBlur={() => {
                          const normal = normalizeAmount(line[side]);
                          if (normal !== line[side]) updateLine(index, { [side]: normal });
                        }}
                        error={say(lineErrors[side])}
                        styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                        data-testid={`grid-${side}-${index}`}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {isBlank(line) && index === lines.length - 1 ? null : (
                      <ActionIcon
                        variant="subtle"
                        color="gray.8"
                        tabIndex={-1}
                        onClick={() => removeLine(index)}
                        aria-label={t('accounting.grid.removeLine', { n })}
                        data-testid={`grid-remove-${index}`}
                      >
                        <span aria-hidden="true">×</span>
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3} ta="right" scope="row">
                {t('accounting.grid.totals')}
              </Table.Th>
              <Table.Td ta="right" fw={700} data-testid="grid-total-debit">
                {money(totals.debit)}
              </Table.Td>
              <Table.Td ta="right" fw={700} data-testid="grid-total-credit">
                {money(totals.credit)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>

      <Group justify="space-between" mt="sm" gap="sm" wrap="wrap" align="center">
        <Text
          fw={700}
          c={difference === 0 ? (started >= 2 ? 'teal.9' : undefined) : 'red.9'}
          aria-live="polite"
          data-testid="grid-difference"
        >
          {difference === 0
            ? started >= 2
              ? t('accounting.grid.balanced')
              : t('accounting.grid.differenceZero')
            : t('accounting.grid.difference', {
                amount: money(Math.abs(difference)),
                side: t(difference > 0 ? 'accounting.grid.moreDebit' : 'accounting.grid.moreCredit'),
              })}
        </Text>
        <Button
          variant="default"
          onClick={() =>
            balanceLine(lines[current] && !isBlank(lines[current]) ? current : lastStartedLine(lines))
          }
          disabled={difference === 0 || lastStartedLine(lines) < 0}
          data-testid="grid-balance"
        >
          {t('accounting.grid.balance')}
        </Button>
      </Group>

      <Text size="sm" c="dimmed" mt="sm" data-testid="grid-shortcuts">
        {t('accounting.grid.shortcutsTitle')} <Kbd>{t('accounting.grid.keys.enter')}</Kbd>{' '}
        {t('accounting.grid.shortcuts.next')} · <Kbd>=</Kbd> {t('accounting.grid.shortcuts.balance')} ·{' '}
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t('accounting.grid.shortcuts.rows')} ·{' '}
        <Kbd>{t('accounting.grid.keys.ctrl')}</Kbd>+<Kbd>{t('accounting.grid.keys.enter')}</Kbd>{' '}
        {t('accounting.grid.shortcuts.validate')} · <Kbd>{t('accounting.grid.keys.ctrl')}</Kbd>+
        <Kbd>{t('accounting.grid.keys.delete')}</Kbd> {t('accounting.grid.shortcuts.remove')}
      </Text>

      <Group justify="flex-end" mt="lg" gap="sm">
        {actions}
        <Button
          variant="default"
          onClick={() => void submit('draft')}
          loading={submitting === 'draft'}
          disabled={submitting !== null}
          data-testid="entry-save-draft"
        >
          {t('accounting.grid.saveDraft')}
        </Button>
        <Button
          ref={validateButton}
          type="submit"
          loading={submitting === 'validate'}
          disabled={submitting !== null}
          data-testid="entry-save-validate"
        >
          {t('accounting.grid.saveValidate')}
        </Button>
      </Group>
    </form>
  );
}
