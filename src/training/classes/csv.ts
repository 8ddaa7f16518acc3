/**
 * A small CSV reader for class lists exported from a spreadsheet or the school's software: `;` or `,`
 * separated (guessed from the header line), double-quoted fields with "" escapes, CRLF or LF, a UTF-8
 * BOM. Twenty lines do the job of the one file shape we read, so no parsing library is added (decision 0018).
 */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

export type StudentCsvRow = {
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  group: string;
};

const HEADERS: Record<string, keyof Omit<StudentCsvRow, 'line'>> = {
  prenom: 'firstName',
  'first name': 'firstName',
  firstname: 'firstName',
  nom: 'lastName',
  initiale: 'lastName',
  'last name': 'lastName',
  lastname: 'lastName',
  email: 'email',
  'e-mail': 'email',
  courriel: 'email',
  mail: 'email',
  groupe: 'group',
  group: 'group',
};

function headerKey(cell: string): string {
  return cell.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Reads a class list: a header line naming at least the first-name column, then one student a line. */
export function readStudentCsv(text: string): { rows: StudentCsvRow[]; missing: string | null } {
  const [header, ...lines] = parseCsv(text);
  if (!header) return { rows: [], missing: 'prénom' };
  const columns = header.map((cell) => HEADERS[headerKey(cell)]);
  if (!columns.includes('firstName')) return { rows: [], missing: 'prénom' };
  const rows = lines.map((cells, i) => {
    const row: StudentCsvRow = { line: i + 2, firstName: '', lastName: '', email: '', group: '' };
    columns.forEach((column, c) => {
      if (column) row[column] = (cells[c] ?? '').trim();
    });
    return row;
  });
  return { rows, missing: null };
}
