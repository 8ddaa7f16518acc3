import { describe, expect, it } from 'vitest';
import { mergeParties } from './purchases-api.ts';

describe('bill issuers picker', () => {
  it('merges suppliers, providers and subcontractors, each once, by name', () => {
    const both = { id: 'b', name: 'Bâti Services' };
    expect(
      mergeParties([
        [{ id: 'z', name: 'Zinc Atelier' }, both],
        [both, { id: 'c', name: 'Conseil Net' }],
        [{ id: 'a', name: 'Alpes Sous-traitance' }],
      ]).map((p) => p.id),
    ).toEqual(['a', 'b', 'c', 'z']);
  });
});
