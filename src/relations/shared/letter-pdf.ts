import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { embedFonts } from '../invoices/factur-x/fonts.ts';

// Letters (mail merge) and simple sheets (attendance) on A4 with the DejaVu fonts of data/fonts, glyphs
// mapped one per character, so pdftotext gives the words back exactly.

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const RULE = rgb(0.7, 0.7, 0.72);

export type Letter = { recipient: string[]; dateLine: string; subject: string; body: string };

/** Cuts a paragraph into lines no wider than `width`, word by word (a too-long word is cut). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** One or more pages per letter, in one PDF: what a mail merge prints. */
export async function lettersPdf(title: string, sender: string[], letters: Letter[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator('Agora');
  const { regular, bold, printable } = await embedFonts(doc);
  const width = A4[0] - 2 * MARGIN;
  for (const letter of letters) {
    let page = doc.addPage(A4);
    let y = A4[1] - MARGIN;
    const draw = (text: string, x: number, font: PDFFont, size: number) =>
      page.drawText(printable(text), { x, y, font, size, color: INK });
    for (const [i, line] of sender.entries()) {
      draw(line, MARGIN, i === 0 ? bold : regular, i === 0 ? 11 : 9);
      y -= 13;
    }
    y = A4[1] - MARGIN - 110;
    for (const line of letter.recipient) {
      draw(line, A4[0] / 2 + 20, regular, 10);
      y -= 14;
    }
    y -= 30;
    draw(letter.dateLine, A4[0] / 2 + 20, regular, 10);
    y -= 34;
    draw(`Objet : ${letter.subject}`, MARGIN, bold, 10);
    y -= 28;
    for (const line of wrap(letter.body, regular, 10, width)) {
      if (y < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      draw(line, MARGIN, regular, 10);
      y -= 14;
    }
  }
  if (letters.length === 0) doc.addPage(A4);
  return doc.save();
}

export type Sheet = {
  title: string;
  subtitle: string[];
  columns: { label: string; width: number }[];
  rows: string[][];
};

/** A ruled table with a header repeated on each page (attendance sheets: a blank column to sign). */
export async function sheetPdf(sheet: Sheet): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(sheet.title);
  doc.setCreator('Agora');
  const { regular, bold, printable } = await embedFonts(doc);
  const rowHeight = 28;
  let page: PDFPage;
  let y = 0;
  const clip = (text: string, font: PDFFont, width: number) => {
    let cut = printable(text);
    while (cut.length > 1 && font.widthOfTextAtSize(cut, 9) > width - 8) cut = cut.slice(0, -1);
    return cut;
  };
  const header = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
    page.drawText(printable(sheet.title), { x: MARGIN, y, font: bold, size: 14, color: INK });
    y -= 20;
    for (const line of sheet.subtitle) {
      page.drawText(printable(line), { x: MARGIN, y, font: regular, size: 10, color: INK });
      y -= 14;
    }
    y -= 10;
    let x = MARGIN;
    for (const column of sheet.columns) {
      page.drawText(clip(column.label, bold, column.width), { x: x + 4, y, font: bold, size: 9, color: INK });
      x += column.width;
    }
    y -= 8;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.8, color: RULE });
  };
  header();
  for (const row of sheet.rows) {
    if (y - rowHeight < MARGIN) header();
    y -= rowHeight;
    let x = MARGIN;
    for (const [i, column] of sheet.columns.entries()) {
      page!.drawText(clip(row[i] ?? '', regular, column.width), {
        x: x + 4,
        y: y + 10,
        font: regular,
        size: 9,
        color: INK,
      });
      x += column.width;
    }
    page!.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5, color: RULE });
  }
  return doc.save();
}
