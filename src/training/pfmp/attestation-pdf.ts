import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { formatDateFr } from '../../kernel/dates/index.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import type { AttestationData } from './pfmp.ts';

// The PFMP attestation (lieu, dates, weeks and days done, activities), signed by the host organisation:
// it conditions admission to the exam (référentiel, section pfmp). A4, DejaVu Sans embedded (data/fonts)
// with plain glyph mapping — no ligatures — so the text copies out exactly (tests read it with pdftotext),
// as the relations module's letters do; the training module keeps its own small writer rather than
// reaching into another area.

const regularBytes = readFileSync(new URL('../../../data/fonts/DejaVuSans.ttf', import.meta.url));
const boldBytes = readFileSync(new URL('../../../data/fonts/DejaVuSans-Bold.ttf', import.meta.url));

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
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const LEVELS = { seconde: 'seconde', premiere: 'première', terminale: 'terminale' } as const;

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  line(text: string, { size = 10, bold = false, gap = 4 } = {}) {
    const font = bold ? this.bold : this.regular;
    const width = A4[0] - 2 * MARGIN;
    const words = text.replace(/\t/g, ' ').split(/ +/);
    let current = '';
    const lines: string[] = [];
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (!current || font.widthOfTextAtSize(candidate, size) <= width) current = candidate;
      else {
        lines.push(current);
        current = word;
      }
    }
    lines.push(current);
    for (const l of lines) {
      if (this.y - size < MARGIN) {
        this.page = this.doc.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      this.y -= size + 3;
      this.page.drawText(l, { x: MARGIN, y: this.y, size, font, color: INK });
    }
    this.y -= gap;
  }

  space(points: number) {
    this.y -= points;
  }
}

const days = (n: number) => `${n} jour${n > 1 ? 's' : ''}`;
const weeks = (n: number) => `${n.toLocaleString('fr-FR')} semaine${n >= 2 ? 's' : ''}`;

export async function attestationPdf(data: AttestationData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Attestation de PFMP — ${data.student.name}`);
  doc.setCreator('Agora');
  doc.setProducer('Agora');
  doc.registerFontkit(plainFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(regularBytes, { subset: true }),
    doc.embedFont(boldBytes, { subset: true }),
  ]);
  const w = new Writer(doc, regular, bold);
  const { agreement, host } = data;
  const present = agreement.periods.reduce((s, p) => s + p.daysPresent, 0);
  const weeksDone = Math.round((present / 5) * 10) / 10;

  w.line('Attestation de PFMP', { size: 16, bold: true, gap: 2 });
  w.line('Période de formation en milieu professionnel', { size: 11, bold: true, gap: 2 });
  w.line(`${data.diploma} — classe de ${LEVELS[agreement.level]}, année scolaire ${agreement.schoolYear}`, {
    gap: 14,
  });
  w.line('Établissement de formation', { bold: true });
  w.line(data.schoolName, { gap: 10 });
  w.line('Élève', { bold: true });
  w.line(`${data.student.name} (${data.student.className})`, { gap: 10 });
  w.line('Lieu de la formation : organisation d’accueil', { bold: true });
  w.line(host.name);
  w.line(host.address);
  if (host.siret) w.line(`SIRET : ${host.siret}`);
  w.line(`Secteur : ${host.sector}`);
  if (agreement.tutor) w.line(`Tuteur : ${agreement.tutor.name}, ${agreement.tutor.function}`);
  w.space(8);
  w.line('Périodes', { bold: true });
  for (const p of agreement.periods) {
    w.line(
      `Du ${formatDateFr(p.startsOn)} au ${formatDateFr(p.endsOn)} : ${days(p.daysPresent)} effectué${p.daysPresent > 1 ? 's' : ''} sur ${days(p.plannedDays)} prévu${p.plannedDays > 1 ? 's' : ''}` +
        (p.daysAbsentJustified + p.daysAbsentUnjustified > 0
          ? ` (absences : ${p.daysAbsentJustified} justifiée(s), ${p.daysAbsentUnjustified} non justifiée(s))`
          : ''),
    );
  }
  w.space(4);
  w.line(`Durée effectuée : ${weeks(weeksDone)} (${days(present)} de présence).`, { bold: true, gap: 10 });
  w.line('Activités réalisées au regard du référentiel', { bold: true });
  if (data.activities.length === 0) w.line('Aucune activité cochée.');
  for (const a of data.activities) w.line(`${a.code} — ${a.title}`);
  w.space(8);
  const owed = agreement.periods.reduce((s, p) => s + p.allowanceCents, 0);
  if (agreement.status === 'signed')
    w.line(
      `Allocation de PFMP correspondante (décret n° 2023-765 du 11 août 2023, avant plafond annuel) : ${formatAmount(owed)}.`,
      { size: 9, gap: 16 },
    );
  w.line('Fait à ______________________, le ____ / ____ / ________', { gap: 18 });
  w.line('Pour l’organisation d’accueil (nom, qualité, signature et cachet) :', { gap: 50 });
  w.line('Pour l’établissement (le chef d’établissement ou son représentant) :', { gap: 40 });
  return doc.save({ useObjectStreams: false });
}
