import { describe, expect, it } from 'vitest';
import {
  acceptsParty,
  accountClass,
  auxiliaryNumberFor,
  isFecAccountNumber,
  isGeneralNumber,
  parentNumber,
} from './account-number.ts';

describe('account numbers', () => {
  it('accepts PCG numbers and refuses the rest', () => {
    expect(isGeneralNumber('411')).toBe(true);
    expect(isGeneralNumber('41100001')).toBe(true);
    expect(isGeneralNumber('0411')).toBe(false);
    expect(isGeneralNumber('4')).toBe(false);
    expect(isGeneralNumber('411A')).toBe(false);
  });

  it('accepts what a FEC carries: three digits, then letters or digits', () => {
    expect(isFecAccountNumber('411DUPONT')).toBe(true);
    expect(isFecAccountNumber('41A')).toBe(false);
  });

  it('finds the class and the closest parent', () => {
    expect(accountClass('6064')).toBe(6);
    expect(parentNumber('60641', ['60', '606', '6064', '607'])).toBe('6064');
    expect(parentNumber('811', ['60', '606'])).toBeNull();
  });

  it('lets only third-party accounts carry a party', () => {
    expect(acceptsParty('411')).toBe(true);
    expect(acceptsParty('41')).toBe(false);
    expect(acceptsParty('706')).toBe(false);
  });

  it('makes readable, unique auxiliary codes', () => {
    expect(auxiliaryNumberFor('411', 'Boulangerie Martin', new Set())).toBe('CBOULANGERI');
    expect(auxiliaryNumberFor('401', 'Élodie Durand', new Set())).toBe('FELODIEDURA');
    expect(auxiliaryNumberFor('411', 'Élodie Durand', new Set(['CELODIEDURA']))).toBe('CELODIEDURA2');
    expect(auxiliaryNumberFor('421', '—', new Set())).toBe('TTIERS');
  });
});
