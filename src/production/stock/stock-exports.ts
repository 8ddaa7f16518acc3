import type { ReportTable } from '../../ledger/index.ts';
import type { ReorderDto, StockCardDto, StockStatusDto } from './contract.ts';

// The stock card, the stock status and the reorder proposal as neutral tables, drawn as PDF, XLSX or CSV
// by the ledger's renderReport (ADR 0008). Amounts stay cents; quantities are written the French way.

const q = (text: string) => text.replace('.', ',');
const d = (iso: string) => iso.split('-').reverse().join('/');
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function stockCardTable(card: StockCardDto): ReportTable {
  const { item } = card;
  const who = (l: StockCardDto['lines'][number]) =>
    [l.label, l.party ?? l.recipient, l.reference].filter(Boolean).join(' — ');
  return {
    title: `Fiche de stock — ${item.code} ${item.label}`,
    subtitle: `Unité : ${item.unit} · valorisation au CUMP après chaque entrée${card.from || card.to ? ` · ${card.from ? `du ${d(card.from)} ` : ''}${card.to ? `au ${d(card.to)}` : ''}` : ''}`,
    fileName: `fiche-de-stock-${slug(item.code)}`,
    landscape: true,
    columns: [
      { header: 'Date', kind: 'text', width: 1 },
      { header: 'Libellé', kind: 'text', width: 3 },
      { header: 'Entrées qté', kind: 'text', width: 1 },
      { header: 'Sorties qté', kind: 'text', width: 1 },
      { header: 'Coût unitaire', kind: 'amount' },
      { header: 'Montant', kind: 'amount' },
      { header: 'Stock qté', kind: 'text', width: 1 },
      { header: 'CUMP', kind: 'amount' },
      { header: 'Valeur du stock', kind: 'amount' },
    ],
    rows: [
      {
        cells: [
          card.from ? d(card.from) : '',
          'Stock initial',
          '',
          '',
          null,
          null,
          q(card.opening.quantity),
          card.opening.cump,
          card.opening.value,
        ],
        emphasis: true,
      },
      ...card.lines.map((l) => {
        const out = l.quantity.startsWith('-');
        return {
          cells: [
            d(l.date),
            who(l),
            out ? '' : q(l.quantity),
            out ? q(l.quantity.slice(1)) : '',
            l.unitCost,
            Math.abs(l.value),
            q(l.stockQuantity),
            l.cump,
            l.stockValue,
          ],
        };
      }),
      {
        cells: [
          '',
          'Totaux',
          q(card.totals.entriesQuantity),
          q(card.totals.exitsQuantity),
          null,
          null,
          q(card.item.quantity),
          card.item.cump,
          card.item.value,
        ],
        emphasis: true,
      },
    ],
  };
}

export function stockStatusTable(status: StockStatusDto): ReportTable {
  return {
    title: 'État des stocks',
    subtitle: `Au ${d(status.asOf)} · valeur au CUMP`,
    fileName: `etat-des-stocks-${status.asOf}`,
    landscape: true,
    columns: [
      { header: 'Référence', kind: 'text', width: 1 },
      { header: 'Désignation', kind: 'text', width: 3 },
      { header: 'Catégorie', kind: 'text', width: 1 },
      { header: 'Quantité', kind: 'text', width: 1 },
      { header: 'Unité', kind: 'text', width: 1 },
      { header: 'Seuil', kind: 'text', width: 1 },
      { header: 'CUMP', kind: 'amount' },
      { header: 'Valeur', kind: 'amount' },
      { header: 'Alerte', kind: 'text', width: 2 },
    ],
    rows: [
      ...status.items.map((i) => ({
        cells: [
          i.code,
          i.label,
          i.category === 'goods' ? 'Marchandise' : 'Fourniture',
          q(i.quantity),
          i.unit,
          q(i.reorderPoint),
          i.cump,
          i.value,
          i.underSafetyStock ? 'Sous le stock de sécurité' : i.toReorder ? 'À réapprovisionner' : '',
        ],
      })),
      { cells: ['', 'Total marchandises', '', '', '', '', null, status.totals.goods, ''], emphasis: true },
      { cells: ['', 'Total fournitures', '', '', '', '', null, status.totals.supplies, ''], emphasis: true },
      { cells: ['', 'Total', '', '', '', '', null, status.totals.all, ''], emphasis: true },
    ],
  };
}

export function reorderTable(proposal: ReorderDto): ReportTable {
  return {
    title: 'Proposition de réapprovisionnement',
    subtitle: `Au ${d(proposal.asOf)} · articles au seuil de réapprovisionnement ou en dessous`,
    fileName: `proposition-de-reapprovisionnement-${proposal.asOf}`,
    columns: [
      { header: 'Fournisseur', kind: 'text', width: 2 },
      { header: 'Référence', kind: 'text', width: 1 },
      { header: 'Désignation', kind: 'text', width: 3 },
      { header: 'En stock', kind: 'text', width: 1 },
      { header: 'À commander', kind: 'text', width: 1 },
      { header: 'Unité', kind: 'text', width: 1 },
      { header: 'Coût estimé', kind: 'amount' },
    ],
    rows: [
      ...proposal.lines.map((l) => ({
        cells: [
          l.item.supplier?.name ?? '(aucun fournisseur habituel)',
          l.item.code,
          l.item.label,
          q(l.item.quantity),
          q(l.quantity),
          l.item.unit,
          l.estimatedCost,
        ],
      })),
      {
        cells: ['', '', 'Total estimé', '', '', '', proposal.lines.reduce((t, l) => t + l.estimatedCost, 0)],
        emphasis: true,
      },
    ],
  };
}
