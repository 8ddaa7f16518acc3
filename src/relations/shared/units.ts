/**
 * The units a line may use: UN/ECE recommendation 20 codes (what EN 16931 BT-130 requires), with the
 * French label and abbreviation shown on the invoice. A short list on purpose: the codes small
 * organisations use, all accepted by the EN 16931 code list.
 */
export const UNITS = {
  C62: { label: 'unité', short: 'u' },
  H87: { label: 'pièce', short: 'pce' },
  SET: { label: 'lot', short: 'lot' },
  HUR: { label: 'heure', short: 'h' },
  MIN: { label: 'minute', short: 'min' },
  DAY: { label: 'jour', short: 'j' },
  WEE: { label: 'semaine', short: 'sem.' },
  MON: { label: 'mois', short: 'mois' },
  ANN: { label: 'année', short: 'an' },
  KGM: { label: 'kilogramme', short: 'kg' },
  GRM: { label: 'gramme', short: 'g' },
  TNE: { label: 'tonne', short: 't' },
  LTR: { label: 'litre', short: 'l' },
  MTR: { label: 'mètre', short: 'm' },
  MTK: { label: 'mètre carré', short: 'm²' },
  MTQ: { label: 'mètre cube', short: 'm³' },
  KMT: { label: 'kilomètre', short: 'km' },
  KWH: { label: 'kilowattheure', short: 'kWh' },
} as const;

export type UnitCode = keyof typeof UNITS;
export const UNIT_CODES = Object.keys(UNITS) as [UnitCode, ...UnitCode[]];
