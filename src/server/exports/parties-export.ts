import ExcelJS from 'exceljs';
import type { PartyDto } from '../../kernel/parties/contract.ts';

const ROLE_FR: Record<string, string> = {
  customer: 'client',
  user: 'usager',
  member: 'adhérent',
  prospect: 'prospect',
  supplier: 'fournisseur',
  subcontractor: 'sous-traitant',
  provider: 'prestataire',
};

const COLUMNS: { header: string; value: (p: PartyDto) => string }[] = [
  { header: 'Nom', value: (p) => p.name },
  { header: 'Type', value: (p) => (p.kind === 'person' ? 'personne' : 'organisation') },
  { header: 'Rôles', value: (p) => p.roles.map((r) => ROLE_FR[r] ?? r).join(', ') },
  { header: 'SIREN', value: (p) => p.siren ?? '' },
  { header: 'SIRET', value: (p) => p.siret ?? '' },
  { header: 'N° TVA', value: (p) => p.vatNumber ?? '' },
  { header: 'E-mail', value: (p) => p.email ?? '' },
  { header: 'Téléphone', value: (p) => p.phone ?? '' },
  { header: 'Code postal', value: (p) => p.addresses[0]?.postalCode ?? '' },
  { header: 'Ville', value: (p) => p.addresses[0]?.city ?? '' },
  { header: 'IBAN', value: (p) => p.iban ?? '' },
  { header: 'Archivé le', value: (p) => p.archivedAt?.slice(0, 10) ?? '' },
];

// A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection): quote it.
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV as French spreadsheets open it: semicolons, CRLF, UTF-8 with a byte-order mark. */
export function partiesToCsv(parties: PartyDto[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(';')];
  for (const p of parties) lines.push(COLUMNS.map((c) => csvCell(c.value(p))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function partiesToXlsx(parties: PartyDto[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Agora';
  const sheet = workbook.addWorksheet('Tiers');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const p of parties) sheet.addRow(COLUMNS.map((c) => c.value(p)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
