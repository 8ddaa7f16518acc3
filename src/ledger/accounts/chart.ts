import { readFileSync } from 'node:fs';

/** One account of the reference chart (data/pcg.json, with its sources in data/SOURCES.md). */
export type ChartAccount = { number: string; label: string; uncertain: boolean };

type PcgFile = {
  accounts: { account: string; label: string; uncertain?: boolean }[];
  association_accounts: { account: string; label: string; uncertain?: boolean }[];
};

let cached: PcgFile | undefined;

function pcg(): PcgFile {
  cached ??= JSON.parse(readFileSync(new URL('../../../data/pcg.json', import.meta.url), 'utf8')) as PcgFile;
  return cached;
}

/**
 * The accounts an organisation starts with: the PCG selection, plus the accounts of the associations'
 * regulation (ANC 2018-06) for an association, whose labels then win where both define a number.
 */
export function referenceChart(
  kind: 'company' | 'association' | 'public_body' | 'health_social',
): ChartAccount[] {
  const file = pcg();
  const byNumber = new Map<string, ChartAccount>();
  const add = (list: PcgFile['accounts']) => {
    for (const a of list)
      byNumber.set(a.account, { number: a.account, label: a.label, uncertain: !!a.uncertain });
  };
  add(file.accounts);
  if (kind === 'association') add(file.association_accounts);
  return [...byNumber.values()].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}
