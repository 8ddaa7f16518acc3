import { formatDateFr } from '../../kernel/dates/index.ts';
import { formatAmount } from '../../kernel/money/index.ts';
import type { OrganisationDto } from '../../kernel/organisations/contract.ts';
import { SimplePdf } from '../shared/simple-pdf.ts';
import type { ReminderDto } from './contract.ts';

// The French letters of the three reminder levels. The same paragraphs make the PDF and the email body.

const percent = (rate: string) => `${rate.replace('.', ',')} %`;

export type Letter = { title: string; opening: string[]; closing: string[] };

export function reminderLetter(reminder: ReminderDto, org: Pick<OrganisationDto, 'name'>): Letter {
  const business = reminder.recoveryFees > 0;
  const total = formatAmount(reminder.total);
  const principal = formatAmount(reminder.principal);
  const several = reminder.invoices.length > 1;
  const invoicesText = several ? 'des factures suivantes' : 'de la facture suivante';
  const law = business
    ? 'Conformément à l’article L441-10 du Code de commerce, tout retard de paiement fait courir de plein droit des pénalités de retard, dès le lendemain de l’échéance, et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5).'
    : null;
  const rates = [...new Set(reminder.invoices.map((i) => percent(i.penaltyRate)))].join(', ');
  const method = business
    ? `Pénalités calculées au taux annuel de ${rates} : reste dû × taux × jours de retard ÷ 365, arrondies au centime le plus proche.`
    : null;
  const byLevel: Record<number, Letter> = {
    1: {
      title: 'Relance amiable',
      opening: [
        'Madame, Monsieur,',
        `Sauf erreur ou omission de notre part, nous n’avons pas encore reçu le règlement ${invoicesText}, arrivée${several ? 's' : ''} à échéance :`,
      ],
      closing: [
        `Nous vous remercions de bien vouloir nous régler la somme de ${principal} dans les meilleurs délais. Si votre paiement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce courrier.`,
        ...(law
          ? [
              `${law} À ce jour, elles s’élèvent à ${formatAmount(reminder.penalties + reminder.recoveryFees)}.`,
            ]
          : []),
      ],
    },
    2: {
      title: 'Relance ferme',
      opening: [
        'Madame, Monsieur,',
        `Malgré notre précédente relance, le règlement ${invoicesText} reste impayé à ce jour :`,
      ],
      closing: [
        ...(law ? [law] : []),
        `Nous vous demandons de nous régler sous huit jours la somme de ${total}${business ? ', pénalités et indemnités comprises' : ''}. Sans paiement de votre part dans ce délai, nous vous adresserons une mise en demeure.`,
      ],
    },
    3: {
      title: 'Mise en demeure de payer',
      opening: [
        'Lettre recommandée avec accusé de réception',
        'Madame, Monsieur,',
        `Malgré nos relances, ${several ? 'les factures suivantes restent impayées' : 'la facture suivante reste impayée'} :`,
      ],
      closing: [
        ...(law ? [law] : []),
        `Par la présente, nous vous mettons en demeure de nous régler la somme de ${total} dans un délai de quinze jours à compter de la réception de cette lettre.`,
        'À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure de recouvrement judiciaire (injonction de payer), dont les frais resteront à votre charge.',
      ],
    },
  };
  const letter = byLevel[reminder.level]!;
  return {
    title: letter.title,
    opening: letter.opening,
    closing: [
      ...(method ? [method] : []),
      ...letter.closing,
      'Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
      org.name,
    ],
  };
}

/** The figures of the letter as lines of text (the email body reuses them). */
export function summaryLines(reminder: ReminderDto): string[] {
  const lines = reminder.invoices.map(
    (i) =>
      `Facture ${i.number} échue le ${formatDateFr(i.dueDate)} : reste dû ${formatAmount(i.remaining)}, ${i.daysLate} jours de retard${
        i.recoveryFee > 0
          ? `, pénalités ${formatAmount(i.penalty)} (${percent(i.penaltyRate)}), indemnité ${formatAmount(i.recoveryFee)}`
          : ''
      }.`,
  );
  lines.push(`Montant restant dû : ${formatAmount(reminder.principal)}`);
  if (reminder.recoveryFees > 0) {
    lines.push(`Pénalités de retard : ${formatAmount(reminder.penalties)}`);
    lines.push(`Indemnités forfaitaires pour frais de recouvrement : ${formatAmount(reminder.recoveryFees)}`);
  }
  lines.push(`Total réclamé : ${formatAmount(reminder.total)}`);
  return lines;
}

export function reminderEmailText(reminder: ReminderDto, org: Pick<OrganisationDto, 'name'>): string {
  const letter = reminderLetter(reminder, org);
  return [
    `${letter.title} – ${formatDateFr(reminder.date)}`,
    '',
    ...letter.opening,
    '',
    ...summaryLines(reminder),
    '',
    ...letter.closing,
    '',
    'La lettre est jointe au format PDF.',
  ].join('\n');
}

export async function reminderPdfBytes(
  reminder: ReminderDto,
  org: Pick<OrganisationDto, 'name' | 'addressLine1' | 'postalCode' | 'city'>,
  customerAddress: string[],
): Promise<Uint8Array> {
  const letter = reminderLetter(reminder, org);
  const pdf = await SimplePdf.create(`${letter.title} – ${reminder.customerName}`);
  pdf.paragraph(org.name, { bold: true, size: 11, gap: 0 });
  if (org.addressLine1) pdf.paragraph(org.addressLine1, { gap: 0 });
  if (org.postalCode || org.city)
    pdf.paragraph(`${org.postalCode ?? ''} ${org.city ?? ''}`.trim(), { gap: 0 });
  pdf.space(10);
  for (const line of [reminder.customerName, ...customerAddress])
    pdf.paragraph(line, { x: 280, gap: 0, bold: line === reminder.customerName });
  pdf.space(10);
  pdf.paragraph(`${org.city ? `${org.city}, le` : 'Le'} ${formatDateFr(reminder.date)}`, { x: 280, gap: 14 });
  pdf.paragraph(`Objet : ${letter.title}${reminder.level === 3 ? '' : ' – factures impayées'}`, {
    bold: true,
    gap: 10,
  });
  for (const p of letter.opening) pdf.paragraph(p);
  const business = reminder.recoveryFees > 0;
  const rows = reminder.invoices.map((i) => [
    i.number,
    formatDateFr(i.dueDate),
    formatAmount(i.remaining),
    String(i.daysLate),
    ...(business ? [percent(i.penaltyRate), formatAmount(i.penalty), formatAmount(i.recoveryFee)] : []),
  ]);
  rows.push([
    'Total',
    '',
    formatAmount(reminder.principal),
    '',
    ...(business ? ['', formatAmount(reminder.penalties), formatAmount(reminder.recoveryFees)] : []),
  ]);
  pdf.table(
    [
      { header: 'Facture', width: 90 },
      { header: 'Échéance', width: 62 },
      { header: 'Reste dû', width: 75, align: 'right' },
      { header: 'Jours', width: 38, align: 'right' },
      ...(business
        ? [
            { header: 'Taux', width: 52, align: 'right' as const },
            { header: 'Pénalités', width: 88, align: 'right' as const },
            { header: 'Indemnité', width: 90, align: 'right' as const },
          ]
        : []),
    ],
    rows,
    { totalRow: true },
  );
  pdf.paragraph(`Total réclamé : ${formatAmount(reminder.total)}`, { bold: true, gap: 10 });
  for (const p of letter.closing) pdf.paragraph(p);
  return pdf.save();
}
