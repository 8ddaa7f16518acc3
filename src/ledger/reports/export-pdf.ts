import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { amountFr, type ReportTable } from './report-table.ts';

// The same approach as the invoices' PDF (src/relations/invoices/factur-x/fonts.ts), rewritten here because
// the ledger may import only the kernel: DejaVu Sans embedded from data/fonts, so the output does not depend
// on the machine's fonts, and glyphs mapped one per character (no ligatures) so the text copies out exactly.
const regularBytes = readFileSync(new URL('../../../data/fonts/DejaVuSans.ttf', import.meta.url));
const boldBytes = readFileSync(new URL('../../../data/fonts/DejaVuSans-Bold.ttf', import.meta.url));

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;

const parsed = new Map<Uint8Array, Font>();
const plainFontkit: Fontkit = {
  create(data: Uint8Array) {
    let font = parsed.get(data);
    if (!font) {
      const base = (fontkit as unknown as Fontkit).create(data);
      font = Object.create(base) as Font;
      font.layout = ((text: string) => ({
        glyphs: [...text].map((c) => base.glyphForCodePoint(c.codePointAt(0)!)),
      })) as unknown as Font['layout'];
      parsed.set(data, font);
    }
    return font;
  },
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 36;
const SIZE = 8;
const LINE = 12;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.42, 0.42, 0.46);
const RULE = rgb(0.75, 0.75, 0.78);

/** Cuts a text to a width, with an ellipsis: a report's columns never overlap. */
function fitWidth(text: string, font: PDFFont, width: number): string {
  if (font.widthOfTextAtSize(text, SIZE) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, SIZE) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Draws any report table on A4 pages, header repeated on each page, numbered « page n / N ». */
export async function tableToPdf(table: ReportTable, organisation: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${table.title} — ${organisation}`);
  doc.setCreator('Agora');
  doc.registerFontkit(plainFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(regularBytes, { subset: true }),
    doc.embedFont(boldBytes, { subset: true }),
  ]);
  const metrics = plainFontkit.create(regularBytes);
  const printable = (text: string) =>
    [...text.replace(/[\t\n\r]/g, ' ')]
      .map((c) => (metrics.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : '?'))
      .join('');

  const [w, h] = table.landscape ? [A4[1], A4[0]] : A4;
  const weights = table.columns.map((c) => c.width ?? (c.kind === 'amount' ? 1 : 2));
  const unit = (w - 2 * MARGIN) / weights.reduce((a, b) => a + b, 0);
  const lefts: number[] = [];
  weights.reduce((x, weight) => {
    lefts.push(x);
    return x + weight * unit;
  }, MARGIN);

  const pages: ReturnType<PDFDocument['addPage']>[] = [];
  let page = doc.addPage([w, h]);
  let y = 0;
  const row = (cells: (string | number | null)[], font: PDFFont) => {
    table.columns.forEach((c, i) => {
      const v = cells[i];
      if (v === null || v === undefined || v === '') return;
      const width = weights[i]! * unit - 4;
      const text = fitWidth(
        printable(c.kind === 'amount' && typeof v === 'number' ? amountFr(v) : String(v)),
        font,
        width,
      );
      const x = c.kind === 'amount' ? lefts[i]! + width - font.widthOfTextAtSize(text, SIZE) : lefts[i]!;
      page.drawText(text, { x, y, size: SIZE, font, color: INK });
    });
    y -= LINE;
  };
  const start = () => {
    pages.push(page);
    y = h - MARGIN;
    page.drawText(printable(table.title), { x: MARGIN, y: y - 6, size: 14, font: bold, color: INK });
    y -= 22;
    page.drawText(printable(`${organisation} — ${table.subtitle}`), {
      x: MARGIN,
      y,
      size: 9,
      font: regular,
      color: GREY,
    });
    y -= 18;
    // Headers too wide for their column break at the last space that fits, on two lines.
    const split = table.columns.map((c, i) => {
      const width = weights[i]! * unit - 4;
      if (bold.widthOfTextAtSize(c.header, SIZE) <= width) return [c.header, ''];
      const words = c.header.split(' ');
      let cut = words.length - 1;
      while (cut > 1 && bold.widthOfTextAtSize(words.slice(0, cut).join(' '), SIZE) > width) cut--;
      return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    });
    row(
      split.map((s) => s[0]!),
      bold,
    );
    if (split.some((s) => s[1]))
      row(
        split.map((s) => s[1]!),
        bold,
      );
    page.drawLine({
      start: { x: MARGIN, y: y + LINE - 3 },
      end: { x: w - MARGIN, y: y + LINE - 3 },
      color: RULE,
    });
  };
  start();
  for (const r of table.rows) {
    if (y < MARGIN + LINE) {
      page = doc.addPage([w, h]);
      start();
    }
    row(r.cells, r.emphasis ? bold : regular);
  }
  pages.forEach((p, i) => {
    const text = `page ${i + 1} / ${pages.length}`;
    p.drawText(text, {
      x: w - MARGIN - regular.widthOfTextAtSize(text, 7),
      y: MARGIN / 2,
      size: 7,
      font: regular,
      color: GREY,
    });
  });
  return doc.save();
}
