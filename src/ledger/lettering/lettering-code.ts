import type { Amounts } from '../entries/entry-rules.ts';
import { entryTotals } from '../entries/entry-rules.ts';

/** 1 → 'A', 26 → 'Z', 27 → 'AA', 703 → 'AAA': the lettering codes of French software, in sequence. */
export function letteringCode(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`Rang de lettrage invalide : ${sequence}`);
  let n = sequence;
  let code = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    code = String.fromCharCode(65 + rest) + code;
    n = (n - 1 - rest) / 26;
  }
  return code;
}

export type LetteringVerdict =
  | { kind: 'complete' }
  | { kind: 'partial'; gap: number }
  | { kind: 'refused'; reason: string };

/**
 * Whether a set of lines of one account may be lettered: balanced lines make a complete lettering;
 * unbalanced ones only a partial lettering, when asked for and with both sides present (an invoice and
 * a payment on account). A complete lettering is always balanced.
 */
export function judgeLettering(lines: readonly Amounts[], partialAllowed: boolean): LetteringVerdict {
  if (lines.length < 2) return { kind: 'refused', reason: 'Un lettrage porte sur au moins deux lignes.' };
  const { debit, credit } = entryTotals(lines);
  if (debit === credit) return { kind: 'complete' };
  const bothSides = lines.some((l) => l.debit > 0) && lines.some((l) => l.credit > 0);
  if (!partialAllowed)
    return {
      kind: 'refused',
      reason: 'Les lignes ne s’équilibrent pas : choisissez un lettrage partiel ou complétez la sélection.',
    };
  if (!bothSides)
    return { kind: 'refused', reason: 'Un lettrage partiel rapproche des débits et des crédits.' };
  return { kind: 'partial', gap: debit - credit };
}

/** Normalises a voucher reference for matching: 'fa 2026-001' and 'FA2026001' are the same document. */
export function referenceKey(reference: string | null): string | null {
  if (!reference) return null;
  const key = reference.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return key === '' ? null : key;
}

export type Candidate = Amounts & { id: string; reference: string | null; date: string };

/**
 * Automatic lettering of one auxiliary (or general) account's open lines: first the lines sharing a
 * reference whose debits and credits balance, then a debit and a credit of the same amount, oldest first.
 * Returns sets of line ids; every set balances.
 */
export function proposeLetterings(lines: readonly Candidate[]): string[][] {
  const sorted = [...lines].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1,
  );
  const used = new Set<string>();
  const sets: string[][] = [];
  const byReference = new Map<string, Candidate[]>();
  for (const line of sorted) {
    const key = referenceKey(line.reference);
    if (key) byReference.set(key, [...(byReference.get(key) ?? []), line]);
  }
  for (const group of byReference.values()) {
    if (group.length >= 2 && judgeLettering(group, false).kind === 'complete') {
      sets.push(group.map((l) => l.id));
      for (const l of group) used.add(l.id);
    }
  }
  const credits = sorted.filter((l) => l.credit > 0 && !used.has(l.id));
  for (const debit of sorted) {
    if (debit.debit === 0 || used.has(debit.id)) continue;
    const match = credits.find((c) => !used.has(c.id) && c.credit === debit.debit);
    if (match) {
      sets.push([debit.id, match.id]);
      used.add(debit.id);
      used.add(match.id);
    }
  }
  return sets;
}
