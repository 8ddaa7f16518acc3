import { describe, expect, it } from 'vitest';
import { employeeInput } from './contract.ts';
import { isValidNir, nirKey, nirMismatch, normaliseNir } from './nir.ts';

// The INSEE rule: the key is 97 minus the remainder of the 13-digit number divided by 97; for Corsica the
// department 2A is read 19 and 2B is read 18 (the number less 1 000 000 or 2 000 000 once 2A/2B are read
// as 20). Sources: INSEE, « Le numéro d'inscription au répertoire (NIR) »; the rule and the Corsica
// substitution are also set out on comptavoo.com (« Vérifier et décomposer un numéro de sécurité sociale »).
// The published worked example: 2 06 12 75 111 005 (a woman born in December 1906 in Paris 11e) has
// the key 64 (lbcd78.fr, « Calcul de la clé du n° de sécurité sociale », 2007).

describe('NIR key', () => {
  it('finds the key of the published example', () => {
    expect(nirKey('2061275111005')).toBe(64);
    expect(isValidNir('206127511100564')).toBe(true);
    expect(isValidNir('206127511100563')).toBe(false);
  });

  it('reads Corsica 2A as 19 and 2B as 18', () => {
    // 1 87 05 2A 004 112: 1870519004112 mod 97 = 31, key 97 − 31 = 66 (read as …20…, less 1 000 000).
    expect(nirKey('187052A004112')).toBe(66);
    expect(nirKey('187052A004112')).toBe(97 - Number((1870520004112n - 1_000_000n) % 97n));
    expect(isValidNir('187052A00411266')).toBe(true);
    // 2 99 08 2B 033 025: 2990818033025 mod 97 = 19, key 78.
    expect(nirKey('299082B033025')).toBe(78);
    expect(isValidNir(normaliseNir('2 99 08 2b 033 025 78'))).toBe(true);
    // The same digits read as a mainland department 20 would give another key: 2A is not 20.
    expect(isValidNir('187052000411266')).toBe(false);
  });

  it('gives a valid example in its refusal message', () => {
    expect(isValidNir(normaliseNir('2 84 05 75 123 456 72'))).toBe(true);
  });

  it('refuses wrong shapes', () => {
    expect(isValidNir('29004751123450')).toBe(false); // 14 characters
    expect(isValidNir('590047511234509')).toBe(false); // no sex 5
    expect(isValidNir('290137511234509')).toBe(false); // month 13
    expect(isValidNir('29004ZZ11234509')).toBe(false);
  });

  it('tells when the number does not fit the person', () => {
    expect(nirMismatch('290047511234509', 'F', '1990-04-12')).toBeNull();
    expect(nirMismatch('290047511234509', 'M', '1990-04-12')).toContain('ne correspond pas au sexe');
    expect(nirMismatch('290047511234509', 'F', '1991-04-12')).toContain('naissance en 90');
    expect(nirMismatch('290047511234509', 'F', '1990-05-12')).toContain('au mois 04');
  });

  it('gives French messages in the contract', () => {
    const base = {
      lastName: 'Santoni',
      firstName: 'Marc',
      sex: 'M',
      birthDate: '1987-05-03',
      nationality: 'Française',
      jobTitle: 'Technicien',
      category: 'employee',
      contractType: 'cdi',
      weeklyHours: 3500,
      monthlyGross: 230000,
      hireDate: '2026-02-02',
    };
    expect(employeeInput.parse({ ...base, socialSecurityNumber: '1 87 05 2A 004 112 66' })).toMatchObject({
      socialSecurityNumber: '187052A00411266',
    });
    const wrongKey = employeeInput.safeParse({ ...base, socialSecurityNumber: '1 87 05 2A 004 112 65' });
    expect(wrongKey.error?.issues).toEqual([
      expect.objectContaining({
        path: ['socialSecurityNumber'],
        message:
          'Numéro de sécurité sociale invalide : 15 caractères dont la clé (ex. 2 84 05 75 123 456 72).',
      }),
    ]);
    const intern = employeeInput.safeParse({
      ...base,
      contractType: 'internship',
      contractEnd: '2026-03-31',
    });
    expect(intern.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['tutorName', 'Un stagiaire a un tuteur : indiquez ses nom et prénoms (registre du personnel).'],
    ]);
  });
});
