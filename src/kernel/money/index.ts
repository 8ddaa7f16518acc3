export { allocate } from './allocate.ts';
export {
  addCents,
  assertCents,
  type Cents,
  centsToScaled,
  formatAmount,
  formatFec,
  formatPlain,
  isAmount,
  isCents,
  multiplyCents,
  parseAmount,
  percentOf,
  scaledToCents,
} from './cents.ts';
export {
  compareScaled,
  formatDecimal,
  isDecimal,
  multiplyScaled,
  normalizeScaled,
  parseDecimal,
  rescale,
  type Scaled,
  scaled,
} from './decimal.ts';
export { divideRounded, ROUNDING_MODES, type RoundingMode } from './rounding.ts';
