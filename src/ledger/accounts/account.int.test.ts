import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { organisationInput } from '../../kernel/organisations/contract.ts';
import { createOrganisation } from '../../kernel/organisations/organisation.ts';
import { ensureLedger } from '../ensure-ledger.ts';
import { listFiscalYears } from '../fiscal-years/fiscal-year.ts';
import { listJournals } from '../journals/journal.ts';
import { ledgerOrganisation, ledgerParty } from '../test-helpers.ts';
import {
  createAccount,
  ensureAuxiliaryAccount,
  findGeneralAccount,
  listAccounts,
  renameAccount,
} from './account.ts';

describe.each(DIALECTS)('chart of accounts on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('ensureLedger seeds the chart, the seven journals and the current fiscal year, once', async () => {
    const org = await store.db.transaction().execute((trx) =>
      createOrganisation(
        trx,
        organisationInput.parse({
          name: 'Asso',
          kind: 'association',
          vatRegime: 'not_liable',
          fiscalYearStart: '09-01',
        }),
        null,
      ),
    );
    const first = await store.db.transaction().execute((trx) => ensureLedger(trx, org.id));
    expect(first.accounts).toBeGreaterThan(300);
    expect(first.journals).toBe(7);
    expect(first.fiscalYearId).not.toBeNull();
    const again = await store.db.transaction().execute((trx) => ensureLedger(trx, org.id));
    expect(again).toEqual({ accounts: 0, journals: 0, fiscalYearId: null });
    expect((await listJournals(store.db, org.id)).map((j) => j.code)).toEqual([
      'AC',
      'AN',
      'BQ',
      'CA',
      'OD',
      'PA',
      'VE',
    ]);
    const [year] = await listFiscalYears(store.db, org.id);
    expect(year!.start_date.slice(5)).toBe('09-01');
    // An association gets the accounts of the ANC 2018-06 regulation as well.
    expect((await findGeneralAccount(store.db, org.id, '756'))?.label).toBe('Cotisations');
  });

  it('creates sub-accounts under an existing parent and refuses the rest', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const account = await store.db
      .transaction()
      .execute((trx) => createAccount(trx, orgId, { number: '60641', label: 'Fournitures de bureau' }, null));
    expect(account).toMatchObject({ number: '60641', class: 6, kind: 'general', postable: true });
    await expect(
      store.db
        .transaction()
        .execute((trx) => createAccount(trx, orgId, { number: '60641', label: 'Bis' }, null)),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      store.db
        .transaction()
        .execute((trx) => createAccount(trx, orgId, { number: '811', label: 'Hors plan' }, null)),
    ).rejects.toMatchObject({ kind: 'invalid' });
    const renamed = await store.db
      .transaction()
      .execute((trx) => renameAccount(trx, orgId, account.id, 'Papeterie', null));
    expect(renamed.label).toBe('Papeterie');
    expect((await listAccounts(store.db, orgId, { q: '6064' })).map((a) => a.number)).toEqual([
      '6064',
      '60641',
    ]);
  });

  it('gives each party one auxiliary account per collective account', async () => {
    const { orgId } = await ledgerOrganisation(store.db);
    const party = await ledgerParty(store.db, orgId, 'Papeterie Centrale', ['customer', 'supplier']);
    const c411 = (await findGeneralAccount(store.db, orgId, '411'))!;
    const c401 = (await findGeneralAccount(store.db, orgId, '401'))!;
    const customer = await store.db
      .transaction()
      .execute((trx) => ensureAuxiliaryAccount(trx, orgId, c411, party.id, null));
    const again = await store.db
      .transaction()
      .execute((trx) => ensureAuxiliaryAccount(trx, orgId, c411, party.id, null));
    const supplier = await store.db
      .transaction()
      .execute((trx) => ensureAuxiliaryAccount(trx, orgId, c401, party.id, null));
    expect(again.id).toBe(customer.id);
    expect([customer.number, supplier.number]).toEqual(['CPAPETERIEC', 'FPAPETERIEC']);
    const auxiliaries = await listAccounts(store.db, orgId, { kind: 'auxiliary' });
    expect(auxiliaries.map((a) => [a.collectiveNumber, a.number, a.partyId])).toEqual([
      ['411', 'CPAPETERIEC', party.id],
      ['401', 'FPAPETERIEC', party.id],
    ]);
  });
});
