import { describe, expect, it } from 'vitest';
import { isBic, normalizeBic } from './bic.ts';

describe('BIC', () => {
  it.each(['BNPAFRPP', 'BNPAFRPPXXX', 'AGRIFRPP882', 'DEUTDEFF', 'bnpa frpp xxx', 'NWBKGB2L'])(
    'accepte « %s »',
    (s) => {
      expect(isBic(s)).toBe(true);
    },
  );

  it.each(['BNPAFRP', 'BNPAFRPPXX', 'BNPAFRPPXXXX', 'BNP1FRPP', 'BNPAF1PP', 'BNPA-FR-PP', ''])(
    'refuse « %s »',
    (s) => {
      expect(isBic(s)).toBe(false);
    },
  );

  it('normalise', () => {
    expect(normalizeBic(' bnpa frpp ')).toBe('BNPAFRPP');
  });
});
