import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { embedFonts } from '../invoices/factur-x/fonts.ts';

// A small A4 writer for the relations module's plain documents (reminder letters, cheque deposit slips):
// paragraphs that wrap, right-aligned amount columns, new pages as needed. DejaVu Sans embedded as on the
// invoices, so the text copies out of the PDF exactly as written (tests read it with pdftotext).

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const INK = rgb(0.1, 0.1, 0.12);
const RULE = rgb(0.75, 0.75, 0.78);

export type Column = { header: string; width: number; align?: 'left' | 'right' };

export class SimplePdf {
  private page!: PDFPage;
  private y = 0;
  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Awaited<ReturnType<typeof embedFonts>>,
  ) {
    this.newPage();
  }

  static async create(title: string): Promise<SimplePdf> {
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setCreator('Agora');
    doc.setProducer('Agora');
    return new SimplePdf(doc, await embedFonts(doc));
  }

  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }

  private wrap(text: string, width: number, size: number, font: PDFFont): string[] {
    const lines: string[] = [];
    for (const paragraph of this.fonts.printable(text).split(/\r?\n/)) {
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

  /** A paragraph, wrapped to the page width (or to `width` from `x`, right-aligned on request). */
  paragraph(
    text: string,
    options: {
      size?: number;
      bold?: boolean;
      x?: number;
      width?: number;
      gap?: number;
      right?: boolean;
    } = {},
  ): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const x = MARGIN + (options.x ?? 0);
    const width = options.width ?? this.width - (options.x ?? 0);
    for (const line of this.wrap(text, width, size, font)) {
      this.ensure(size + 4);
      this.y -= size + 3;
      const dx = options.right ? width - font.widthOfTextAtSize(line, size) : 0;
      this.page.drawText(line, { x: x + dx, y: this.y, size, font, color: INK });
    }
    this.y -= options.gap ?? 6;
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A table: header in bold, one row per array, a rule under the header and above the last row if `totalRow`. */
  table(columns: Column[], rows: string[][], options: { totalRow?: boolean; size?: number } = {}): void {
    const size = options.size ?? 9;
    const drawRow = (cells: string[], font: PDFFont) => {
      this.ensure(size + 6);
      this.y -= size + 5;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        let text = this.fonts.printable(cell);
        while (text.length > 1 && font.widthOfTextAtSize(text, size) > column.width - 4)
          text = `${text.slice(0, -2)}…`;
        const dx = column.align === 'right' ? column.width - 4 - font.widthOfTextAtSize(text, size) : 0;
        this.page.drawText(text, { x: x + dx, y: this.y, size, font, color: INK });
        x += column.width;
      });
    };
    const rule = () =>
      this.page.drawLine({
        start: { x: MARGIN, y: this.y - 3 },
        end: { x: MARGIN + columns.reduce((s, c) => s + c.width, 0), y: this.y - 3 },
        thickness: 0.5,
        color: RULE,
      });
    drawRow(
      columns.map((c) => c.header),
      this.fonts.bold,
    );
    rule();
    rows.forEach((row, i) => {
      const last = options.totalRow && i === rows.length - 1;
      if (last) {
        this.y -= 2;
        rule();
      }
      drawRow(row, last ? this.fonts.bold : this.fonts.regular);
    });
    this.y -= 10;
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false });
  }
}
