import { describe, expect, it } from 'vitest';
import {
  dateToInput,
  formatNir,
  hundredthsToInput,
  parseDateFr,
  parseHundredths,
  toFormValues,
  validateEmployee,
} from './employee-form-model.ts';

const messages = { hours: 'heures', amount: 'montant', rate: 'taux', date: 'date', sex: 'sexe' };
const filled = {
  ...toFormValues(),
  lastName: 'Santoni',
  firstName: 'Marc',
  sex: 'M' as const,
  birthDate: '03/05/1987',
  jobTitle: 'Menuisier',
  monthlyGross: '2 300,00',
  hireDate: '2/2/2026',
};

describe('employee form model', () => {
  it('reads hours and rates typed in French', () => {
    expect(parseHundredths('35')).toBe(3500);
    expect(parseHundredths('24,5')).toBe(2450);
    expect(parseHundredths('7,50 %')).toBe(750);
    expect(parseHundredths('trente')).toBeNull();
    expect(hundredthsToInput(2450)).toBe('24,5');
    expect(hundredthsToInput(3500)).toBe('35');
    expect(hundredthsToInput(1775)).toBe('17,75');
  });

  it('reads dates typed day first', () => {
    expect(parseDateFr('03/05/1987')).toBe('1987-05-03');
    expect(parseDateFr('3.5.1987')).toBe('1987-05-03');
    expect(parseDateFr('1987-05-03')).toBe('1987-05-03');
    expect(parseDateFr('30/02/2026')).toBeNull();
    expect(parseDateFr('05/1987')).toBeNull();
    expect(dateToInput('1987-05-03')).toBe('03/05/1987');
    expect(formatNir('187052A00411266')).toBe('1 87 05 2A 004 112 66');
  });

  it('sends integers and checks the NIR key like the server', () => {
    const ok = validateEmployee({ ...filled, socialSecurityNumber: '1 87 05 2A 004 112 66' }, messages);
    expect(ok).toMatchObject({
      ok: true,
      input: {
        birthDate: '1987-05-03',
        hireDate: '2026-02-02',
        weeklyHours: 3500,
        monthlyGross: 230000,
        socialSecurityNumber: '187052A00411266',
      },
    });
    const bad = validateEmployee(
      {
        ...filled,
        socialSecurityNumber: '1 87 05 2A 004 112 65',
        weeklyHours: 'x',
        lastName: '',
        contractEnd: '31/02/2027',
      },
      messages,
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        contractEnd: 'date',
        weeklyHours: 'heures',
        lastName: 'Nom : champ obligatoire.',
        socialSecurityNumber:
          'Numéro de sécurité sociale invalide : 15 caractères dont la clé (ex. 2 84 05 75 123 456 72).',
      },
    });
  });
});
