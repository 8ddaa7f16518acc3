import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.ts';

describe('read cache', () => {
  const counted = () => {
    let builds = 0;
    return { build: async () => `page ${++builds}`, builds: () => builds };
  };

  it('keeps a page while the version holds and builds it again when the version moves', async () => {
    let version = 1;
    const cache = createReadCache({ readVersion: () => version });
    const page = counted();
    expect(await cache('/a', page.build)).toBe('page 1');
    expect(await cache('/a', page.build)).toBe('page 1');
    version = 2;
    expect(await cache('/a', page.build)).toBe('page 2');
    expect(page.builds()).toBe(2);
  });

  it('never serves a page built while a write committed (it keeps the older version)', async () => {
    let version = 1;
    const cache = createReadCache({ readVersion: () => version });
    const first = await cache('/a', async () => {
      version = 2; // a commit lands while the page is read
      return 'maybe stale';
    });
    expect(first).toBe('maybe stale');
    expect(await cache('/a', async () => 'fresh')).toBe('fresh');
  });

  it('keeps nothing without a version (PostgreSQL)', async () => {
    const cache = createReadCache({ readVersion: () => null });
    const page = counted();
    await cache('/a', page.build);
    await cache('/a', page.build);
    expect(page.builds()).toBe(2);
  });

  it('drops the least recently used beyond its entries and bytes', async () => {
    const cache = createReadCache({ readVersion: () => 1 }, { entries: 2, bytes: 12 });
    const page = counted();
    await cache('/a', page.build); // 6 bytes
    await cache('/b', page.build);
    await cache('/a', page.build); // /a used last: /b goes first
    await cache('/c', page.build);
    expect(page.builds()).toBe(3);
    expect(await cache('/a', page.build)).toBe('page 1');
    expect(await cache('/b', page.build)).toBe('page 4');
    expect(await cache('/big', async () => 'x'.repeat(13))).toBe('x'.repeat(13));
    expect(await cache('/big', async () => 'y')).toBe('y');
  });
});
