import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInstant, nowInstant } from './instant.ts';

describe('instants', () => {
  it('nowInstant écrit un instant UTC en millisecondes', () => {
    const before = Date.now();
    const now = nowInstant();
    expect(isInstant(now)).toBe(true);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
  });

  it.each(['2026-11-27T09:30:00.000Z', '2028-02-29T23:59:59.999Z', '1970-01-01T00:00:00.000Z'])(
    'accepte %s',
    (s) => {
      expect(isInstant(s)).toBe(true);
    },
  );

  it.each([
    '2026-11-27',
    '2026-11-27T09:30:00Z',
    '2026-11-27T09:30:00.000+01:00',
    '2026-11-27T09:30:00.000',
    '2026-11-27 09:30:00.000Z',
    '2026-02-30T09:30:00.000Z',
    '2026-02-29T09:30:00.000Z',
    '2026-11-27T24:00:00.000Z',
    '2026-11-27T09:60:00.000Z',
    '2026-11-27T09:30:00.0000Z',
    '',
  ])('refuse « %s »', (s) => {
    expect(isInstant(s)).toBe(false);
  });

  it('refuse ce qui n’est pas une chaîne', () => {
    expect(isInstant(new Date())).toBe(false);
    expect(isInstant(0)).toBe(false);
  });

  it('accepte tout ce que toISOString écrit sur quatre chiffres d’année', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (d) => isInstant(d.toISOString()),
      ),
    );
  });
});
