import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

// A French business letter on A4 (sender top left, recipient in the window on the right, place and date,
// sending mode, subject, body, signature), DejaVu Sans from data/fonts embedded with plain glyph mapping so
// the text copies out exactly (tests read it with pdftotext). Area 2 keeps this small writer rather than
// reaching into area 1's (as the training module does for the PFMP attestation).

const regularBytes = readFileSync(new URL('../../../../data/fonts/DejaVuSans.ttf', import.meta.url));
const boldBytes = readFileSync(new URL('../../../../data/fonts/DejaVuSans-Bold.ttf', import.meta.url));

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
const plainFontkit: Fontkit = {
  create(data: Uint8Array) {
    const font = (fontkit as unknown as Fontkit).create(data);
    const plain = Object.create(font) as Font;
    plain.layout = ((text: string) => ({
      glyphs: [...text].map((c) => font.glyphForCodePoint(c.codePointAt(0)!)),
    })) as unknown as Font['layout'];
    return plain;
  },
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 60;
const INK = rgb(0.1, 0.1, 0.12);

export type BusinessLetter = {
  title: string;
  sender: string[];
  recipient: string[];
  placeAndDate: string;
  /** « Lettre recommandée avec accusé de réception ». */
  sending: string;
  subject: string;
  references: string[];
  paragraphs: string[];
  signature: string[];
};

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

export async function businessLetterPdf(letter: BusinessLetter): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(letter.title);
  doc.setCreator('Agora');
  doc.setProducer('Agora');
  doc.registerFontkit(plainFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(regularBytes, { subset: true }),
    doc.embedFont(boldBytes, { subset: true }),
  ]);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const draw = (text: string, x: number, font: PDFFont = regular, size = 10.5) => {
    if (y < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
    page.drawText(text, { x, y, font, size, color: INK });
  };
  for (const [i, line] of letter.sender.entries()) {
    draw(line, MARGIN, i === 0 ? bold : regular, i === 0 ? 11 : 10);
    y -= 14;
  }
  // The recipient sits where a DL window envelope shows it.
  y = Math.min(y, A4[1] - 170);
  const right = A4[0] / 2 + 30;
  for (const [i, line] of letter.recipient.entries()) {
    draw(line, right, i === 0 ? bold : regular);
    y -= 14;
  }
  y -= 24;
  draw(letter.placeAndDate, right);
  y -= 30;
  draw(letter.sending, MARGIN, bold);
  y -= 18;
  for (const line of wrap(`Objet : ${letter.subject}`, bold, 10.5, width)) {
    draw(line, MARGIN, bold);
    y -= 15;
  }
  for (const reference of letter.references) {
    draw(reference, MARGIN);
    y -= 15;
  }
  y -= 16;
  for (const paragraph of letter.paragraphs) {
    for (const line of wrap(paragraph, regular, 10.5, width)) {
      draw(line, MARGIN);
      y -= 15;
    }
    y -= 9;
  }
  y -= 14;
  for (const line of letter.signature) {
    draw(line, right);
    y -= 15;
  }
  return doc.save({ useObjectStreams: false });
}
