import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { DomainError } from '../../src/kernel/errors/domain-error.ts';
import { getEntry, renderReport } from '../../src/ledger/index.ts';
import {
  correctMovement,
  countLinesInput,
  createStockItem,
  deliveriesToIssue,
  enterCountedQuantities,
  getStockCard,
  issueDeliveries,
  movementInput,
  openStockCount,
  postStockVariation,
  recordMovement,
  reorderProposal,
  stockCardTable,
  stockItemInput,
  stockStatus,
  validateStockCount,
  variationInput,
} from '../../src/production/index.ts';
import { acceptedOrder, deliver } from '../../src/relations/sales/sales-test-helpers.ts';
import { catalogueItem, salesCustomer, salesOrganisation } from '../../src/relations/test-helpers.ts';
import { buildParty } from '../support/factories.ts';
import { countRows } from '../support/schema.ts';
import { createTestStore, DIALECTS, type TestStore } from '../support/test-db.ts';

// The goods item runs the published worked example of cump.test.ts (société Bêta, février: stock 100 à
// 10,00 ; sortie 50 ; entrée 150 à 12,00 ; sortie 80 ; entrée 200 à 13,00 → 320 à 12,44, 3 980,00 €),
// then a count finds 318 (−2 × 12,44 = −24,88 → 3 955,12 €), 98 go out in April (1 219,12 → 220 units,
// 2 736,00 €), and a delivery note of area 1 takes 20 (248,80 → 200 units, 2 487,20 €).

describe.each(DIALECTS)('stock on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  let supplierId: string;
  let goodsId: string;
  let paperId: string;
  let catalogueId: string;
  const tx = <T>(fn: (trx: Db) => Promise<T>) => store.db.transaction().execute(fn);
  const move = (itemId: string, input: Record<string, unknown>) =>
    tx((trx) => recordMovement(trx, orgId, itemId, movementInput.parse(input), null));
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (await salesOrganisation(store.db)).id;
    supplierId = (await buildParty(store.db, orgId, { name: 'Papeteries Rhône', roles: ['supplier'] })).id;
    catalogueId = (
      await catalogueItem(store.db, orgId, { kind: 'goods', label: 'Lampe', unit: 'C62', unitPrice: '40' })
    ).id;
    goodsId = (
      await tx((trx) =>
        createStockItem(
          trx,
          orgId,
          stockItemInput.parse({
            code: 'LAMPE',
            label: 'Lampe de bureau',
            category: 'goods',
            catalogueItemId: catalogueId,
            unit: 'unité',
            reorderPoint: 30,
            reorderQuantity: 100,
            supplierId,
          }),
          null,
        ),
      )
    ).id;
    paperId = (
      await tx((trx) =>
        createStockItem(
          trx,
          orgId,
          stockItemInput.parse({
            code: 'PAPIER-A4',
            label: 'Ramette papier A4',
            category: 'supplies',
            unit: 'ramette',
            reorderPoint: '10',
            safetyStock: '5',
            supplierId,
            location: 'Réserve',
          }),
          null,
        ),
      )
    ).id;
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('keeps the Bêta stock card at the CUMP after each entry, and refuses what would break it', async () => {
    await move(goodsId, {
      kind: 'entry',
      date: '2026-02-01',
      quantity: 100,
      unitCost: 1000,
      label: 'Stock initial',
    });
    await move(goodsId, { kind: 'exit', date: '2026-02-05', quantity: 50, recipient: 'Boutique' });
    await move(goodsId, {
      kind: 'entry',
      date: '2026-02-13',
      quantity: '150',
      unitCost: 1200,
      partyId: supplierId,
      reference: 'FA-118',
    });
    await move(goodsId, { kind: 'exit', date: '2026-02-18', quantity: 80, recipient: 'Boutique' });
    await move(goodsId, {
      kind: 'entry',
      date: '2026-02-28',
      quantity: 200,
      unitCost: 1300,
      partyId: supplierId,
    });
    const card = await getStockCard(store.db, orgId, goodsId);
    expect(card.lines.map((l) => [l.quantity, l.value, l.stockQuantity, l.cump, l.stockValue])).toEqual([
      ['100', 100000, '100', 1000, 100000],
      ['-50', -50000, '50', 1000, 50000],
      ['150', 180000, '200', 1150, 230000],
      ['-80', -92000, '120', 1150, 138000],
      ['200', 260000, '320', 1244, 398000],
    ]);
    expect(card.lines[2]!.party).toBe('Papeteries Rhône');

    const before = await countRows(store.db, 'production_stock_movement', orgId);
    const short = await failure(
      move(goodsId, { kind: 'exit', date: '2026-03-01', quantity: 321, recipient: 'Boutique' }),
    );
    expect(short.message).toBe(
      'Stock insuffisant pour « Lampe de bureau » : 320 unité en stock, sortie de 321 unité refusée.',
    );
    const late = await failure(
      move(goodsId, { kind: 'exit', date: '2026-02-27', quantity: 1, recipient: 'Boutique' }),
    );
    expect(late.message).toMatch(
      /daté du 28\/02\/2026 : la fiche de stock se tient dans l’ordre chronologique/,
    );
    const noCost = await failure(move(goodsId, { kind: 'entry', date: '2026-03-01', quantity: 1 }));
    expect(noCost.issues[0]!.field).toBe('unitCost');
    const customer = await salesCustomer(store.db, orgId);
    const notSupplier = await failure(
      move(goodsId, { kind: 'entry', date: '2026-03-01', quantity: 1, unitCost: 100, partyId: customer.id }),
    );
    expect(notSupplier.message).toMatch(/n’a pas le rôle fournisseur/);
    expect(await countRows(store.db, 'production_stock_movement', orgId)).toBe(before);
  });

  it('corrects a movement by a counter-movement, once', async () => {
    const card = await getStockCard(
      store.db,
      orgId,
      await tx(async (trx) => {
        await recordMovement(
          trx,
          orgId,
          paperId,
          movementInput.parse({
            kind: 'entry',
            date: '2026-03-02',
            quantity: 20,
            unitCost: 450,
            partyId: supplierId,
          }),
          null,
        );
        return paperId;
      }),
    );
    const wrong = await move(paperId, {
      kind: 'exit',
      date: '2026-03-03',
      quantity: 12,
      recipient: 'Accueil',
    });
    await tx((trx) => correctMovement(trx, orgId, paperId, wrong, null, null));
    const again = await failure(tx((trx) => correctMovement(trx, orgId, paperId, wrong, null, null)));
    expect(again.message).toBe('Ce mouvement est déjà corrigé.');
    await move(paperId, {
      kind: 'exit',
      date: '2026-03-03',
      quantity: 12,
      recipient: 'Comptabilité',
      reference: 'Demande 14',
    });
    const after = await getStockCard(store.db, orgId, paperId);
    expect(card.lines).toHaveLength(1);
    expect(after.lines.map((l) => [l.quantity, l.value, l.stockQuantity, l.correctedBy !== null])).toEqual([
      ['20', 9000, '20', false],
      ['-12', -5400, '8', true],
      ['12', 5400, '20', false],
      ['-12', -5400, '8', false],
    ]);
    expect(after.lines[2]!.correctsId).toBe(wrong);
    // 8 ramettes ≤ seuil 10: reorder up to 10 + 5 (no reorder quantity): 7 ramettes à 4,50 = 31,50.
    const proposal = await reorderProposal(store.db, orgId, '2026-03-31');
    expect(
      proposal.lines.map((l) => [l.item.code, l.quantity, l.estimatedCost, l.item.supplier?.name]),
    ).toEqual([['PAPIER-A4', '7', 3150, 'Papeteries Rhône']]);
  });

  it('turns a count into adjustments at the CUMP', async () => {
    const count = await tx((trx) => openStockCount(trx, orgId, { date: '2026-03-15', note: null }, null));
    expect(count.lines.map((l) => [l.item.code, l.expectedQuantity])).toEqual([
      ['LAMPE', '320'],
      ['PAPIER-A4', '8'],
    ]);
    const counted = await tx((trx) =>
      enterCountedQuantities(
        trx,
        orgId,
        count.id,
        countLinesInput.parse({ lines: [{ itemId: goodsId, countedQuantity: '318' }] }),
        null,
      ),
    );
    expect(counted.lines[0]).toMatchObject({ differenceQuantity: '-2', differenceValue: -2488 });
    expect(counted.lines[1]!.countedQuantity).toBeNull();
    const validated = await tx((trx) => validateStockCount(trx, orgId, count.id, null));
    expect(validated.status).toBe('validated');
    expect(validated.differenceValue).toBe(-2488);
    const status = await stockStatus(store.db, orgId, '2026-03-31');
    expect(status.items.map((i) => [i.code, i.quantity, i.value])).toEqual([
      ['LAMPE', '318', 395512],
      ['PAPIER-A4', '8', 3600],
    ]);
    expect(status.totals).toEqual({ goods: 395512, supplies: 3600, all: 399112 });
    const closed = await failure(tx((trx) => validateStockCount(trx, orgId, count.id, null)));
    expect(closed.message).toBe('Cet inventaire est validé : il ne se modifie plus.');
  });

  it('posts the stock variation on 37 / 6037 (and 322 / 6032), once per date, balanced', async () => {
    const first = await tx((trx) =>
      postStockVariation(trx, orgId, variationInput.parse({ date: '2026-03-31' }), null),
    );
    expect(first.created).toBe(true);
    const entry = await getEntry(store.db, orgId, first.variation.entry.id);
    expect(entry.journal).toBe('OD');
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['370', 395512, 0],
      ['6037', 0, 395512],
    ]);
    const again = await tx((trx) =>
      postStockVariation(trx, orgId, variationInput.parse({ date: '2026-03-31' }), null),
    );
    expect(again).toEqual({ variation: first.variation, created: false });

    await move(goodsId, { kind: 'exit', date: '2026-04-02', quantity: 98, recipient: 'Boutique' });
    const second = await tx((trx) =>
      postStockVariation(
        trx,
        orgId,
        variationInput.parse({ date: '2026-06-30', includeSupplies: true }),
        null,
      ),
    );
    const lines = (await getEntry(store.db, orgId, second.variation.entry.id)).lines;
    // Reverse the 3 955,12 of 31 March, record 2 736,00; supplies: no book value yet, 36,00.
    expect(lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['6037', 395512, 0],
      ['370', 0, 395512],
      ['370', 273600, 0],
      ['6037', 0, 273600],
      ['322', 3600, 0],
      ['6032', 0, 3600],
    ]);
    expect(lines.reduce((t, l) => t + l.debit - l.credit, 0)).toBe(0);
    const earlier = await failure(
      tx((trx) => postStockVariation(trx, orgId, variationInput.parse({ date: '2026-05-31' }), null)),
    );
    expect(earlier.message).toMatch(/déjà comptabilisée au 30\/06\/2026/);
    const posted = await failure(
      move(paperId, { kind: 'exit', date: '2026-06-30', quantity: 1, recipient: 'Accueil' }),
    );
    expect(posted.message).toMatch(/variation de stock est comptabilisée au 30\/06\/2026/);
    expect((await verifyAuditChain(store.db, orgId)).ok).toBe(true);
  });

  it('takes delivery notes of area 1 out of the stock once', async () => {
    const customer = await salesCustomer(store.db, orgId);
    // The order is dated the day the quote is accepted, the delivery note that day too.
    const order = await acceptedOrder(store.db, orgId, customer.id, {
      lines: [{ itemId: catalogueId, quantity: '20' }],
    });
    const note = await deliver(store.db, orgId, order.id);
    const pending = await deliveriesToIssue(store.db, orgId);
    expect(
      pending.lines.map((l) => [l.deliveryNote.number, l.item.code, l.quantity, l.stockQuantity]),
    ).toEqual([[note.number, 'LAMPE', '20', '220']]);
    await tx((trx) => issueDeliveries(trx, orgId, [pending.lines[0]!.lineId], null));
    expect((await deliveriesToIssue(store.db, orgId)).lines).toEqual([]);
    const twice = await failure(tx((trx) => issueDeliveries(trx, orgId, [pending.lines[0]!.lineId], null)));
    expect(twice.message).toBe('Certaines lignes ne sont pas à sortir du stock.');
    const card = await getStockCard(store.db, orgId, goodsId);
    expect(card.lines.at(-1)).toMatchObject({
      date: note.issueDate,
      quantity: '-20',
      value: -24880,
      stockValue: 248720,
      party: customer.name,
      reference: note.number,
    });
  });

  it('exports the stock card as CSV with the CUMP column', async () => {
    const card = await getStockCard(store.db, orgId, goodsId, { from: '2026-02-13', to: '2026-02-28' });
    expect(card.opening).toEqual({ quantity: '50', value: 50000, cump: 1000 });
    const file = await renderReport(stockCardTable(card), 'csv', 'Org');
    const text = String(file.body);
    expect(text.split(/\r?\n/).slice(1, 6)).toEqual([
      '13/02/2026;Stock initial;;;;;50;10,00;500,00',
      '13/02/2026;Entrée — Papeteries Rhône — FA-118;150;;12,00;1800,00;200;11,50;2300,00',
      '18/02/2026;Sortie — Boutique;;80;11,50;920,00;120;11,50;1380,00',
      '28/02/2026;Entrée — Papeteries Rhône;200;;13,00;2600,00;320;12,44;3980,00',
      ';Totaux;350;80;;;320;12,44;3980,00',
    ]);
  });
});
