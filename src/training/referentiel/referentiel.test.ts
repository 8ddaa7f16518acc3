import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listReferentiels, loadReferentiel, parseReferentiel } from './referentiel.ts';

const shipped = JSON.parse(
  readFileSync(new URL('../../../data/referentiels/agora.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('référentiel as data', () => {
  afterEach(() => {
    delete process.env.AGORA_REFERENTIELS_DIR;
  });

  it('loads the AGOrA référentiel: 3 pôles, 9 activities, 33 tasks, blocs with indicators, exam units', () => {
    const r = loadReferentiel('agora');
    expect(r.code).toBe('AGOrA');
    expect(r.areas).toHaveLength(3);
    expect(r.areas.flatMap((a) => a.activities)).toHaveLength(9);
    expect(r.areas.flatMap((a) => a.activities.flatMap((x) => x.tasks))).toHaveLength(33);
    const b1 = r.blocks.find((b) => b.code === 'B1')!;
    expect(b1).toMatchObject({ area: '1', unit: 'U31' });
    expect(b1.competencies[0]!.indicators.length).toBeGreaterThan(0);
    expect(r.examUnits.map((u) => u.code)).toContain('E2');
  });

  it('takes another diploma of the same shape without code change, by id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'referentiels-'));
    const other = {
      ...shipped,
      diploma: { code: 'AUTRE', title: 'Bac pro d’une autre spécialité de la famille', sources: [] },
      poles: [
        {
          code: '1',
          title: 'Pôle unique',
          activities: [{ code: '1.1', title: 'Activité', tasks: ['Tâche'] }],
        },
      ],
    };
    writeFileSync(join(dir, 'autre.json'), JSON.stringify(other));
    writeFileSync(join(dir, 'agora.json'), JSON.stringify(shipped));
    process.env.AGORA_REFERENTIELS_DIR = dir;
    expect(listReferentiels().map((r) => r.id)).toEqual(['agora', 'autre']);
    expect(loadReferentiel('autre').areas[0]!.activities[0]!.tasks).toEqual([
      { code: '1.1.t1', title: 'Tâche' },
    ]);
  });

  it('refuses a malformed file, naming the field', () => {
    expect(() =>
      parseReferentiel('bad', { ...shipped, poles: [{ code: '1', title: 'x', activities: [] }] }),
    ).toThrow(/poles\.0\.activities/);
  });

  it('answers not found for an unknown or odd id', () => {
    expect(() => loadReferentiel('inconnu')).toThrow('Référentiel introuvable.');
    expect(() => loadReferentiel('../etc/passwd')).toThrow('Référentiel introuvable.');
  });
});
