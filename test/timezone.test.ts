import { expect, it } from 'vitest';
import { todayIn } from '../src/kernel/dates/index.ts';

// Proves each project really runs in the time zone it claims (UTC, or Europe/Paris for server-paris).
it('runs in the time zone set by its project', () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  expect(zone).toBe(process.env.TZ === 'Europe/Paris' ? 'Europe/Paris' : 'UTC');
  // 23:30 UTC on 27 November is already the 28th in Paris, whatever the process zone.
  expect(todayIn('Europe/Paris', new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
  expect(todayIn('UTC', new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-27');
});
