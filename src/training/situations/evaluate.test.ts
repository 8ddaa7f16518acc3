import { describe, expect, it } from 'vitest';
import { evaluateRows } from './evaluate.ts';

const reminder = (level: number, party: string, channel: string, sentAt: string | null) => ({
  ref: `relance de niveau ${level} à ${party}`,
  values: {
    party,
    level,
    channel,
    sentAt,
    date: '2026-12-03',
    emailTo: null,
    total: 1000,
    invoices: ['FA-1'],
  },
});

describe('check evaluation', () => {
  const check = {
    entity: 'reminder',
    conditions: [
      { field: 'party', operator: 'eq' as const, value: 'Épicerie Dupré' },
      { field: 'level', operator: 'eq' as const, value: 2 },
      { field: 'channel', operator: 'eq' as const, value: 'email' },
      { field: 'sentAt', operator: 'filled' as const, value: null },
    ],
    countMode: 'at_least' as const,
    expectedCount: 1,
  };

  it('passes when a row fits, ignoring case and accents in text', () => {
    const result = evaluateRows(check, [reminder(2, 'EPICERIE DUPRE', 'email', '2026-12-03')]);
    expect(result).toEqual({
      passed: true,
      explanation: 'Réussi : 1 relance conforme (relance de niveau 2 à EPICERIE DUPRE).',
    });
  });

  it('names the closest row and what it misses', () => {
    const result = evaluateRows(check, [
      reminder(1, 'Autre', 'letter', null),
      reminder(1, 'Épicerie Dupré', 'email', null),
    ]);
    expect(result.passed).toBe(false);
    expect(result.explanation).toBe(
      'Aucune relance ne remplit toutes les conditions (tiers (nom) = « Épicerie Dupré », niveau = 2, canal = e-mail, date d’envoi par e-mail renseigné) ; la plus proche : relance de niveau 1 à Épicerie Dupré, niveau 1 au lieu de 2, date d’envoi par e-mail non renseigné.',
    );
  });

  it('counts exactly, lists and empty sandboxes', () => {
    const exactlyZero = { ...check, countMode: 'exactly' as const, expectedCount: 0 };
    expect(evaluateRows(exactlyZero, []).passed).toBe(true);
    expect(
      evaluateRows(exactlyZero, [reminder(2, 'Épicerie Dupré', 'email', '2026-12-03')]).explanation,
    ).toMatch(/^1 relance remplit les conditions .* au lieu de 0 exactement/);
    expect(evaluateRows(check, []).explanation).toMatch(/^Aucune relance dans le bac à sable/);
    const lettered = {
      entity: 'receipt',
      conditions: [{ field: 'invoices', operator: 'eq' as const, value: 'fa-2026-0012' }],
      countMode: 'at_least' as const,
      expectedCount: 1,
    };
    const row = (invoices: string[]) => ({ ref: 'EN-1', values: { invoices } });
    expect(evaluateRows(lettered, [row(['FA-2026-0011', 'FA-2026-0012'])]).passed).toBe(true);
    expect(evaluateRows(lettered, [row([])]).explanation).toContain(
      'lettré avec la facture (numéro) aucun au lieu de « fa-2026-0012 »',
    );
  });
});
