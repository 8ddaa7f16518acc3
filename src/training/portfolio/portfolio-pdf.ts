import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { formatDateFr } from '../../kernel/dates/index.ts';
import type { PortfolioDto } from './contract.ts';

// The same approach as the other PDFs (src/relations/shared/simple-pdf.ts, src/ledger/reports/export-pdf.ts),
// rewritten here because the training module reaches the areas only through their index: DejaVu Sans
// embedded from data/fonts, glyphs mapped one per character so the text copies out exactly as written.
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
const MARGIN = 50;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.4, 0.4, 0.45);

const KIND_LABELS = { pfmp: 'Travail en PFMP', reflection: 'Réflexion', other: 'Autre' } as const;

class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly printable: (text: string) => string,
  ) {
    this.newPage();
  }
  private newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  private wrap(text: string, width: number, size: number, font: PDFFont): string[] {
    const lines: string[] = [];
    for (const paragraph of this.printable(text).split(/\r?\n/)) {
      let current = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !current) current = candidate;
        else {
          lines.push(current);
          current = word;
        }
      }
      lines.push(current);
    }
    return lines;
  }
  text(
    value: string,
    options: { size?: number; bold?: boolean; grey?: boolean; indent?: number; gap?: number } = {},
  ) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const x = MARGIN + (options.indent ?? 0);
    for (const line of this.wrap(value, A4[0] - MARGIN - x, size, font)) {
      if (this.y - size - 4 < MARGIN) this.newPage();
      this.y -= size + 3;
      this.page.drawText(line, { x, y: this.y, size, font, color: options.grey ? GREY : INK });
    }
    this.y -= options.gap ?? 4;
  }
  space(points: number) {
    this.y -= points;
  }
}

const dateFr = (iso: string) => formatDateFr(iso.slice(0, 10));

/** The portfolio as a PDF a student can hand to a jury: competencies, work done, their own entries. */
export async function portfolioPdf(portfolio: PortfolioDto): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Portfolio — ${portfolio.student.name}`);
  doc.setCreator('Agora');
  doc.setProducer('Agora');
  doc.registerFontkit(plainFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(regularBytes, { subset: true }),
    doc.embedFont(boldBytes, { subset: true }),
  ]);
  const metrics = plainFontkit.create(regularBytes);
  const printable = (text: string) =>
    [...text.replace(/\t/g, ' ')]
      .map((c) => (c === '\n' || metrics.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : '?'))
      .join('');
  const w = new Writer(doc, regular, bold, printable);

  w.text(`Portfolio de compétences — ${portfolio.student.name}`, { size: 16, bold: true, gap: 6 });
  w.text(
    `Classe : ${portfolio.student.className} · Référentiel : ${portfolio.referentielId} · Édité le ${formatDateFr(new Date().toISOString().slice(0, 10))}`,
    { size: 9, grey: true, gap: 14 },
  );

  w.text('Compétences montrées', { size: 13, bold: true, gap: 6 });
  if (portfolio.competencies.length === 0)
    w.text('Aucune compétence montrée pour l’instant.', { grey: true });
  for (const c of portfolio.competencies)
    w.text(`${c.code} ${c.title} — ${c.evidence} trace(s), ${c.entries} entrée(s)`, { size: 9, gap: 2 });
  w.space(12);

  w.text('Travaux réalisés dans les organisations simulées', { size: 13, bold: true, gap: 6 });
  if (portfolio.evidence.length === 0) w.text('Aucun travail enregistré pour l’instant.', { grey: true });
  for (const e of portfolio.evidence) {
    const document = [e.documentKind, e.documentLabel].filter(Boolean).join(' ');
    w.text(`${dateFr(e.at)} — ${e.label}${document ? ` : ${document}` : ''}`, {
      size: 9,
      bold: true,
      gap: 1,
    });
    w.text(`${e.scenarioTitle} · Compétences : ${e.competencies.join(', ') || '—'}`, {
      size: 8,
      grey: true,
      indent: 12,
      gap: 4,
    });
  }
  w.space(12);

  w.text('Mes entrées', { size: 13, bold: true, gap: 6 });
  if (portfolio.entries.length === 0) w.text('Aucune entrée pour l’instant.', { grey: true });
  for (const entry of portfolio.entries) {
    w.text(entry.title, { size: 11, bold: true, gap: 1 });
    w.text(`${KIND_LABELS[entry.kind]} · ${formatDateFr(entry.date)}`, { size: 8, grey: true, gap: 3 });
    if (entry.body) w.text(entry.body, { size: 10, gap: 3 });
    w.text(`Compétences : ${entry.competencies.join(', ') || '—'}`, { size: 8, grey: true, gap: 10 });
  }
  return doc.save({ useObjectStreams: false });
}
