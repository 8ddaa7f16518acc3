import type { Db } from '../../kernel/db/index.ts';

/**
 * How each entity of the check catalogue is read in a sandbox organisation: one plain row per record,
 * keyed by the catalogue's field keys (money in cents, dates 'YYYY-MM-DD', lists as arrays). A sandbox is
 * one student's small organisation, so rows are read whole and filtered in memory: the same code on
 * both databases, and the engine can say which row came closest. Read-only: nothing here writes.
 */
export type Value = string | number | null | string[];
export type SandboxRow = { ref: string; values: Record<string, Value> };

type Reader = (db: Db, orgId: string) => Promise<SandboxRow[]>;

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const d = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

async function partyNames(db: Db, orgId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('party').select(['id', 'name']).where('org_id', '=', orgId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function invoices(db: Db, orgId: string, kind: 'invoice' | 'credit_note'): Promise<SandboxRow[]> {
  const [rows, lines, names, numbers, allocations] = await Promise.all([
    db
      .selectFrom('relations_invoice')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('relations_invoice_line')
      .select(['invoice_id', 'code', 'label'])
      .where('org_id', '=', orgId)
      .execute(),
    partyNames(db, orgId),
    db.selectFrom('relations_invoice').select(['id', 'number']).where('org_id', '=', orgId).execute(),
    db
      .selectFrom('relations_receipt_allocation')
      .innerJoin('relations_receipt', (join) =>
        join
          .onRef('relations_receipt.org_id', '=', 'relations_receipt_allocation.org_id')
          .onRef('relations_receipt.id', '=', 'relations_receipt_allocation.receipt_id'),
      )
      .select(['relations_receipt_allocation.invoice_id', 'relations_receipt_allocation.amount'])
      .where('relations_receipt_allocation.org_id', '=', orgId)
      .where('relations_receipt.status', '=', 'validated')
      .execute(),
  ]);
  const paid = new Map<string, number>();
  for (const a of allocations) paid.set(a.invoice_id, (paid.get(a.invoice_id) ?? 0) + Number(a.amount));
  const numberOf = new Map(numbers.map((r) => [r.id, r.number]));
  const products = new Map<string, string[]>();
  for (const line of lines) {
    const list = products.get(line.invoice_id) ?? [];
    list.push(...[line.code, line.label].filter((x): x is string => !!x));
    products.set(line.invoice_id, list);
  }
  return rows.map((r) => ({
    ref: r.number ?? `brouillon pour ${names.get(r.customer_id) ?? '?'}`,
    values: {
      party: names.get(r.customer_id) ?? null,
      status: r.status,
      number: r.number,
      totalNet: n(r.total_net),
      totalVat: n(r.total_vat),
      total: n(r.total),
      issueDate: d(r.issue_date),
      dueDate: d(r.due_date),
      products: products.get(r.id) ?? [],
      creditedInvoice: r.credited_invoice_id ? (numberOf.get(r.credited_invoice_id) ?? null) : null,
      settled: r.status === 'validated' && (paid.get(r.id) ?? 0) >= Number(r.total) ? 'yes' : 'no',
    },
  }));
}

async function salesDocuments(
  db: Db,
  orgId: string,
  kind: 'quote' | 'order' | 'delivery_note',
): Promise<SandboxRow[]> {
  const [rows, lines, names] = await Promise.all([
    db
      .selectFrom('relations_sales_document')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('relations_sales_document_line')
      .select(['document_id', 'code', 'label'])
      .where('org_id', '=', orgId)
      .execute(),
    partyNames(db, orgId),
  ]);
  const products = new Map<string, string[]>();
  for (const line of lines) {
    const list = products.get(line.document_id) ?? [];
    list.push(...[line.code, line.label].filter((x): x is string => !!x));
    products.set(line.document_id, list);
  }
  return rows.map((r) => ({
    ref: r.number ?? `brouillon pour ${names.get(r.party_id) ?? '?'}`,
    values: {
      party: names.get(r.party_id) ?? null,
      status: r.status,
      number: r.number,
      totalNet: n(r.total_net),
      totalVat: n(r.total_vat),
      total: n(r.total),
      issueDate: d(r.issue_date),
      products: products.get(r.id) ?? [],
    },
  }));
}

async function invoiceNumbers(db: Db, orgId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('relations_invoice')
    .select(['id', 'number'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}

export const SANDBOX_READERS: Record<string, Reader> = {
  invoice: (db, orgId) => invoices(db, orgId, 'invoice'),
  credit_note: (db, orgId) => invoices(db, orgId, 'credit_note'),
  quote: (db, orgId) => salesDocuments(db, orgId, 'quote'),
  order: (db, orgId) => salesDocuments(db, orgId, 'order'),
  delivery_note: (db, orgId) => salesDocuments(db, orgId, 'delivery_note'),

  async receipt(db, orgId) {
    const [rows, allocations, names, numbers] = await Promise.all([
      db
        .selectFrom('relations_receipt')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .execute(),
      db
        .selectFrom('relations_receipt_allocation')
        .select(['receipt_id', 'invoice_id'])
        .where('org_id', '=', orgId)
        .execute(),
      partyNames(db, orgId),
      invoiceNumbers(db, orgId),
    ]);
    return rows.map((r) => ({
      ref: r.number,
      values: {
        party: names.get(r.customer_id) ?? null,
        number: r.number,
        date: d(r.receipt_date),
        amount: n(r.amount),
        method: r.method,
        status: r.status,
        invoices: allocations
          .filter((a) => a.receipt_id === r.id)
          .map((a) => numbers.get(a.invoice_id))
          .filter((x): x is string => !!x),
        reference: r.reference,
      },
    }));
  },

  async reminder(db, orgId) {
    const [rows, links, names, numbers] = await Promise.all([
      db
        .selectFrom('relations_reminder')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .execute(),
      db
        .selectFrom('relations_reminder_invoice')
        .select(['reminder_id', 'invoice_id'])
        .where('org_id', '=', orgId)
        .execute(),
      partyNames(db, orgId),
      invoiceNumbers(db, orgId),
    ]);
    return rows.map((r) => ({
      ref: `relance de niveau ${r.level} du ${d(r.reminder_date)?.split('-').reverse().join('/')} à ${names.get(r.customer_id) ?? '?'}`,
      values: {
        party: names.get(r.customer_id) ?? null,
        level: n(r.level),
        channel: r.channel,
        date: d(r.reminder_date),
        // E-mailed: handed to the outbox (sent_at); on paper: the letter was produced.
        sent: (r.channel === 'email' ? r.sent_at : r.document_id) ? 'yes' : 'no',
        sentAt: d(r.sent_at),
        emailTo: r.email_to,
        total: n(r.total),
        invoices: links
          .filter((l) => l.reminder_id === r.id)
          .map((l) => numbers.get(l.invoice_id))
          .filter((x): x is string => !!x),
      },
    }));
  },

  async request(db, orgId) {
    const [rows, names] = await Promise.all([
      db
        .selectFrom('relations_request')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .execute(),
      partyNames(db, orgId),
    ]);
    return rows.map((r) => ({
      ref: `demande « ${r.subject} »`,
      values: {
        party: (r.party_id ? names.get(r.party_id) : null) ?? r.sender_name,
        channel: r.channel,
        subject: r.subject,
        category: r.category,
        status: r.status,
        answer: r.answer,
      },
    }));
  },

  async complaint(db, orgId) {
    const [rows, names, numbers] = await Promise.all([
      db
        .selectFrom('relations_complaint')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .execute(),
      partyNames(db, orgId),
      invoiceNumbers(db, orgId),
    ]);
    return rows.map((r) => ({
      ref: r.number,
      values: {
        party: names.get(r.party_id) ?? null,
        number: r.number,
        subject: r.subject,
        status: r.status,
        resolution: r.resolution ?? 'none',
        creditNote: r.credit_note_id ? (numbers.get(r.credit_note_id) ?? null) : null,
      },
    }));
  },

  async party(db, orgId) {
    const [rows, roles] = await Promise.all([
      db
        .selectFrom('party')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('archived_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute(),
      db.selectFrom('party_role').select(['party_id', 'role']).where('org_id', '=', orgId).execute(),
    ]);
    return rows.map((r) => ({
      ref: r.name,
      values: {
        name: r.name,
        kind: r.kind,
        siren: r.siren,
        email: r.email,
        roles: roles.filter((x) => x.party_id === r.id).map((x) => x.role),
      },
    }));
  },

  async supplier_bill(db, orgId) {
    const [rows, lines, payments, names] = await Promise.all([
      db
        .selectFrom('production_supplier_bill')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .execute(),
      db
        .selectFrom('production_supplier_bill_line')
        .select(['bill_id', 'account'])
        .where('org_id', '=', orgId)
        .execute(),
      db
        .selectFrom('production_supplier_payment')
        .select(['bill_id', 'amount'])
        .where('org_id', '=', orgId)
        .where('cancelled_on', 'is', null)
        .execute(),
      partyNames(db, orgId),
    ]);
    const paid = new Map<string, number>();
    for (const p of payments) paid.set(p.bill_id, (paid.get(p.bill_id) ?? 0) + Number(p.amount));
    return rows.map((r) => {
      const total = Number(r.total);
      const payed = paid.get(r.id) ?? 0;
      const status =
        r.status !== 'validated'
          ? r.status
          : payed === 0
            ? 'to_pay'
            : payed >= total
              ? 'paid'
              : 'partially_paid';
      return {
        ref: r.number ?? `brouillon n° ${r.supplier_ref} de ${names.get(r.supplier_id) ?? '?'}`,
        values: {
          party: names.get(r.supplier_id) ?? null,
          status,
          number: r.number,
          supplierRef: r.supplier_ref,
          billDate: d(r.bill_date),
          dueDate: d(r.due_date),
          totalNet: n(r.total_net),
          totalVat: n(r.total_vat),
          total,
          paid: payed,
          accounts: lines.filter((l) => l.bill_id === r.id).map((l) => l.account),
        },
      };
    });
  },

  async vat_return(db, orgId) {
    const rows = await db
      .selectFrom('production_vat_return')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('period_start', 'desc')
      .execute();
    return rows.map((r) => ({
      ref: `déclaration ${r.period}`,
      values: {
        period: r.period,
        vatDue: n(r.vat_due),
        creditCarried: n(r.credit_carried),
        filedOn: d(r.filed_at),
        paidOn: d(r.paid_on),
      },
    }));
  },

  async employee(db, orgId) {
    const rows = await db
      .selectFrom('personnel_employee')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('register_number')
      .execute();
    return rows.map((r) => ({
      ref: `${r.first_name} ${r.last_name}`,
      values: {
        lastName: r.last_name,
        firstName: r.first_name,
        jobTitle: r.job_title,
        contractType: r.contract_type,
        category: r.category,
        hireDate: d(r.hire_date),
        leftOn: d(r.left_on),
        // Hours, as a teacher writes them (35, 24,5); stored in hundredths.
        weeklyHours: Number(r.weekly_hours) / 100,
        monthlyGross: n(r.monthly_gross),
        socialSecurityNumber: r.social_security_number,
      },
    }));
  },

  async stock_movement(db, orgId) {
    const [rows, items, names] = await Promise.all([
      db
        .selectFrom('production_stock_movement')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('movement_date', 'desc')
        .orderBy('seq', 'desc')
        .execute(),
      db
        .selectFrom('production_stock_item')
        .select(['id', 'code', 'label'])
        .where('org_id', '=', orgId)
        .execute(),
      partyNames(db, orgId),
    ]);
    const itemOf = new Map(items.map((i) => [i.id, `${i.code} ${i.label}`]));
    return rows.map((r) => ({
      ref: `${itemOf.get(r.item_id) ?? '?'} du ${d(r.movement_date)}`,
      values: {
        item: itemOf.get(r.item_id) ?? null,
        kind: r.kind,
        date: d(r.movement_date),
        // Units, as a teacher writes them (2,5); stored in thousandths.
        quantity: Number(r.quantity) / 1000,
        unitCost: n(r.unit_cost),
        party: r.party_id ? (names.get(r.party_id) ?? null) : null,
        recipient: r.recipient,
        reference: r.reference,
      },
    }));
  },

  async cash_forecast(db, orgId) {
    const rows = await db
      .selectFrom('production_cash_forecast')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('first_month')
      .execute();
    return rows.map((r) => ({
      ref: r.label,
      values: {
        label: r.label,
        direction: r.direction,
        amount: Number(r.amount),
        firstMonth: r.first_month,
        occurrences: Number(r.occurrences),
      },
    }));
  },

  // Validated lines only (ledger_line); read as rows like the reports do, never written.
  async ledger_line(db, orgId) {
    const [rows, accounts, journals, letterings] = await Promise.all([
      db
        .selectFrom('ledger_line')
        .select(['id', 'journal_id', 'account_id', 'auxiliary_id', 'entry_date', 'label', 'debit', 'credit'])
        .where('org_id', '=', orgId)
        .orderBy('entry_date', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      db.selectFrom('ledger_account').select(['id', 'number']).where('org_id', '=', orgId).execute(),
      db.selectFrom('ledger_journal').select(['id', 'code']).where('org_id', '=', orgId).execute(),
      db
        .selectFrom('ledger_lettering_line')
        .innerJoin('ledger_lettering', (join) =>
          join
            .onRef('ledger_lettering.org_id', '=', 'ledger_lettering_line.org_id')
            .onRef('ledger_lettering.id', '=', 'ledger_lettering_line.lettering_id'),
        )
        .select(['ledger_lettering_line.line_id', 'ledger_lettering.code'])
        .where('ledger_lettering_line.org_id', '=', orgId)
        .execute(),
    ]);
    const accountOf = new Map(accounts.map((a) => [a.id, a.number]));
    const journalOf = new Map(journals.map((j) => [j.id, j.code]));
    const letterOf = new Map(letterings.map((l) => [l.line_id, l.code]));
    return rows.map((r) => {
      return {
        ref: `ligne ${journalOf.get(r.journal_id) ?? ''} ${accountOf.get(r.account_id) ?? ''} « ${r.label} »`,
        values: {
          journal: journalOf.get(r.journal_id) ?? null,
          account: [
            accountOf.get(r.account_id),
            r.auxiliary_id ? accountOf.get(r.auxiliary_id) : null,
          ].filter((x): x is string => !!x),
          date: d(r.entry_date),
          label: r.label,
          debit: n(r.debit),
          credit: n(r.credit),
          lettered: letterOf.has(r.id) ? 'yes' : 'no',
          letteringCode: letterOf.get(r.id) ?? null,
        },
      };
    });
  },
};
