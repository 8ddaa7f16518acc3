import type { Db } from '../../../kernel/db/index.ts';
import { formatNumber, takeNextNumber } from '../../../kernel/numbering/numbering.ts';

// The reference of a note de service: « NS-2026-001 », one gap-free sequence per year of publication,
// taken in the publishing transaction (a rollback gives the number back).

export const noticeSequence = (publishOn: string) => `production.notice:${publishOn.slice(0, 4)}`;

export function noticeNumber(publishOn: string, value: number): string {
  return formatNumber('NS', publishOn.slice(0, 4), value, 3);
}

export async function takeNoticeNumber(trx: Db, orgId: string, publishOn: string): Promise<string> {
  return noticeNumber(publishOn, await takeNextNumber(trx, orgId, noticeSequence(publishOn)));
}
