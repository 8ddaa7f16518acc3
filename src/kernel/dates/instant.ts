/**
 * A moment in time, always the UTC ISO-8601 form with milliseconds that Date#toISOString writes
 * ('2026-11-27T09:30:00.000Z'): one spelling per instant, so instants compare and sort as text.
 */
export type Instant = string;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function nowInstant(): Instant {
  return new Date().toISOString();
}

export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const time = Date.parse(value);
  // The round trip rejects what Date would silently roll over or accept (2026-02-30, 24:00:00.000).
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}
