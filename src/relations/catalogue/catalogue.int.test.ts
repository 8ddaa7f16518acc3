import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { invoiceSettingsInput } from '../invoice-settings/contract.ts';
import { getInvoiceSettings, saveInvoiceSettings } from '../invoice-settings/invoice-settings.ts';
import { catalogueItem, salesOrganisation } from '../test-helpers.ts';
import { listCatalogueItems, setCatalogueItemArchived, updateCatalogueItem } from './catalogue.ts';
import { catalogueItemInput } from './contract.ts';

describe.each(DIALECTS)('catalogue and invoicing settings on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('keeps prices and rates exact, codes unique, and lists with search and archive filters', async () => {
    const org = await salesOrganisation(store.db);
    const item = await catalogueItem(store.db, org.id, {
      code: 'PAP-A4',
      label: 'Ramette A4',
      kind: 'goods',
      unitPrice: '0,0450',
      vatRate: '5,5',
    });
    expect(item).toMatchObject({ unitPrice: '0.0450', vatRate: '5.50', revenueAccount: '707' });
    await expect(catalogueItem(store.db, org.id, { code: 'PAP-A4' })).rejects.toMatchObject({
      kind: 'conflict',
    });
    await catalogueItem(store.db, org.id, { code: 'CONS', label: 'Conseil' });
    const updated = await store.db.transaction().execute((trx) =>
      updateCatalogueItem(
        trx,
        org.id,
        item.id,
        catalogueItemInput.parse({
          code: 'PAP-A4',
          label: 'Ramette A4 80 g',
          kind: 'goods',
          unitPrice: 4.95,
          vatRate: 20,
        }),
        null,
      ),
    );
    expect(updated).toMatchObject({ unitPrice: '4.9500', vatRate: '20.00' });
    await store.db.transaction().execute((trx) => setCatalogueItemArchived(trx, org.id, item.id, true, null));
    const query = { archived: 'exclude' as const, limit: 10, offset: 0 };
    expect((await listCatalogueItems(store.db, org.id, query)).items.map((i) => i.code)).toEqual(['CONS']);
    expect(
      (await listCatalogueItems(store.db, org.id, { ...query, archived: 'include', q: 'ramette' })).total,
    ).toBe(1);
    expect(() =>
      catalogueItemInput.parse({ code: 'X', label: 'x', kind: 'goods', unitPrice: '1', vatRate: '19.6' }),
    ).toThrow(/Taux de TVA inconnu/);
    expect(() =>
      catalogueItemInput.parse({ code: 'X', label: 'x', kind: 'goods', unitPrice: '1,23456', vatRate: '20' }),
    ).toThrow(/4 décimales/);
  });

  it('falls back to the legal defaults until the organisation saves its settings', async () => {
    const org = await salesOrganisation(store.db);
    expect(await getInvoiceSettings(store.db, org.id)).toMatchObject({
      paymentTermsDays: 30,
      latePenaltyRate: null,
      vatOnDebits: false,
    });
    const saved = await store.db.transaction().execute((trx) =>
      saveInvoiceSettings(
        trx,
        org.id,
        invoiceSettingsInput.parse({
          paymentTermsDays: 45,
          latePenaltyRate: '12,15',
          vatOnDebits: true,
          iban: 'FR76 3000 6000 0112 3456 7890 189',
        }),
        null,
      ),
    );
    expect(saved).toMatchObject({
      paymentTermsDays: 45,
      latePenaltyRate: '12.15',
      vatOnDebits: true,
      iban: 'FR7630006000011234567890189',
    });
    expect(() => invoiceSettingsInput.parse({ paymentTermsDays: 90 })).toThrow(/60 jours/);
  });
});
