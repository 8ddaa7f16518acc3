import { describe, expect, it } from 'vitest';
import {
  isEmail,
  isPhone,
  isPostalCode,
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
} from './contact.ts';

describe('adresse électronique', () => {
  it.each([
    'contact@exemple.fr',
    'Jean.Dupont+factures@Exemple.FR',
    'a@b.co',
    'prénom.nom@société.fr',
    'x@sous.domaine.exemple.com',
    "o'brien@example.ie",
    'user@xn--socit-esab.fr',
    '  contact@exemple.fr ',
  ])('accepte « %s »', (s) => {
    expect(isEmail(s)).toBe(true);
  });

  it.each([
    '',
    'contact',
    'contact@',
    '@exemple.fr',
    'contact@exemple',
    'contact@exemple.f',
    'contact@@exemple.fr',
    'con tact@exemple.fr',
    '.contact@exemple.fr',
    'contact.@exemple.fr',
    'con..tact@exemple.fr',
    'contact@-exemple.fr',
    'contact@exemple-.fr',
    'contact@exemple..fr',
    'contact@exemple.123',
    `${'a'.repeat(65)}@exemple.fr`,
    `a@${'b'.repeat(250)}.fr`,
  ])('refuse « %s »', (s) => {
    expect(isEmail(s)).toBe(false);
  });

  it('normalise le domaine seulement', () => {
    expect(normalizeEmail('  Jean.Dupont@Exemple.FR ')).toBe('Jean.Dupont@exemple.fr');
    expect(normalizeEmail('sans-arobase')).toBe('sans-arobase');
  });
});

describe('code postal', () => {
  it.each(['75001', '97400', '20000', '75 001', ' 01000 '])('accepte « %s »', (s) => {
    expect(isPostalCode(s)).toBe(true);
  });

  it.each(['7500', '750011', '75O01', '', 'F-75001'])('refuse « %s »', (s) => {
    expect(isPostalCode(s)).toBe(false);
  });

  it('normalise', () => {
    expect(normalizePostalCode(' 75 001 ')).toBe('75001');
  });
});

describe('téléphone', () => {
  it.each([
    '01 23 45 67 89',
    '01.23.45.67.89',
    '0123456789',
    '+33 1 23 45 67 89',
    '+1-202-555-0173',
    '123456',
    ' 06 12 34 56 78 ',
  ])('accepte « %s »', (s) => {
    expect(isPhone(s)).toBe(true);
  });

  it.each(['12345', '1'.repeat(21), '01 23 45 67 8A', '33+1234567', '(01) 23 45 67 89', '', '+', '...'])(
    'refuse « %s »',
    (s) => {
      expect(isPhone(s)).toBe(false);
    },
  );

  it('normalise en gardant le + initial', () => {
    expect(normalizePhone(' +33 1.23-45 67 89 ')).toBe('+33123456789');
    expect(normalizePhone('01 23 45 67 89')).toBe('0123456789');
  });
});
