/**
 * Canonical form of a typed identifier: no whitespace of any kind (users paste "FR76 3000 …" with
 * ordinary, no-break or narrow no-break spaces) and upper case.
 */
export function normalizeIdentifier(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}
