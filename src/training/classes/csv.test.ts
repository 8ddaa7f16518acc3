import { describe, expect, it } from 'vitest';
import { parseCsv, readStudentCsv } from './csv.ts';

describe('class list CSV', () => {
  it('reads semicolons, quotes, escaped quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa;b\r\n"x;1";"say ""hi"""\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x;1', 'say "hi"'],
    ]);
  });

  it('guesses the comma when the header has no semicolon', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('maps French and English headers, in any order, with accents', () => {
    const { rows, missing } = readStudentCsv('Nom;Prénom;Courriel\nDupont;Léa;lea@example.org\nMartin;Hugo;');
    expect(missing).toBeNull();
    expect(rows).toEqual([
      { line: 2, firstName: 'Léa', lastName: 'Dupont', email: 'lea@example.org', group: '' },
      { line: 3, firstName: 'Hugo', lastName: 'Martin', email: '', group: '' },
    ]);
  });

  it('says which column is missing', () => {
    expect(readStudentCsv('nom;email\nDupont;x@y.fr').missing).toBe('prénom');
  });
});
