import { describe, expect, it } from 'vitest';
import { ROLE_LABELS_FR, ROLES } from '../../../src/kernel/roles/permissions.ts';
import en from './en.json';
import fr from './fr.json';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('has every French key in English, and nothing else', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('has no empty text', () => {
    const empty = (node: unknown): boolean =>
      typeof node === 'string' ? node.trim() === '' : Object.values(node as object).some(empty);
    expect(empty(fr)).toBe(false);
    expect(empty(en)).toBe(false);
  });

  it('names the roles as the kernel does', () => {
    for (const role of ROLES) expect(fr.userRoles[role]).toBe(ROLE_LABELS_FR[role]);
  });
});
