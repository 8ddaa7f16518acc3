import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { formatDateFr } from '../../../kernel/dates/index.ts';
import { formatAmount } from '../../../kernel/money/index.ts';
import { fromScaledInteger } from '../../shared/scaled.ts';
import { UNITS } from '../../shared/units.ts';
import { formatRate } from '../../shared/vat-rates.ts';
import { NATURE_LABELS, type PostalAddress } from '../issued.ts';
import { legalMentions, sellerRegistration } from '../legal-mentions.ts';
import { embedFonts } from './fonts.ts';
import type { IssuedInvoice } from './model.ts';

// The visible invoice: A4 pages, the line table running over as many pages as it needs (its header
// repeated), then totals, VAT per rate and the legal mentions. Only drawing here; the Factur-X parts are
// added by pdf-a3.ts.

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const BOTTOM = 70; // room for the footer
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.42, 0.42, 0.46);
const RULE = rgb(0.75, 0.75, 0.78);
const BAND = rgb(0.93, 0.94, 0.96);

type Fonts = Awaited<ReturnType<typeof embedFonts>>;

// Columns of the line table: right edges for numbers.
const COLUMNS = {
  label: MARGIN,
  labelWidth: 215,
  qty: 318,
  unit: 324,
  price: 420,
  discount: 458,
  vat: 490,
  total: 555,
};

const quantityFr = (q: number) =>
  fromScaledInteger(q, 3)
    .replace(/\.?0+$/, '')
    .replace('.', ',');
const priceFr = (p: number) => {
  const text = fromScaledInteger(p, 4)
    .replace(/(\.\d\d\d*?)0+$/, '$1')
    .replace('.', ',');
  return `${text.includes(',') ? text : `${text},00`} €`.replace(/,(\d)\s€$/, ',$10 €');
};

class Writer {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly invoice: IssuedInvoice,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  text(text: string, x: number, y: number, size = 9, font: PDFFont = this.fonts.regular, color = INK) {
    this.page.drawText(this.fonts.printable(text), { x, y, size, font, color });
  }

  right(text: string, xRight: number, y: number, size = 9, font: PDFFont = this.fonts.regular) {
    const printable = this.fonts.printable(text);
    this.page.drawText(printable, {
      x: xRight - font.widthOfTextAtSize(printable, size),
      y,
      size,
      font,
      color: INK,
    });
  }

  wrap(text: string, width: number, size = 9, font: PDFFont = this.fonts.regular): string[] {
    const lines: string[] = [];
    for (const paragraph of this.fonts.printable(text).split(/\r?\n/)) {
      let current = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) current = candidate;
        else {
          if (current) lines.push(current);
          // A word longer than the column is cut where it overflows.
          let rest = word;
          while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
            let cut = rest.length - 1;
            while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
            lines.push(rest.slice(0, cut));
            rest = rest.slice(cut);
          }
          current = rest;
        }
      }
      lines.push(current);
    }
    return lines;
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensure(height: number, onNewPage?: () => void): void {
    if (this.y - height < BOTTOM) {
      this.newPage();
      this.continuationTitle();
      onNewPage?.();
    }
  }

  continuationTitle(): void {
    const { invoice } = this;
    this.text(`${titleOf(invoice)} n° ${invoice.number} (suite)`, MARGIN, this.y - 10, 10, this.fonts.bold);
    this.y -= 28;
  }
}

function titleOf(invoice: IssuedInvoice): string {
  if (invoice.documentTitle) return invoice.documentTitle;
  if (invoice.downPayment) return 'Facture d’acompte';
  return invoice.kind === 'credit_note' ? 'Avoir' : 'Facture';
}

function addressLines(a: PostalAddress | null): string[] {
  if (!a) return [];
  return [a.line1, a.line2, `${a.postalCode} ${a.city}${a.country === 'FR' ? '' : ` (${a.country})`}`].filter(
    (l): l is string => !!l,
  );
}

function header(w: Writer): void {
  const { invoice, fonts } = w;
  const { seller, customer } = invoice.issued;
  let y = w.y - 14;
  w.text(seller.name, MARGIN, y, 14, fonts.bold);
  y -= 16;
  const sellerLines = [
    ...addressLines(seller.address),
    [seller.siren && `SIREN ${seller.siren}`, seller.siret && `SIRET ${seller.siret}`]
      .filter(Boolean)
      .join(' · '),
    seller.vatNumber ? `N° TVA intracommunautaire : ${seller.vatNumber}` : '',
    [seller.phone, seller.email].filter(Boolean).join(' · '),
  ].filter(Boolean);
  for (const line of sellerLines) {
    w.text(line, MARGIN, y, 8.5, fonts.regular, GREY);
    y -= 11;
  }

  const title = titleOf(invoice).toUpperCase();
  w.right(title, A4[0] - MARGIN, w.y - 18, 18, fonts.bold);
  w.right(`N° ${invoice.number}`, A4[0] - MARGIN, w.y - 36, 11, fonts.bold);
  w.right(`Date : ${formatDateFr(invoice.issueDate)}`, A4[0] - MARGIN, w.y - 50, 9);
  if (invoice.credited)
    w.right(
      `Sur facture n° ${invoice.credited.number} du ${formatDateFr(invoice.credited.issueDate)}`,
      A4[0] - MARGIN,
      w.y - 63,
      9,
    );

  // Customer block on the right, as window envelopes expect.
  const boxX = 320;
  let by = Math.min(y, w.y - 80) - 10;
  const customerLines = [
    ...addressLines(customer.address),
    customer.siren ? `SIREN ${customer.siren}` : '',
    customer.vatNumber ? `N° TVA : ${customer.vatNumber}` : '',
  ].filter(Boolean);
  const boxHeight = 30 + customerLines.length * 11;
  w.page.drawRectangle({
    x: boxX - 8,
    y: by - boxHeight + 12,
    width: A4[0] - MARGIN - boxX + 8,
    height: boxHeight,
    borderColor: RULE,
    borderWidth: 0.7,
  });
  w.text('Client', boxX, by, 7.5, fonts.regular, GREY);
  by -= 13;
  w.text(customer.name, boxX, by, 10, fonts.bold);
  by -= 12;
  for (const line of customerLines) {
    w.text(line, boxX, by, 9);
    by -= 11;
  }

  let ly = Math.min(y, by) - 14;
  if (invoice.deliveryAddress) {
    w.text('Adresse de livraison', MARGIN, ly, 7.5, fonts.regular, GREY);
    ly -= 11;
    for (const line of addressLines(invoice.deliveryAddress)) {
      w.text(line, MARGIN, ly, 9);
      ly -= 11;
    }
    ly -= 4;
  }
  const facts = [
    `Date de la ${invoice.nature === 'services' ? 'prestation' : 'vente'} : ${formatDateFr(invoice.deliveryDate ?? invoice.issueDate)}`,
    invoice.dueDate && invoice.kind === 'invoice' ? `Échéance : ${formatDateFr(invoice.dueDate)}` : '',
    invoice.customerOrderRef ? `Votre commande : ${invoice.customerOrderRef}` : '',
    `Nature : ${NATURE_LABELS[invoice.nature]}`,
  ].filter(Boolean);
  for (const line of w.wrap(facts.join('   ·   '), A4[0] - 2 * MARGIN, 8.5)) {
    w.text(line, MARGIN, ly, 8.5);
    ly -= 11;
  }
  w.y = ly - 8;
}

function tableHeader(w: Writer): void {
  const { fonts } = w;
  w.page.drawRectangle({ x: MARGIN - 4, y: w.y - 5, width: A4[0] - 2 * MARGIN + 8, height: 16, color: BAND });
  const y = w.y;
  w.text('Désignation', COLUMNS.label, y, 8, fonts.bold);
  w.right('Qté', COLUMNS.qty, y, 8, fonts.bold);
  w.text('Unité', COLUMNS.unit, y, 8, fonts.bold);
  w.right('PU HT', COLUMNS.price, y, 8, fonts.bold);
  w.right('Remise', COLUMNS.discount, y, 8, fonts.bold);
  w.right('TVA', COLUMNS.vat, y, 8, fonts.bold);
  w.right('Montant HT', COLUMNS.total, y, 8, fonts.bold);
  w.y -= 20;
}

function lines(w: Writer): void {
  const { invoice, fonts } = w;
  tableHeader(w);
  for (const line of invoice.lines) {
    const label = line.code ? `${line.label} (${line.code})` : line.label;
    const labelLines = w.wrap(label, COLUMNS.labelWidth, 8.5);
    const descriptionLines = line.description ? w.wrap(line.description, COLUMNS.labelWidth, 7.5) : [];
    const height = labelLines.length * 11 + descriptionLines.length * 9.5 + 5;
    w.ensure(height, () => tableHeader(w));
    const y = w.y;
    labelLines.forEach((text, i) => {
      w.text(text, COLUMNS.label, y - i * 11, 8.5);
    });
    descriptionLines.forEach((text, i) => {
      w.text(text, COLUMNS.label, y - labelLines.length * 11 - i * 9.5, 7.5, fonts.regular, GREY);
    });
    w.right(quantityFr(line.quantity), COLUMNS.qty, y, 8.5);
    w.text(UNITS[line.unit as keyof typeof UNITS]?.short ?? line.unit, COLUMNS.unit, y, 8.5);
    w.right(priceFr(line.unitPrice), COLUMNS.price, y, 8.5);
    w.right(line.discount ? `${formatRate(line.discount)} %` : '', COLUMNS.discount, y, 8.5);
    w.right(
      line.vat.category === 'S' ? `${formatRate(line.vat.rate)} %` : line.vat.category === 'E' ? 'exo.' : '–',
      COLUMNS.vat,
      y,
      8.5,
    );
    w.right(formatAmount(line.amounts.net), COLUMNS.total, y, 8.5);
    w.y -= height;
    w.page.drawLine({
      start: { x: MARGIN, y: w.y + 8 },
      end: { x: A4[0] - MARGIN, y: w.y + 8 },
      thickness: 0.3,
      color: RULE,
    });
  }
}

function totals(w: Writer): void {
  const { invoice, fonts } = w;
  const t = invoice.totals;
  const rows: [string, string, boolean][] = [];
  if (t.allowanceTotal !== 0) {
    rows.push(['Total des lignes HT', formatAmount(t.lineTotal), false]);
    rows.push([
      `Remise globale ${formatRate(invoice.documentDiscount)} %`,
      `−${formatAmount(t.allowanceTotal)}`,
      false,
    ]);
  }
  rows.push(['Total HT', formatAmount(t.taxBasisTotal), true]);
  for (const b of t.vatBreakdown) {
    const label =
      b.category === 'S'
        ? `TVA ${formatRate(b.rate)} % sur ${formatAmount(b.taxableAmount)}`
        : `${b.category === 'E' ? 'Exonéré' : 'Hors champ'} sur ${formatAmount(b.taxableAmount)}`;
    rows.push([label, formatAmount(b.vatAmount), false]);
  }
  rows.push(['Total TVA', formatAmount(t.vatTotal), false]);
  rows.push(['Total TTC', formatAmount(t.grandTotal), true]);
  rows.push([
    invoice.totalLabel ?? (invoice.kind === 'credit_note' ? 'Montant de l’avoir' : 'Net à payer'),
    formatAmount(t.duePayable),
    true,
  ]);
  w.y -= 6;
  w.ensure(rows.length * 14 + 10);
  const labelX = 330;
  for (const [label, value, strong] of rows) {
    const font = strong ? fonts.bold : fonts.regular;
    w.text(label, labelX, w.y, 9, font);
    w.right(value, A4[0] - MARGIN, w.y, 9, font);
    w.y -= 14;
  }
}

function mentions(w: Writer): void {
  const { invoice, fonts } = w;
  const texts = legalMentions(invoice)
    .filter((m) => m.subject !== 'REG')
    .map((m) => m.text);
  if (invoice.paymentTerms) texts.unshift(`Conditions de paiement : ${invoice.paymentTerms}`);
  const { iban, bic } = invoice.issued.settings;
  if (iban && invoice.kind === 'invoice')
    texts.push(`Règlement par virement : IBAN ${iban}${bic ? ` · BIC ${bic}` : ''}.`);
  if (invoice.issued.settings.footer) texts.push(invoice.issued.settings.footer);
  w.y -= 8;
  w.ensure(24);
  w.text('Mentions et conditions', MARGIN, w.y, 8.5, fonts.bold);
  w.y -= 12;
  for (const text of texts) {
    const wrapped = w.wrap(text, A4[0] - 2 * MARGIN, 7.5);
    w.ensure(wrapped.length * 9.5);
    for (const line of wrapped) {
      w.text(line, MARGIN, w.y, 7.5);
      w.y -= 9.5;
    }
    w.y -= 2;
  }
}

function footers(w: Writer): void {
  const { invoice } = w;
  const { seller } = invoice.issued;
  const identity = [
    seller.name,
    sellerRegistration(invoice),
    seller.siret ? `SIRET ${seller.siret}` : seller.siren ? `SIREN ${seller.siren}` : null,
    seller.vatNumber ? `TVA ${seller.vatNumber}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  w.pages.forEach((page, i) => {
    w.page = page;
    page.drawLine({
      start: { x: MARGIN, y: 48 },
      end: { x: A4[0] - MARGIN, y: 48 },
      thickness: 0.3,
      color: RULE,
    });
    const line = w.wrap(identity, A4[0] - 2 * MARGIN - 60, 7)[0] ?? '';
    w.text(line, MARGIN, 36, 7, w.fonts.regular, GREY);
    w.right(`Page ${i + 1} / ${w.pages.length}`, A4[0] - MARGIN, 36, 7);
  });
}

/** Draws the invoice; returns the document for pdf-a3.ts to finish. */
export async function renderInvoice(invoice: IssuedInvoice): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const writer = new Writer(doc, await embedFonts(doc), invoice);
  writer.newPage();
  header(writer);
  lines(writer);
  totals(writer);
  mentions(writer);
  footers(writer);
  return doc;
}
