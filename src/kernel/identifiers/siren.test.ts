import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSiren, isSiret, luhnValid, normalizeSiren, normalizeSiret, sirenOfSiret } from './siren.ts';

describe('SIREN', () => {
  it.each(['552100554', '732829320', '542107651', '356000000', '552 100 554', '\u00A0732\u202F829 320 '])(
    'accepte « %s »',
    (s) => {
      expect(isSiren(s)).toBe(true);
    },
  );

  it.each(['552100555', '732829321', '55210055', '5521005540', '55210055A', '', '552-100-554'])(
    'refuse « %s »',
    (s) => {
      expect(isSiren(s)).toBe(false);
    },
  );

  it('normalise', () => {
    expect(normalizeSiren(' 552 100\u202F554 ')).toBe('552100554');
  });

  it('repère tout chiffre changé', () => {
    fc.assert(
      fc.property(fc.nat(8), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const siren = '552100554';
        const changed =
          siren.slice(0, position) + ((Number(siren[position]) + delta) % 10) + siren.slice(position + 1);
        return !isSiren(changed);
      }),
    );
  });
});

describe('SIRET', () => {
  it.each(['73282932000074', '55210055400013', '732 829 320 00074', '35600000000048'])(
    'accepte « %s »',
    (s) => {
      expect(isSiret(s)).toBe(true);
    },
  );

  it.each(['73282932000075', '7328293200007', '732829320000740', '7328293200007A', ''])(
    'refuse « %s »',
    (s) => {
      expect(isSiret(s)).toBe(false);
    },
  );

  it('applique la règle de La Poste : somme des chiffres multiple de 5', () => {
    expect(isSiret('35600000000001')).toBe(true); // 3+5+6+1 = 15, Luhn would refuse it
    expect(luhnValid('35600000000001')).toBe(false);
    expect(isSiret('35600000049837')).toBe(true); // 3+5+6+4+9+8+3+7 = 45
    expect(isSiret('35600000000014')).toBe(false); // Luhn-valid but sum 19
    expect(luhnValid('35600000000014')).toBe(true);
    expect(isSiret('35600000000048')).toBe(true); // head office: Luhn, sum 26
  });

  it('donne le SIREN d’un SIRET', () => {
    expect(sirenOfSiret('732 829 320 00074')).toBe('732829320');
    expect(normalizeSiret('732 829 320 00074')).toBe('73282932000074');
  });
});

describe('luhnValid', () => {
  it('accepte les numéros de carte de test et refuse le reste', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a')).toBe(false);
  });
});
