import { describe, expect, it } from 'vitest';
import { type CardMovement, stockCard } from './cump.ts';

const entry = (units: number, euros: number): CardMovement => ({
  kind: 'entry',
  quantity: units * 1000,
  unitCost: Math.round(euros * 100),
});
const exit = (units: number): CardMovement => ({ kind: 'exit', quantity: -units * 1000, unitCost: null });

describe('stock card at the CUMP after each entry', () => {
  // Published worked example: « Évaluation du stock — exercice corrigé 1 », société Bêta, février
  // (coursecoenligne.blogspot.com/2015/12/evaluation-du-stock-exercice-corrige-1.html), « méthode CMUP
  // après chaque entrée »: stock 100 à 10 ; sortie 50 ; entrée 150 à 12 ; sortie 80 ; entrée 200 à 13.
  it('reproduces the Bêta fiche de stock line by line', () => {
    const steps = stockCard([entry(100, 10), exit(50), entry(150, 12), exit(80), entry(200, 13)]);
    expect(steps.map((s) => [s.quantity / 1000, s.movementValue, s.cump, s.value])).toEqual([
      [100, 100000, 1000, 100000], // 100 × 10 = 1 000
      [50, -50000, 1000, 50000], // sortie 50 × 10 = 500, stock 500
      [200, 180000, 1150, 230000], // entrée 1 800, stock 2 300, CUMP 11,50
      [120, -92000, 1150, 138000], // sortie 80 × 11,50 = 920, stock 1 380
      [320, 260000, 1244, 398000], // entrée 2 600, stock 3 980, CUMP 3 980 / 320 = 12,4375 → 12,44
    ]);
  });

  // Second published example: « Évaluation formative n° 4 — CUMP après chaque entrée », Les Jardins de Raja
  // (fr.scribd.com/document/511755665): stock initial 3 000 à 105, sortie 1 700, entrée 5 000 à 108.
  it('reproduces the Jardins de Raja CUMP of 107,38', () => {
    const steps = stockCard([entry(3000, 105), exit(1700), entry(5000, 108)]);
    expect(steps[1]).toMatchObject({ movementValue: -17850000, value: 13650000, quantity: 1300000 });
    expect(steps[2]).toMatchObject({ value: 67650000, quantity: 6300000, cump: 10738 });
  });

  it('leaves no cent on an empty stock and restarts at the next entry’s cost', () => {
    const steps = stockCard([entry(3, 1), entry(4, 2), exit(7), entry(2, 5)]);
    // 3 + 8 = 11,00 € for 7 units: CUMP 1,5714 → 1,57; the exit of all 7 takes 11,00, not 10,99.
    expect(steps[1]!.cump).toBe(157);
    expect(steps[2]).toMatchObject({ quantity: 0, value: 0, movementValue: -1100 });
    expect(steps[3]).toMatchObject({ quantity: 2000, value: 1000, cump: 500 });
  });

  it('values thousandths of a unit half up, and an adjustment at the CUMP', () => {
    const steps = stockCard([
      { kind: 'entry', quantity: 2500, unitCost: 333 }, // 2,5 × 3,33 = 8,325 → 8,33
      { kind: 'adjustment', quantity: -500, unitCost: null }, // 0,5 × 3,33 = 1,665 → 1,67
    ]);
    expect(steps[0]).toMatchObject({ movementValue: 833, cump: 333 });
    expect(steps[1]).toMatchObject({ movementValue: -167, value: 666, quantity: 2000 });
  });
});
