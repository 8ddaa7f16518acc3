import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { type ReferentielDto, type ReferentielSummaryDto, taskCode } from './contract.ts';
import { type ReferentielFile, referentielFile } from './file-schema.ts';

/** The shipped référentiels; AGORA_REFERENTIELS_DIR points elsewhere (another diploma, a test file). */
export const DEFAULT_REFERENTIEL = 'agora';
const shippedDir = fileURLToPath(new URL('../../../data/referentiels/', import.meta.url));

function referentielDir(): string {
  return process.env.AGORA_REFERENTIELS_DIR ?? shippedDir;
}

export function toReferentielDto(id: string, file: ReferentielFile): ReferentielDto {
  return {
    id,
    code: file.diploma.code,
    title: file.diploma.title,
    level: file.diploma.niveau ?? null,
    sources: file.diploma.sources,
    pfmpWeeks: file.pfmp?.semaines_referentiel ?? null,
    areas: file.poles.map((pole) => ({
      code: pole.code,
      title: pole.title,
      activities: pole.activities.map((activity) => ({
        code: activity.code,
        title: activity.title,
        tasks: activity.tasks.map((title, i) => ({ code: taskCode(activity.code, i), title })),
      })),
    })),
    blocks: file.blocs.map((bloc) => ({
      code: bloc.code,
      title: bloc.title,
      kind: bloc.kind,
      area: bloc.pole ?? null,
      unit: bloc.unit ?? null,
      competencies: bloc.competencies,
    })),
    examUnits: file.examen.epreuves.map((unit) => ({
      code: unit.code,
      title: unit.intitule,
      coefficient: unit.coefficient ?? null,
      unit: unit.unit ?? null,
      block: unit.bloc ?? null,
      parts: unit.sous_epreuves ?? [],
    })),
  };
}

const cache = new Map<string, ReferentielDto>();

/** Parses and checks a référentiel file; a malformed file fails loudly at start, naming the bad field. */
export function parseReferentiel(id: string, json: unknown): ReferentielDto {
  const parsed = referentielFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Référentiel « ${id} » invalide : ${issue.path.join('.')} — ${issue.message}`);
  }
  return toReferentielDto(id, parsed.data);
}

export function listReferentielIds(): string[] {
  return readdirSync(referentielDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function loadReferentiel(id: string): ReferentielDto {
  const dir = referentielDir();
  const key = `${dir}|${id}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (!/^[a-z0-9-]{1,40}$/.test(id) || !listReferentielIds().includes(id)) throw notFound('Référentiel');
  const referentiel = parseReferentiel(id, JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
  cache.set(key, referentiel);
  return referentiel;
}

export function listReferentiels(): ReferentielSummaryDto[] {
  return listReferentielIds().map((id) => {
    const { code, title } = loadReferentiel(id);
    return { id, code, title };
  });
}

/** Every task and competency code of a référentiel, and the activity codes: what declarations may name. */
export function referentielCodes(referentiel: ReferentielDto) {
  const activities = referentiel.areas.flatMap((a) => a.activities);
  return {
    activities: new Set(activities.map((a) => a.code)),
    tasks: new Set(activities.flatMap((a) => a.tasks.map((t) => t.code))),
  };
}
