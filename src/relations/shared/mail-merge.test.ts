import { describe, expect, it } from 'vitest';
import { mergeTemplate, PARTY_FIELDS, unknownPlaceholders } from './mail-merge.ts';

describe('mail merge', () => {
  it('fills known placeholders, spaces allowed, and leaves unknown ones visible', () => {
    expect(mergeTemplate('Bonjour {{ nom }}, {{ville}} {{x}}', { nom: 'Dupont', ville: 'Lyon' })).toBe(
      'Bonjour Dupont, Lyon {{x}}',
    );
  });
  it('lists the unknown placeholders once', () => {
    expect(unknownPlaceholders('{{nom}} {{prénom}} {{age}} {{age}}', PARTY_FIELDS)).toEqual(['age']);
  });
});
