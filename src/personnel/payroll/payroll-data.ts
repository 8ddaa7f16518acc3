import file from '../../../data/payroll-2026.json' with { type: 'json' };

// The 2026 figures of data/payroll-2026.json as integers: money in cents, contribution rates in
// thousandths of a percent (0,024 % is 24, 6,90 % is 6900), RGDU parameters in ten-thousandths. The
// conversion happens once, here; the computation never sees a float amount.

const pct = (value: number) => Math.round(value * 1000);

function contribution(name: string) {
  const found = file.contributions.find((c) => c.name === name);
  if (!found) throw new Error(`data/payroll-2026.json : cotisation « ${name} » introuvable.`);
  return { employee: pct(found.employee_rate_pct ?? 0), employer: pct(found.employer_rate_pct ?? 0) };
}

export const PAYROLL_YEAR = file.year;

/** Plafond mensuel de la sécurité sociale, in cents. */
export const PSS = Math.round(file.pss.monthly_eur * 100);

/** SMIC hourly rates in cents, with the day each applies from (latest last). */
export const SMIC_HOURLY = file.smic.values.map((v) => ({
  from: v.from,
  cents: Math.round(v.hourly_gross_eur * 100),
}));

export const RATES = {
  health: contribution('Assurance maladie, maternité, invalidité, décès'),
  autonomy: contribution('Contribution solidarité autonomie (CSA)'),
  oldAgeCapped: contribution('Assurance vieillesse plafonnée'),
  oldAgeUncapped: contribution('Assurance vieillesse déplafonnée'),
  family: contribution('Allocations familiales'),
  housingSmall: contribution('FNAL (employeurs < 50 salariés)'),
  housingLarge: contribution('FNAL (employeurs >= 50 salariés)'),
  socialDialogue: contribution('Contribution au dialogue social'),
  unemployment: contribution('Assurance chômage'),
  wageGuarantee: contribution('AGS (garantie des salaires)'),
  pensionT1: contribution('Retraite complémentaire AGIRC-ARRCO tranche 1'),
  pensionT2: contribution('Retraite complémentaire AGIRC-ARRCO tranche 2'),
  cegT1: contribution("Contribution d'équilibre général (CEG) T1"),
  cegT2: contribution("Contribution d'équilibre général (CEG) T2"),
  cet: contribution("Contribution d'équilibre technique (CET)"),
  apec: contribution('APEC (cadres uniquement)'),
  csgDeductible: contribution('CSG déductible'),
  csgNonDeductible: contribution('CSG non déductible'),
  crds: contribution('CRDS'),
  trainingSmall: contribution('Contribution à la formation professionnelle (< 11 salariés)'),
  trainingLarge: contribution('Contribution à la formation professionnelle (>= 11 salariés)'),
  apprenticeshipTax: contribution("Taxe d'apprentissage (hors Alsace-Moselle)"),
} as const;

/** The CSG/CRDS abatement for professional expenses (1,75 %) in thousandths of a percent. */
export const CSG_ABATEMENT = pct(file.csg_base.abattement_pct);

const r = file.reduction_generale_2026;
/** RGDU parameters in ten-thousandths (0,3781 is 3781), P as the decree writes it. */
export const RGDU = {
  tmin: Math.round(r.Tmin * 10_000),
  tdeltaLessThan50: Math.round(r.Tdelta_less_than_50 * 10_000),
  tdelta50AndMore: Math.round(r.Tdelta_50_and_more * 10_000),
  power: r.P,
  exitThreshold: r.exit_threshold_smic,
};

/** The SMIC hourly rate in force on the first day of `month` (YYYY-MM). */
export function smicHourlyFor(month: string): number {
  const day = `${month}-01`;
  let cents = SMIC_HOURLY[0]!.cents;
  for (const v of SMIC_HOURLY) if (v.from <= day) cents = v.cents;
  return cents;
}
