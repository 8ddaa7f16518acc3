import { divideRounded } from '../../kernel/money/index.ts';

// The stock card valued at the CUMP after each entry (coût unitaire moyen pondéré après chaque entrée),
// pure. Quantities are thousandths of the unit, values and costs cents (decision 0042):
// - an entry adds q × unit cost (rounded half up to the cent) to the stock value; the CUMP becomes
//   stock value ÷ stock quantity, rounded half up to the cent, as the textbooks' fiches de stock print it;
// - an exit or an adjustment is valued at that CUMP (q × CUMP, half up) and leaves the CUMP unchanged; the
//   stock value is the previous one plus or minus the movement's value (carried, not q × CUMP: the
//   textbook's 320 × 12,44 = 3 980,80 stays 3 980,00); an exit that empties the stock takes the whole
//   remaining value, so no cent is left on an empty stock.

export type CardMovement = {
  kind: 'entry' | 'exit' | 'adjustment';
  /** Signed thousandths. */
  quantity: number;
  /** Entries: cents per unit. */
  unitCost: number | null;
};

export type CardState = { quantity: number; value: number; cump: number };

export type CardStep = CardState & {
  /** Signed value of the movement, cents. */
  movementValue: number;
  /** Cents per unit the movement was valued at. */
  movementUnitCost: number;
};

export const EMPTY_STOCK: CardState = { quantity: 0, value: 0, cump: 0 };

/** q (thousandths) × cost (cents per unit), in cents, half up (away from zero). */
export function quantityValue(quantity: number, unitCost: number): number {
  return Number(divideRounded(BigInt(quantity) * BigInt(unitCost), 1000n, 'halfUp'));
}

/** The state after one movement. */
export function applyMovement(state: CardState, movement: CardMovement): CardStep {
  const quantity = state.quantity + movement.quantity;
  if (movement.kind === 'entry') {
    const unitCost = movement.unitCost ?? 0;
    const movementValue = quantity === 0 ? -state.value : quantityValue(movement.quantity, unitCost);
    const value = state.value + movementValue;
    const cump =
      quantity === 0 ? state.cump : Number(divideRounded(BigInt(value) * 1000n, BigInt(quantity), 'halfUp'));
    return { quantity, value, cump, movementValue, movementUnitCost: unitCost };
  }
  const movementValue = quantity === 0 ? -state.value : quantityValue(movement.quantity, state.cump);
  return {
    quantity,
    value: state.value + movementValue,
    cump: state.cump,
    movementValue,
    movementUnitCost: state.cump,
  };
}

/** Every step of a stock card, movements in chronological order. */
export function stockCard(movements: readonly CardMovement[], opening: CardState = EMPTY_STOCK): CardStep[] {
  const steps: CardStep[] = [];
  let state = opening;
  for (const m of movements) {
    const step = applyMovement(state, m);
    steps.push(step);
    state = step;
  }
  return steps;
}
