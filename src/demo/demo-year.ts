import { addDays, compareDates } from '../kernel/dates/index.ts';
import type { Db } from '../kernel/db/index.ts';
import { partyInput } from '../kernel/parties/contract.ts';
import { createParty } from '../kernel/parties/party.ts';
import {
  billInput,
  createBill,
  fileVatReturn,
  getVatReturn,
  payBill,
  paymentInput,
  payVatReturn,
  validateBill,
  vatPaymentInput,
} from '../production/index.ts';
import {
  acceptQuote,
  actionInput,
  addGuests,
  addTargets,
  campaignInput,
  complaintInput,
  complaintResolveInput,
  createCampaign,
  createComplaint,
  createDeliveryNote,
  createDepositSlip,
  createEvent,
  createInvoiceDraft,
  createReminder,
  createSalesDraft,
  creditUseInput,
  deliveryInput,
  depositSlipInput,
  eventInput,
  type InvoiceDto,
  invoiceDraftInput,
  invoiceOrder,
  quoteForTarget,
  quoteInput,
  type ReceiptDto,
  receiptInput,
  recordAction,
  recordReceipt,
  refuseQuote,
  reminderInput,
  resolveComplaint,
  sendQuote,
  setGuestStatus,
  targetFilterInput,
  useCustomerCredit,
  validateInvoice,
} from '../relations/index.ts';
import { createPrivateCustomers } from './scenario-helpers.ts';

// The demo organisation's year (issue 4 §10, decision 0025): from 1 January to seven weeks before today,
// so that it ends before the few recent documents of sales.ts. Every step goes through the domain
// functions, in date order (numbers follow dates): private customers' invoices paid by transfer, cheque or
// card, some in part; business customers' quotes (accepted into orders, delivery notes and invoices, or
// refused); one overpayment kept as credit and used later; reminders of the invoices left unpaid; a
// complaint resolved and one open; a trade show with guests; a prospecting campaign with a call and a
// quote drafted for the prospect. Deterministic for a given "today"; thinner early in the year.

/** Fictitious companies with valid SIREN, SIRET and VAT keys: they belong to nobody. */
const DEMO_COMPANIES = [
  {
    kind: 'organisation',
    name: 'Garage des Lilas',
    roles: ['customer'],
    legalForm: 'SARL',
    siren: '523456788',
    siret: '52345678800018',
    vatNumber: 'FR31523456788',
    email: 'atelier@garage-des-lilas.example',
    addresses: [
      {
        kind: 'billing',
        line1: '40 avenue des Lilas',
        postalCode: '69120',
        city: 'Vaulx-en-Velin',
        country: 'FR',
      },
    ],
    contacts: [{ name: 'Marc Giraud', jobTitle: 'Gérant' }],
  },
  {
    kind: 'organisation',
    name: 'Cabinet Archimède',
    roles: ['customer'],
    legalForm: 'SAS',
    siren: '798123451',
    siret: '79812345100014',
    vatNumber: 'FR55798123451',
    email: 'compta@cabinet-archimede.example',
    addresses: [
      {
        kind: 'billing',
        line1: '7 cours Émile Zola',
        postalCode: '69100',
        city: 'Villeurbanne',
        country: 'FR',
      },
    ],
    contacts: [{ name: 'Sophie Lemaire', jobTitle: 'Office manager' }],
  },
] as const;

type Step = { date: string; run: () => Promise<void> };
const METHODS = ['transfer', 'cheque', 'card'] as const;

export type DemoYearInput = {
  today: string;
  /** The last day an invoice of the year may bear (the recent documents follow it). */
  lastInvoiceDay: string;
  items: ReadonlyMap<string, string>;
};

export async function buildDemoYear(
  trx: Db,
  orgId: string,
  userId: string,
  { today, lastInvoiceDay, items }: DemoYearInput,
): Promise<void> {
  const year = Number(today.slice(0, 4));
  const parties = await trx.selectFrom('party').select(['id', 'name']).where('org_id', '=', orgId).execute();
  const partyId = (name: string) => parties.find((p) => p.name === name)?.id;
  const persons = await createPrivateCustomers(trx, orgId, userId, 6);
  const companies: string[] = [];
  for (const company of DEMO_COMPANIES)
    companies.push((await createParty(trx, orgId, partyInput.parse(company), userId)).id);
  const mairie = partyId('Mairie de Saint-Genis');
  if (mairie) companies.push(mairie);
  const item = (code: string) => items.get(code)!;

  const steps: Step[] = [];
  const at = (date: string, run: () => Promise<void>) => {
    if (compareDates(date, today) <= 0) steps.push({ date, run });
  };
  const invoices = new Map<string, InvoiceDto>();
  const receipts = new Map<string, ReceiptDto>();
  const creditUsed = new Map<string, number>();
  const documents = new Map<string, string>();
  const pay = (key: string, date: string, method: (typeof METHODS)[number], share = 1, extra = 0) =>
    at(date, async () => {
      const invoice = invoices.get(key);
      if (!invoice) return;
      const amount = Math.round(invoice.total * share) - (creditUsed.get(key) ?? 0);
      receipts.set(
        key,
        await recordReceipt(
          trx,
          orgId,
          receiptInput.parse({
            customerId: invoice.customerId,
            date,
            method,
            reference:
              method === 'cheque' ? `CHQ ${String(4_200_000 + receipts.size * 37)}` : `VIR ${invoice.number}`,
            amount: amount + extra,
            allocations: [{ invoiceId: invoice.id, amount }],
            excess: extra > 0 ? 'keep_as_credit' : null,
          }),
          userId,
        ),
      );
    });

  const months: number[] = [];
  for (let m = 1; m <= 12; m++) if (compareDates(day(year, m, 4), lastInvoiceDay) <= 0) months.push(m);
  const unpaid: string[] = [];
  for (const m of months) {
    // Two private customers' invoices a month: paid 25 days later, every fifth in half, the last months' not.
    for (let k = 0; k < 2; k++) {
      const n = (m - 1) * 2 + k;
      const key = `direct-${n}`;
      const issueDate = day(year, m, 4 + k * 12);
      if (compareDates(issueDate, lastInvoiceDay) > 0) continue;
      const customerId = persons[n % persons.length]!;
      at(issueDate, async () => {
        const draft = await createInvoiceDraft(
          trx,
          orgId,
          invoiceDraftInput.parse({
            customerId,
            issueDate,
            lines: [
              {
                itemId: item(n % 2 === 0 ? 'CONS-H' : 'FORM-J'),
                quantity: String(n % 2 === 0 ? 2 + (n % 5) : 1),
              },
              { itemId: item('LIV-GEST'), quantity: String(1 + (n % 3)) },
            ],
          }),
          userId,
        );
        invoices.set(key, await validateInvoice(trx, orgId, draft.id, userId));
      });
      const paidOn = addDays(issueDate, 25);
      if (compareDates(paidOn, addDays(lastInvoiceDay, -20)) > 0) unpaid.push(key);
      else pay(key, paidOn, METHODS[n % 3]!, n % 5 === 4 ? 0.5 : 1);
    }
    // Every other month a business customer's quote: accepted, ordered, delivered, invoiced and paid;
    // every fourth month one refused.
    if (m % 2 === 1) {
      const customerId = companies[(m >> 1) % companies.length]!;
      const key = `order-${m}`;
      const quoted = day(year, m, 8);
      const invoiced = addDays(quoted, 12);
      if (compareDates(invoiced, lastInvoiceDay) > 0) continue;
      at(quoted, async () => {
        const quote = await createSalesDraft(
          trx,
          orgId,
          'quote',
          quoteInput.parse({
            partyId: customerId,
            issueDate: quoted,
            lines: [
              { itemId: item('RAMETTE'), quantity: String(20 + m * 5), discountPercent: m > 6 ? '5' : '0' },
              { itemId: item('MAINT-M'), quantity: '3' },
            ],
          }),
          userId,
        );
        await sendQuote(trx, orgId, quote.id, userId);
        documents.set(`quote-${m}`, quote.id);
      });
      at(addDays(quoted, 4), async () => {
        const { order } = await acceptQuote(trx, orgId, documents.get(`quote-${m}`)!, userId, {
          acceptedOn: addDays(quoted, 4),
        });
        documents.set(key, order.id);
      });
      at(addDays(quoted, 9), async () => {
        await createDeliveryNote(
          trx,
          orgId,
          documents.get(key)!,
          deliveryInput.parse({ issueDate: addDays(quoted, 9) }),
          userId,
        );
      });
      at(invoiced, async () => {
        const draft = await invoiceOrder(trx, orgId, documents.get(key)!, userId, { issueDate: invoiced });
        invoices.set(key, await validateInvoice(trx, orgId, draft.id, userId));
      });
      // The garage pays its first order 80 € too much: kept as credit, used on its next invoice.
      const overpaid = m === months[0];
      pay(key, addDays(invoiced, 35), 'transfer', 1, overpaid ? 8_000 : 0);
      if (m > 1 && (m >> 1) % companies.length === 0)
        at(addDays(invoiced, 2), async () => {
          const invoice = invoices.get(key);
          const credit = [...receipts.values()].find(
            (r) => r.customerId === invoice?.customerId && r.unallocated > 0,
          );
          if (!invoice || !credit) return;
          await useCustomerCredit(trx, orgId, invoice.id, creditUseInput.parse({ amount: 5_000 }), userId);
          creditUsed.set(key, 5_000);
        });
    } else if (m % 4 === 2) {
      const quoted = day(year, m, 10);
      at(quoted, async () => {
        const quote = await createSalesDraft(
          trx,
          orgId,
          'quote',
          quoteInput.parse({
            partyId: companies[(m >> 2) % companies.length],
            issueDate: quoted,
            notes: 'Équipement complet du bureau d’accueil.',
            lines: [
              { itemId: item('FORM-J'), quantity: '3' },
              { itemId: item('REPAS-SEM'), quantity: '24' },
            ],
          }),
          userId,
        );
        await sendQuote(trx, orgId, quote.id, userId);
        await refuseQuote(trx, orgId, quote.id, userId);
      });
    }
  }
  // A cheque deposit at mid-year: the cheques received so far go to the bank on one slip.
  const midYear = day(year, 6, 30);
  if (compareDates(midYear, lastInvoiceDay) <= 0)
    at(midYear, async () => {
      const cheques = [...receipts.values()].filter((r) => r.method === 'cheque' && r.date <= midYear);
      if (cheques.length > 0)
        await createDepositSlip(
          trx,
          orgId,
          depositSlipInput.parse({ date: midYear, receiptIds: cheques.map((c) => c.id) }),
          userId,
        );
    });

  // Reminders of the invoices left unpaid: a friendly one 10 days after the due date, a firm one 25 days
  // after it for the oldest.
  const reminded = new Set<string>();
  for (const [i, key] of unpaid.entries()) {
    const issueDate = stepDateOf(key, year);
    if (!issueDate) continue;
    const due = addDays(issueDate, 30);
    const friendly = addDays(due, 10);
    at(friendly, async () => {
      const invoice = invoices.get(key);
      if (!invoice || reminded.has(`${invoice.customerId}:${friendly}`)) return;
      reminded.add(`${invoice.customerId}:${friendly}`);
      await createReminder(
        trx,
        orgId,
        reminderInput.parse({
          customerId: invoice.customerId,
          level: 1,
          date: friendly,
          invoiceIds: [invoice.id],
          channel: 'letter',
        }),
        userId,
      );
    });
    if (i === 0)
      at(addDays(due, 25), async () => {
        const invoice = invoices.get(key);
        if (!invoice) return;
        await createReminder(
          trx,
          orgId,
          reminderInput.parse({
            customerId: invoice.customerId,
            level: 2,
            date: addDays(due, 25),
            invoiceIds: [invoice.id],
            channel: 'letter',
          }),
          userId,
        );
      });
  }

  // Complaints: a delivery short of two reams (replaced), and a late training session still open.
  const firstOrder = months.find((m) => m % 2 === 1);
  if (firstOrder !== undefined) {
    const received = addDays(day(year, firstOrder, 8), 15);
    at(received, async () => {
      const invoice = invoices.get(`order-${firstOrder}`);
      if (!invoice) return;
      const complaint = await createComplaint(
        trx,
        orgId,
        complaintInput.parse({
          partyId: invoice.customerId,
          subject: 'Livraison incomplète',
          description: 'Deux ramettes manquaient dans le carton livré.',
          receivedOn: received,
          invoiceIds: [invoice.id],
        }),
        userId,
      );
      await resolveComplaint(
        trx,
        orgId,
        complaint.id,
        complaintResolveInput.parse({
          resolution: 'replacement',
          note: 'Deux ramettes livrées gratuitement avec la commande suivante.',
        }),
        userId,
      );
    });
  }
  const lastDirect = unpaid.at(-1);
  if (lastDirect) {
    const received = addDays(stepDateOf(lastDirect, year)!, 6);
    at(received, async () => {
      const invoice = invoices.get(lastDirect);
      if (!invoice) return;
      await createComplaint(
        trx,
        orgId,
        complaintInput.parse({
          partyId: invoice.customerId,
          subject: 'Formation décalée sans prévenir',
          description: 'La session prévue a commencé avec une heure de retard.',
          receivedOn: received,
          invoiceIds: [invoice.id],
        }),
        userId,
      );
    });
  }

  // Area 2, month by month while the month ended before the recent documents: office supplies from
  // Papeterie Centrale on the 8th (a computer too in March: VAT on fixed assets), paid by transfer on the
  // 28th; then the month's VAT return (CA3), filed on the 15th of the next month (decision 0034).
  const papeterie = partyId('Papeterie Centrale');
  for (let month = 1; month <= 12; month++) {
    const monthEnd = addDays(day(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
    if (compareDates(monthEnd, lastInvoiceDay) >= 0) break;
    if (papeterie)
      at(day(year, month, 8), async () => {
        const lines = [
          { label: 'Fournitures de bureau', account: '6064', netAmount: 8_000 + month * 650, vatRate: 2000 },
        ];
        if (month === 3)
          lines.push({ label: 'Ordinateur portable', account: '2183', netAmount: 95_000, vatRate: 2000 });
        const draft = await createBill(
          trx,
          orgId,
          billInput.parse({
            supplierId: papeterie,
            supplierRef: `PC-${year}-${String(month).padStart(3, '0')}`,
            billDate: day(year, month, 8),
            dueDate: day(year, month, 28),
            lines,
          }),
          userId,
        );
        const bill = await validateBill(trx, orgId, draft.id, userId);
        await payBill(
          trx,
          orgId,
          bill.id,
          paymentInput.parse({ date: day(year, month, 28), method: 'transfer', amount: bill.total }),
          userId,
        );
      });
    const period = `${year}-${String(month).padStart(2, '0')}`;
    at(addDays(monthEnd, 15), async () => {
      await fileVatReturn(trx, orgId, period, userId);
    });
    // The VAT due leaves the bank on the 19th, within the deadline (19th to 24th).
    at(addDays(monthEnd, 19), async () => {
      if ((await getVatReturn(trx, orgId, period)).vatDue > 0)
        await payVatReturn(
          trx,
          orgId,
          period,
          vatPaymentInput.parse({ date: addDays(monthEnd, 19) }),
          userId,
        );
    });
  }

  // A trade show in the spring, with guests who came or not.
  const showDay = day(year, 4, 16);
  at(showDay, async () => {
    const event = await createEvent(
      trx,
      orgId,
      eventInput.parse({
        kind: 'trade_show',
        title: 'Salon des artisans de Villeurbanne',
        date: showDay,
        startTime: '09:00',
        endTime: '18:00',
        place: 'Parc des expositions, Villeurbanne',
        capacity: 200,
        costs: [
          { label: 'Location du stand', amount: 45_000 },
          { label: 'Impression des dépliants', amount: 12_000 },
        ],
      }),
      userId,
    );
    const guests = [companies[0]!, companies[1]!, ...persons.slice(0, 2)];
    await addGuests(trx, orgId, event.id, guests, userId);
    for (const [i, guest] of guests.entries())
      await setGuestStatus(trx, orgId, event.id, guest, i === 3 ? 'absent' : 'attended', userId);
  });

  // A prospecting campaign: Karim Benali called, interested, a quote drafted for him (still a draft).
  const karim = partyId('Karim Benali');
  const yearStart = day(year, 1, 1);
  const callDay =
    compareDates(addDays(lastInvoiceDay, 10), yearStart) < 0 ? today : addDays(lastInvoiceDay, 10);
  if (karim)
    at(callDay, async () => {
      const campaign = await createCampaign(
        trx,
        orgId,
        campaignInput.parse({
          name: 'Artisans indépendants de l’Est lyonnais',
          description: 'Proposer la formation bureautique et le guide aux artisans installés depuis peu.',
        }),
        userId,
      );
      await addTargets(trx, orgId, campaign.id, targetFilterInput.parse({ partyIds: [karim] }), userId);
      await recordAction(
        trx,
        orgId,
        campaign.id,
        karim,
        actionInput.parse({
          kind: 'call',
          date: callDay,
          outcome: 'quote_requested',
          notes: 'Souhaite une journée de formation et deux guides.',
        }),
        userId,
      );
      await quoteForTarget(
        trx,
        orgId,
        campaign.id,
        karim,
        quoteInput.omit({ partyId: true }).parse({
          issueDate: callDay,
          lines: [
            { itemId: item('FORM-J'), quantity: '1' },
            { itemId: item('LIV-GEST'), quantity: '2' },
          ],
        }),
        userId,
      );
    });

  // In date order (numbers follow dates); the order of creation breaks ties.
  const ordered = steps
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => compareDates(a.date, b.date) || a.i - b.i);
  for (const step of ordered) await step.run();
}

const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The issue date of a direct invoice from its key (direct-n: month n/2 + 1, day 4 or 16). */
function stepDateOf(key: string, year: number): string | null {
  const n = Number(key.split('-')[1]);
  if (!key.startsWith('direct-') || Number.isNaN(n)) return null;
  return day(year, Math.floor(n / 2) + 1, 4 + (n % 2) * 12);
}
