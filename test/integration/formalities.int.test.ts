import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import {
  completeFormality,
  createFormality,
  formalityCalendar,
  formalityInput,
  getFormality,
  listFormalities,
} from '../../src/production/index.ts';
import { buildOrganisation, buildParty } from '../support/factories.ts';
import { countRows } from '../support/schema.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// The formalities with the partners (2.1.t3): completing an occurrence, one-off formalities, the calendar,
// refused input leaving nothing written — on both databases.

const formality = (overrides: Record<string, unknown> = {}) =>
  formalityInput.parse({
    title: 'Déclaration mensuelle',
    partnerName: 'URSSAF',
    category: 'social',
    periodicity: 'monthly',
    dueOn: '2026-01-31',
    reminderDays: 10,
    ...overrides,
  });

describe.each(DIALECTS)('the formalities on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  let otherOrgId: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (await buildOrganisation(store.db, null, { name: 'Mairie de Saint-Aubin' })).id;
    otherOrgId = (await buildOrganisation(store.db, null, { name: 'Autre' })).id;
  });
  afterAll(async () => {
    await store?.drop();
  });
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);

  it('completes a monthly occurrence: history recorded, next due date moved to the month end', async () => {
    const f = await tx((trx) => createFormality(trx, orgId, formality(), '2026-01-25', null));
    expect(f).toMatchObject({ nextDueOn: '2026-01-31', status: 'due_soon', partner: 'URSSAF', inDays: 6 });
    const done = await tx((trx) =>
      completeFormality(
        trx,
        orgId,
        f.id,
        { doneOn: '2026-01-29', reference: 'DSN-0001', note: 'Déposée en ligne' },
        '2026-01-30',
        null,
      ),
    );
    expect(done).toMatchObject({ nextDueOn: '2026-02-28', status: 'upcoming' });
    expect(done.completions).toEqual([
      expect.objectContaining({ dueOn: '2026-01-31', doneOn: '2026-01-29', reference: 'DSN-0001' }),
    ]);
    const again = await tx((trx) =>
      completeFormality(
        trx,
        orgId,
        f.id,
        { doneOn: '2026-02-27', reference: null, note: null },
        '2026-03-01',
        null,
      ),
    );
    expect(again.nextDueOn).toBe('2026-03-31');
    expect((await getFormality(store.db, orgId, f.id, '2026-04-02')).status).toBe('overdue');
  });

  it('a one-off formality becomes done, and cannot be completed twice', async () => {
    const party = await buildParty(store.db, orgId, { name: 'Préfecture de l’Isère' });
    const f = await tx((trx) =>
      createFormality(
        trx,
        orgId,
        formality({
          title: 'Déclaration de modification des statuts',
          partyId: party.id,
          partnerName: null,
          category: 'legal',
          periodicity: 'one_off',
          dueOn: '2026-05-15',
        }),
        '2026-05-01',
        null,
      ),
    );
    expect(f.partner).toBe('Préfecture de l’Isère');
    const done = await tx((trx) =>
      completeFormality(
        trx,
        orgId,
        f.id,
        { doneOn: '2026-05-10', reference: 'W381000123', note: null },
        '2026-05-10',
        null,
      ),
    );
    expect(done).toMatchObject({ status: 'done', nextDueOn: null, inDays: null });
    await expect(
      tx((trx) =>
        completeFormality(
          trx,
          orgId,
          f.id,
          { doneOn: '2026-05-11', reference: null, note: null },
          '2026-05-11',
          null,
        ),
      ),
    ).rejects.toThrow(/déjà terminée/);
    const list = await listFormalities(store.db, orgId, { status: 'done' }, '2026-05-11');
    expect(list.map((i) => i.id)).toEqual([f.id]);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await countRows(store.db, 'production_formality', orgId);
    const completions = await countRows(store.db, 'production_formality_completion', orgId);
    await expect(
      tx((trx) => createFormality(trx, orgId, formality({ partnerName: null }), '2026-01-01', null)),
    ).rejects.toThrow(/Partenaire/);
    const foreign = await buildParty(store.db, otherOrgId, { name: 'Tiers d’ailleurs' });
    await expect(
      tx((trx) => createFormality(trx, orgId, formality({ partyId: foreign.id }), '2026-01-01', null)),
    ).rejects.toThrow(/introuvable/);
    const f = (await listFormalities(store.db, orgId, {}, '2026-01-01')).find((i) => i.status !== 'done')!;
    await expect(
      tx((trx) =>
        completeFormality(
          trx,
          orgId,
          f.id,
          { doneOn: '2027-01-01', reference: null, note: null },
          '2026-06-01',
          null,
        ),
      ),
    ).rejects.toThrow(/pas après aujourd’hui/);
    await expect(
      tx((trx) =>
        completeFormality(
          trx,
          otherOrgId,
          f.id,
          { doneOn: '2026-01-01', reference: null, note: null },
          '2026-06-01',
          null,
        ),
      ),
    ).rejects.toThrow(/Formalité introuvable/);
    expect(() =>
      formalityInput.parse({ title: '', category: 'x', periodicity: 'weekly', dueOn: '2026-02-30' }),
    ).toThrow(/Intitulé : champ obligatoire/);
    expect(await countRows(store.db, 'production_formality', orgId)).toBe(before);
    expect(await countRows(store.db, 'production_formality_completion', orgId)).toBe(completions);
    expect(await verifyAuditChain(store.db, orgId)).toMatchObject({ ok: true });
  });

  it('lays out the calendar of the next days, overdue first, recurring ones repeated', async () => {
    const cal = await formalityCalendar(store.db, orgId, '2026-04-02', 60);
    expect(cal.to).toBe('2026-06-01');
    const monthly = cal.items.filter((i) => i.title === 'Déclaration mensuelle');
    expect(monthly.map((i) => [i.date, i.status])).toEqual([
      ['2026-03-31', 'overdue'],
      ['2026-04-30', 'upcoming'],
      ['2026-05-31', 'upcoming'],
    ]);
    expect(cal.items.some((i) => i.title === 'Déclaration de modification des statuts')).toBe(false);
  });
});
