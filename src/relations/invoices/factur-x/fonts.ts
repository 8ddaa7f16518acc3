import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

// DejaVu Sans, shipped in data/fonts (Bitstream Vera licence, see there): the product does not depend on
// the fonts of the machine, and PDF/A forbids the non-embedded standard 14 fonts.
const regularBytes = readFileSync(new URL('../../../../data/fonts/DejaVuSans.ttf', import.meta.url));
const boldBytes = readFileSync(new URL('../../../../data/fonts/DejaVuSans-Bold.ttf', import.meta.url));

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;

/**
 * Glyphs by plain character mapping, without OpenType shaping: fontkit's shaping (ligatures, kerning) was
 * 80 % of the time of a whole invoice (profiled), and an invoice needs neither; without ligatures the
 * text also copies out of the PDF exactly as written.
 */
function withPlainLayout(font: Font): Font {
  const plain = Object.create(font) as Font;
  plain.layout = ((text: string) => ({
    glyphs: [...text].map((c) => font.glyphForCodePoint(c.codePointAt(0)!)),
  })) as unknown as Font['layout'];
  return plain;
}

// Parsing a TrueType file costs more than drawing a whole invoice; pdf-lib parses on every embedFont, so
// the parsed font is kept per process (subsets are still made per document).
const parsed = new Map<Uint8Array, Font>();
const cachingFontkit: Fontkit = {
  create(data: Uint8Array) {
    let font = parsed.get(data);
    if (!font) {
      font = withPlainLayout((fontkit as unknown as Fontkit).create(data));
      parsed.set(data, font);
    }
    return font;
  },
};

export async function embedFonts(doc: PDFDocument) {
  doc.registerFontkit(cachingFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(regularBytes, { subset: true }),
    doc.embedFont(boldBytes, { subset: true }),
  ]);
  const font = cachingFontkit.create(regularBytes);
  /** Characters the font lacks become "?": a .notdef glyph is not allowed in PDF/A. */
  const printable = (text: string) =>
    [...text.replace(/\t/g, ' ')]
      .map((c) => (font.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : '?'))
      .join('');
  return { regular, bold, printable };
}
