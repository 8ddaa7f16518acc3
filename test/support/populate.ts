import { readFileSync } from 'node:fs';
import type { Db } from '../../src/kernel/db/index.ts';
import { putBytes, recordDocument } from '../../src/kernel/documents/document-store.ts';
import { mailSettingsInput } from '../../src/kernel/mail/contract.ts';
import { saveMailSettings } from '../../src/kernel/mail/settings.ts';
import { takeNextNumber } from '../../src/kernel/numbering/numbering.ts';
import { setMembership } from '../../src/kernel/users/users.ts';
import { populateLedger } from '../../src/ledger/test-helpers.ts';
import { populateExpenses } from '../../src/personnel/expenses/test-helpers.ts';
import {
  approveLeaveRequest,
  createEmployee,
  createLeaveRequest,
  createPayRun,
  employeeInput,
  leaveRequestInput,
  payItemsInput,
  payRunInput,
  updatePayItems,
  validatePayRun,
} from '../../src/personnel/index.ts';
import { populateCareers } from '../../src/personnel/recruitment/test-helpers.ts';
import { populateFormalities } from '../../src/production/formalities/test-helpers.ts';
import {
  billInput,
  countLinesInput,
  createBill,
  createForecast,
  createStockItem,
  enterCountedQuantities,
  fileVatReturn,
  forecastInput,
  getStatement,
  importQuery,
  importStatementFile,
  movementInput,
  openStockCount,
  payBill,
  paymentInput,
  postBankLine,
  postLineInput,
  postStockVariation,
  recordMovement,
  stockItemInput,
  validateBill,
  validateStockCount,
  variationInput,
} from '../../src/production/index.ts';
import { populateContracts } from '../../src/production/workplace/contracts/test-helpers.ts';
import { populateMeetingsAndNotices } from '../../src/production/workplace/meetings/test-helpers.ts';
import { populateResources } from '../../src/production/workplace/resources/test-helpers.ts';
import { populateRecords } from '../../src/relations/records-test-helpers.ts';
import { populateSales } from '../../src/relations/sales/sales-test-helpers.ts';
import { populateRelations } from '../../src/relations/test-helpers.ts';
import { populateTraining } from '../../src/training/test-helpers.ts';
import { buildParty, buildUser } from './factories.ts';

/**
 * Puts at least one row in every organisation table through the domain functions. When a module adds a
 * table, extend this so the copy test keeps proving the copy complete.
 */
export async function populateOrganisation(db: Db, orgId: string, documentsDir: string): Promise<void> {
  const member = await buildUser(db);
  await db
    .transaction()
    .execute((trx) => setMembership(trx, { orgId, userId: member.id, role: 'assistant', actorId: null }));
  await buildParty(db, orgId, {
    name: 'Client complet',
    roles: ['customer', 'member'],
    contacts: [{ name: 'Contact' }],
    addresses: [{ kind: 'billing', line1: '1 rue A', postalCode: '69001', city: 'Lyon' }],
  });
  await db.transaction().execute((trx) => takeNextNumber(trx, orgId, 'test:2026'));
  const bytes = new TextEncoder().encode(`pièce ${orgId}`);
  const sha256 = await putBytes(documentsDir, bytes);
  await db.transaction().execute((trx) =>
    recordDocument(trx, {
      orgId,
      sha256,
      fileName: 'piece.txt',
      mediaType: 'text/plain',
      size: bytes.byteLength,
      actorId: null,
    }),
  );
  await db
    .insertInto('idempotency_record')
    .values({
      org_id: orgId,
      id: `key-${orgId}`,
      user_id: member.id,
      route: 'POST /api/v1/orgs/:orgId/parties',
      status: 201,
      body: '{}',
      created_at: new Date().toISOString(),
    })
    .execute();
  await db.transaction().execute((trx) =>
    saveMailSettings(
      trx,
      new Uint8Array(32),
      orgId,
      mailSettingsInput.parse({
        host: 'smtp.exemple.fr',
        port: 587,
        security: 'starttls',
        username: 'agora',
        password: 'secret',
        fromAddress: 'contact@exemple.fr',
      }),
      null,
    ),
  );
  await populateLedger(db, orgId);
  await populateRelations(db, orgId, documentsDir, member.id);
  await populateSales(db, orgId);
  await populateRecords(db, orgId, member.id);
  // Area 2: a supplier bill, validated and partly paid (bill, lines, payment).
  const supplier = await buildParty(db, orgId, { name: 'Fournisseur complet', roles: ['supplier'] });
  await db.transaction().execute(async (trx) => {
    const bill = await createBill(
      trx,
      orgId,
      billInput.parse({
        supplierId: supplier.id,
        supplierRef: 'FF-1',
        billDate: '2026-03-16',
        lines: [{ label: 'Marchandises', netAmount: 10000, vatRate: 2000 }],
      }),
      null,
    );
    await validateBill(trx, orgId, bill.id, null);
    await payBill(
      trx,
      orgId,
      bill.id,
      paymentInput.parse({ date: '2026-03-20', method: 'transfer', amount: 5000 }),
      null,
    );
  });
  // The VAT return of the bill's month, filed (its row and its settlement entry). Only the normal regime
  // files a CA3: the organisation takes it from here if it had another.
  await db
    .updateTable('organisation')
    .set({ vat_regime: 'normal_monthly' })
    .where('org_id', '=', orgId)
    .execute();
  await db.transaction().execute((trx) => fileVatReturn(trx, orgId, '2026-03', null));
  // Treasury: a bank statement (account, statement, lines) whose fee line is posted and matched.
  await db.transaction().execute(async (trx) => {
    const file = readFileSync(new URL('./bank/releve-2026-03.camt053.xml', import.meta.url));
    const report = await importStatementFile(trx, orgId, file, importQuery.parse({}), null);
    const statement = await getStatement(trx, orgId, report.statements[0]!.id!);
    const fee = statement.lines.find((l) => l.suggestion.account === '627')!;
    await postBankLine(trx, orgId, fee.id, postLineInput.parse({ account: '627' }), null);
  });
  // The cash plan's forecast lines.
  await db.transaction().execute((trx) =>
    createForecast(
      trx,
      orgId,
      forecastInput.parse({
        label: 'Loyer',
        direction: 'out',
        amount: 80000,
        firstMonth: '2026-04',
        occurrences: 12,
      }),
      null,
    ),
  );
  // Stock: a supplies item received, counted (an adjustment), and the stock variation posted (OD).
  await db.transaction().execute(async (trx) => {
    const item = await createStockItem(
      trx,
      orgId,
      stockItemInput.parse({
        code: 'TONER',
        label: 'Toner',
        category: 'supplies',
        unit: 'cartouche',
        reorderPoint: 2,
        supplierId: supplier.id,
      }),
      null,
    );
    await recordMovement(
      trx,
      orgId,
      item.id,
      movementInput.parse({
        kind: 'entry',
        date: '2026-03-20',
        quantity: 5,
        unitCost: 6000,
        partyId: supplier.id,
      }),
      null,
    );
    const count = await openStockCount(trx, orgId, { date: '2026-03-25', note: null }, null);
    await enterCountedQuantities(
      trx,
      orgId,
      count.id,
      countLinesInput.parse({ lines: [{ itemId: item.id, countedQuantity: 4 }] }),
      null,
    );
    await validateStockCount(trx, orgId, count.id, null);
    await postStockVariation(
      trx,
      orgId,
      variationInput.parse({ date: '2026-03-31', includeSupplies: true }),
      null,
    );
  });
  // Personnel (area 3): an employee in the register.
  const employee = await db.transaction().execute((trx) =>
    createEmployee(
      trx,
      orgId,
      employeeInput.parse({
        lastName: 'Martin',
        firstName: 'Claire',
        sex: 'F',
        birthDate: '1990-04-12',
        nationality: 'Française',
        socialSecurityNumber: '2 90 04 75 112 345 09',
        jobTitle: 'Assistante de gestion',
        category: 'employee',
        contractType: 'cdi',
        weeklyHours: 3500,
        monthlyGross: 210000,
        hireDate: '2026-01-05',
      }),
      null,
    ),
  );
  // Workplace (area 2): a meeting convened, held, its minutes; a notice published and read; a posting.
  await populateMeetingsAndNotices(db, orgId, documentsDir, employee.id);
  // Three days of paid leave in March, asked and approved: acquired since January, taken in advance (L3141-12).
  await db.transaction().execute(async (trx) => {
    const leave = await createLeaveRequest(
      trx,
      orgId,
      leaveRequestInput.parse({
        employeeId: employee.id,
        type: 'paid_leave',
        from: '2026-03-02',
        to: '2026-03-04',
      }),
      null,
    );
    await approveLeaveRequest(trx, orgId, leave.id, { note: null }, null);
  });
  // Her March pay, with an overtime hour, validated (payslip, its lines, the PA entry).
  await db.transaction().execute(async (trx) => {
    const run = await createPayRun(
      trx,
      orgId,
      payRunInput.parse({ month: '2026-03', headcountBand: 'lt11', atMpRate: 70 }),
      null,
    );
    await updatePayItems(
      trx,
      orgId,
      run.id,
      run.payslips[0]!.id,
      payItemsInput.parse({ overtime25Hours: 100 }),
      null,
    );
    await validatePayRun(trx, orgId, run.id, null);
  });
  // Workplace (area 2, 2.3): a terminated contract with the supplier; a key lent to Claire, returned, booked.
  await populateContracts(db, orgId, supplier.id);
  await populateResources(db, orgId, employee.id);
  // Formalities with the partners (area 2, 2.1.t3): a quarterly URSSAF declaration completed once.
  await populateFormalities(db, orgId);
  // Staff travel (area 3): a travel order, its paid advance, its expense report validated with its lines.
  await populateExpenses(db, orgId);
  // Recruitment, onboarding checklist and staff training (area 3, 3.1.t1 and 3.1.t3).
  await populateCareers(db, orgId);
  // The organisation doubles as a school: a class, a student who joined, a scenario handed out.
  const dialect = db.getExecutor().adapter.constructor.name.startsWith('Postgres') ? 'postgres' : 'sqlite';
  await populateTraining(db, dialect, orgId, (await buildUser(db)).id);
}
