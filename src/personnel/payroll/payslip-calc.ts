import { divideRounded } from '../../kernel/money/rounding.ts';
import { CSG_ABATEMENT, PSS, RATES, RGDU, smicHourlyFor } from './payroll-data.ts';

// One month's payslip, pure (decision 0036): from the employee's contract, the month's pay items and the
// organisation's settings to the gross, each contribution line, the RGDU, the nets, the withholding tax
// and the employer cost. Money is integer cents; contribution rates are thousandths of a percent (6,90 %
// is 6900); each amount is rounded half up to the cent once, from exact integer products.

export type HeadcountBand = 'lt11' | '11to49' | 'ge50';
export const HEADCOUNT_BANDS: readonly HeadcountBand[] = ['lt11', '11to49', 'ge50'];

export type PayrollSettings = {
  headcountBand: HeadcountBand;
  /** AT/MP rate notified to the establishment, hundredths of a percent (0,70 % is 70). */
  atMpRate: number;
  /** Versement mobilité rate, hundredths of a percent; only due from 11 employees. */
  mobilityRate: number;
};

export type PayItems = {
  /** Overtime paid at +25 % (36th to 43rd hour), hundredths of an hour. */
  overtime25Hours: number;
  /** Overtime paid at +50 % (from the 44th hour), hundredths of an hour. */
  overtime50Hours: number;
  /** Bonuses subject to contributions, cents. */
  bonus: number;
  /** Unpaid absence, hundredths of an hour, deducted at the hourly rate. */
  absenceHours: number;
};

export const NO_PAY_ITEMS: PayItems = { overtime25Hours: 0, overtime50Hours: 0, bonus: 0, absenceHours: 0 };

export type PayslipEmployee = {
  category: 'employee' | 'executive';
  /** Hundredths of an hour a week (3500 is 35 h). */
  weeklyHours: number;
  monthlyGross: number;
  /** Withholding tax rate, hundredths of a percent. */
  taxRate: number;
};

/** The headings of the simplified payslip (arrêté du 25 février 2016), in its order. */
export type ContributionGroup =
  | 'health'
  | 'work_accident'
  | 'retirement'
  | 'family'
  | 'unemployment'
  | 'other_employer'
  | 'csg_crds'
  | 'employee_exemption'
  | 'exemption';

/** Who collects the line: URSSAF (431) or the Agirc-Arrco complementary pension (437). */
export type Collector = 'urssaf' | 'agirc_arrco';

export type PayslipLine = {
  code: string;
  label: string;
  group: ContributionGroup;
  collector: Collector;
  /** Account charged with the employer's part (class 6 of data/pcg.json). */
  expenseAccount: string;
  base: number;
  /** Thousandths of a percent, null when the side owes nothing. */
  employeeRate: number | null;
  employeeAmount: number;
  employerRate: number | null;
  /** Negative for the RGDU. */
  employerAmount: number;
};

export type Payslip = {
  month: string;
  /** Hundredths of an hour: the contract's monthly hours (35 h → 151,67 h). */
  monthlyHours: number;
  /** Hourly rate in hundredths of a cent (1 202,00 c is 120200). */
  hourlyRate: number;
  baseSalary: number;
  overtime25Pay: number;
  overtime50Pay: number;
  bonus: number;
  absenceDeduction: number;
  gross: number;
  pss: number;
  lines: PayslipLine[];
  rgdu: {
    /** SMIC of the month for the hours paid, cents (rounded for display; the ratio uses it exactly). */
    smic: number;
    /** Coefficient in ten-thousandths (0,3981 is 3981). */
    coefficient: number;
    amount: number;
  };
  totalEmployee: number;
  totalEmployer: number;
  netSocial: number;
  netBeforeTax: number;
  taxable: number;
  /** Overtime pay exempt of income tax (net of its deductible contributions), cents. */
  overtimeTaxExempt: number;
  taxRate: number;
  withholdingTax: number;
  netToPay: number;
  employerCost: number;
};

const big = BigInt;
/** a × b ÷ c, rounded half up, exact. */
const mulDiv = (a: number, b: number, c: number) => Number(divideRounded(big(a) * big(b), big(c), 'halfUp'));
/** A rate in thousandths of a percent applied to a base in cents. */
const rateOf = (base: number, rate: number) => mulDiv(base, rate, 100_000);

/** The contract's monthly hours, hundredths: weekly × 52 ÷ 12 rounded (35 h → 151,67 h). */
export function monthlyHoursOf(weeklyHours: number): number {
  return mulDiv(weeklyHours, 52, 12);
}

/**
 * The RGDU coefficient of the month (CSS D241-7, decree 2025-887): Tmin + Tdelta × [½ × (3 × SMIC ÷ pay −
 * 1)]^P, capped at Tmin + Tdelta, nil from 3 SMIC, rounded to four decimals. `smic1200` is the SMIC of the
 * hours paid × 1 200 (cents × hundredths of an hour × 12), so that the ratio is exact up to the power.
 */
export function rgduCoefficient(gross: number, smic1200: bigint, band: HeadcountBand): number {
  if (gross <= 0) return 0;
  const pay1200 = big(gross) * 1200n;
  if (pay1200 >= big(RGDU.exitThreshold) * smic1200) return 0;
  const tdelta = band === 'ge50' ? RGDU.tdelta50AndMore : RGDU.tdeltaLessThan50;
  const ratio = Number(smic1200) / Number(pay1200);
  const bracket = 0.5 * (RGDU.exitThreshold * ratio - 1);
  const c = RGDU.tmin / 10_000 + (tdelta / 10_000) * bracket ** RGDU.power;
  return Math.min(Math.round(c * 10_000), RGDU.tmin + tdelta);
}

/**
 * The employee old-age contributions on overtime are reduced (CSS L241-17, D241-21): overtime pay × the
 * effective rate of those contributions, at most 11,31 % — the sum of the general rates 6,90 + 0,40 + 3,15
 * + 0,86. `oldAgeWeighted` is Σ rate × base of the employee's old-age lines (thousandths of a percent ×
 * cents), so the effective rate is oldAgeWeighted ÷ gross, unrounded. MSA's example: 500 € of overtime at
 * 11,31 % → 56,55 €.
 */
export function overtimeContributionReduction(
  overtimePay: number,
  oldAgeWeighted: number,
  gross: number,
): number {
  if (overtimePay <= 0 || gross <= 0) return 0;
  return mulDiv(overtimePay, Math.min(OVERTIME_REDUCTION_CAP * gross, oldAgeWeighted), 100_000 * gross);
}

/** 11,31 %: the general employee old-age rates (vieillesse plafonnée, déplafonnée, Agirc-Arrco T1, CEG T1). */
export const OVERTIME_REDUCTION_CAP =
  RATES.oldAgeCapped.employee +
  RATES.oldAgeUncapped.employee +
  RATES.pensionT1.employee +
  RATES.cegT1.employee;

/** The employee contributions that count as old-age insurance, base and complementary (D241-21). */
const OLD_AGE_CODES = new Set([
  'old_age_capped',
  'old_age_uncapped',
  'pension_t1',
  'ceg_t1',
  'pension_t2',
  'ceg_t2',
  'cet',
]);

type LineSpec = Omit<PayslipLine, 'employeeAmount' | 'employerAmount'>;

function line(spec: LineSpec): PayslipLine {
  return {
    ...spec,
    employeeAmount: spec.employeeRate === null ? 0 : rateOf(spec.base, spec.employeeRate),
    employerAmount: spec.employerRate === null ? 0 : rateOf(spec.base, spec.employerRate),
  };
}

const orNull = (rate: number) => (rate === 0 ? null : rate);

export function computePayslip(input: {
  employee: PayslipEmployee;
  month: string;
  items: PayItems;
  settings: PayrollSettings;
}): Payslip {
  const { employee, month, items, settings } = input;
  const monthlyHours = monthlyHoursOf(employee.weeklyHours);
  const base = employee.monthlyGross;
  // Hourly rate = monthly gross ÷ monthly hours; each amount is computed from the fraction, rounded once.
  const overtime25Pay = mulDiv(base * 125, items.overtime25Hours, monthlyHours * 100);
  const overtime50Pay = mulDiv(base * 150, items.overtime50Hours, monthlyHours * 100);
  const absenceDeduction = Math.min(base, mulDiv(base, items.absenceHours, monthlyHours));
  const gross = base + overtime25Pay + overtime50Pay + items.bonus - absenceDeduction;

  const trancheA = Math.min(gross, PSS);
  const tranche2 = Math.min(Math.max(gross - PSS, 0), 7 * PSS);
  const upTo4Pss = Math.min(gross, 4 * PSS);
  const small = settings.headcountBand !== 'ge50';
  const lines: PayslipLine[] = [];
  const add = (spec: LineSpec) => {
    if (spec.base > 0 && (spec.employeeRate !== null || spec.employerRate !== null)) lines.push(line(spec));
  };
  const urssaf = { collector: 'urssaf' as const, expenseAccount: '6451' };
  const pension = { collector: 'agirc_arrco' as const, expenseAccount: '6453' };

  add({
    ...urssaf,
    code: 'health',
    label: 'Sécurité sociale – maladie, maternité, invalidité, décès',
    group: 'health',
    base: gross,
    employeeRate: orNull(RATES.health.employee),
    employerRate: RATES.health.employer,
  });
  add({
    ...urssaf,
    code: 'at_mp',
    label: 'Accidents du travail – maladies professionnelles',
    group: 'work_accident',
    base: gross,
    employeeRate: null,
    employerRate: orNull(settings.atMpRate * 10),
  });
  add({
    ...urssaf,
    code: 'old_age_capped',
    label: 'Sécurité sociale plafonnée',
    group: 'retirement',
    base: trancheA,
    employeeRate: RATES.oldAgeCapped.employee,
    employerRate: RATES.oldAgeCapped.employer,
  });
  add({
    ...urssaf,
    code: 'old_age_uncapped',
    label: 'Sécurité sociale déplafonnée',
    group: 'retirement',
    base: gross,
    employeeRate: RATES.oldAgeUncapped.employee,
    employerRate: RATES.oldAgeUncapped.employer,
  });
  add({
    ...pension,
    code: 'pension_t1',
    label: 'Complémentaire Agirc-Arrco tranche 1',
    group: 'retirement',
    base: trancheA,
    employeeRate: RATES.pensionT1.employee,
    employerRate: RATES.pensionT1.employer,
  });
  add({
    ...pension,
    code: 'ceg_t1',
    label: 'Contribution d’équilibre général tranche 1',
    group: 'retirement',
    base: trancheA,
    employeeRate: RATES.cegT1.employee,
    employerRate: RATES.cegT1.employer,
  });
  add({
    ...pension,
    code: 'pension_t2',
    label: 'Complémentaire Agirc-Arrco tranche 2',
    group: 'retirement',
    base: tranche2,
    employeeRate: RATES.pensionT2.employee,
    employerRate: RATES.pensionT2.employer,
  });
  add({
    ...pension,
    code: 'ceg_t2',
    label: 'Contribution d’équilibre général tranche 2',
    group: 'retirement',
    base: tranche2,
    employeeRate: RATES.cegT2.employee,
    employerRate: RATES.cegT2.employer,
  });
  // The CET is due on the whole pay (up to 8 PSS) only when the pay exceeds the PSS.
  if (gross > PSS)
    add({
      ...pension,
      code: 'cet',
      label: 'Contribution d’équilibre technique',
      group: 'retirement',
      base: Math.min(gross, 8 * PSS),
      employeeRate: RATES.cet.employee,
      employerRate: RATES.cet.employer,
    });
  add({
    ...urssaf,
    code: 'family',
    label: 'Famille – allocations familiales',
    group: 'family',
    base: gross,
    employeeRate: null,
    employerRate: RATES.family.employer,
  });
  add({
    collector: 'urssaf',
    expenseAccount: '6454',
    code: 'unemployment',
    label: 'Assurance chômage',
    group: 'unemployment',
    base: upTo4Pss,
    employeeRate: orNull(RATES.unemployment.employee),
    employerRate: RATES.unemployment.employer,
  });
  add({
    collector: 'urssaf',
    expenseAccount: '6454',
    code: 'ags',
    label: 'Garantie des salaires (AGS)',
    group: 'unemployment',
    base: upTo4Pss,
    employeeRate: null,
    employerRate: RATES.wageGuarantee.employer,
  });
  if (employee.category === 'executive')
    add({
      ...pension,
      code: 'apec',
      label: 'APEC (cadres)',
      group: 'other_employer',
      base: upTo4Pss,
      employeeRate: RATES.apec.employee,
      employerRate: RATES.apec.employer,
    });
  add({
    ...urssaf,
    code: 'csa',
    label: 'Contribution solidarité autonomie',
    group: 'other_employer',
    base: gross,
    employeeRate: null,
    employerRate: RATES.autonomy.employer,
  });
  add({
    ...urssaf,
    code: 'fnal',
    label: small ? 'FNAL (moins de 50 salariés)' : 'FNAL (50 salariés et plus)',
    group: 'other_employer',
    base: small ? trancheA : gross,
    employeeRate: null,
    employerRate: small ? RATES.housingSmall.employer : RATES.housingLarge.employer,
  });
  add({
    ...urssaf,
    code: 'social_dialogue',
    label: 'Contribution au dialogue social',
    group: 'other_employer',
    base: gross,
    employeeRate: null,
    employerRate: RATES.socialDialogue.employer,
  });
  add({
    collector: 'urssaf',
    expenseAccount: '6333',
    code: 'training',
    label:
      settings.headcountBand === 'lt11'
        ? 'Formation professionnelle (moins de 11 salariés)'
        : 'Formation professionnelle (11 salariés et plus)',
    group: 'other_employer',
    base: gross,
    employeeRate: null,
    employerRate:
      settings.headcountBand === 'lt11' ? RATES.trainingSmall.employer : RATES.trainingLarge.employer,
  });
  add({
    collector: 'urssaf',
    expenseAccount: '6333',
    code: 'apprenticeship_tax',
    label: 'Taxe d’apprentissage',
    group: 'other_employer',
    base: gross,
    employeeRate: null,
    employerRate: RATES.apprenticeshipTax.employer,
  });
  if (settings.headcountBand !== 'lt11')
    add({
      collector: 'urssaf',
      expenseAccount: '6331',
      code: 'mobility',
      label: 'Versement mobilité',
      group: 'other_employer',
      base: gross,
      employeeRate: null,
      employerRate: orNull(settings.mobilityRate * 10),
    });

  // CSG/CRDS: gross less the 1,75 % abatement, the abatement limited to 4 PSS (CSS L136-1-2).
  const csgBase = gross - rateOf(upTo4Pss, CSG_ABATEMENT);
  const csg = { ...urssaf, group: 'csg_crds' as const, base: csgBase, employerRate: null };
  add({
    ...csg,
    code: 'csg_deductible',
    label: 'CSG déductible de l’impôt sur le revenu',
    employeeRate: RATES.csgDeductible.employee,
  });
  add({
    ...csg,
    code: 'csg_non_deductible',
    label: 'CSG non déductible de l’impôt sur le revenu',
    employeeRate: RATES.csgNonDeductible.employee,
  });
  add({
    ...csg,
    code: 'crds',
    label: 'CRDS non déductible de l’impôt sur le revenu',
    employeeRate: RATES.crds.employee,
  });

  // RGDU on the month (decision 0036): the SMIC of the hours paid — contract hours less unpaid absence plus
  // overtime hours, at the SMIC of the month — against the gross of the month.
  const smicHourly = smicHourlyFor(month);
  const smic1200 =
    big(smicHourly) *
    big(
      Math.max(
        employee.weeklyHours * 52 -
          12 * items.absenceHours +
          12 * (items.overtime25Hours + items.overtime50Hours),
        0,
      ),
    );
  const coefficient = rgduCoefficient(gross, smic1200, settings.headcountBand);
  const rgduAmount = mulDiv(gross, coefficient, 10_000);
  if (rgduAmount > 0) {
    // The reduction is imputed on the contributions it covers, in proportion of their shares of the maximum
    // coefficient: Agirc-Arrco for its employer T1 rates (4,72 + 1,29 = 6,01 points), unemployment for its
    // 4,00 points, URSSAF for the rest — so each expense account is reduced by what it bears.
    const cmax =
      RGDU.tmin + (settings.headcountBand === 'ge50' ? RGDU.tdelta50AndMore : RGDU.tdeltaLessThan50);
    const pensionPart = mulDiv(rgduAmount, (RATES.pensionT1.employer + RATES.cegT1.employer) / 10, cmax);
    const unemploymentPart = mulDiv(rgduAmount, RATES.unemployment.employer / 10, cmax);
    const exemption = {
      group: 'exemption' as const,
      base: gross,
      employeeRate: null,
      employeeAmount: 0,
      employerRate: null,
    };
    lines.push({
      ...urssaf,
      ...exemption,
      code: 'rgdu_urssaf',
      label: 'Réduction générale – sécurité sociale',
      employerAmount: -(rgduAmount - pensionPart - unemploymentPart),
    });
    lines.push({
      ...exemption,
      collector: 'urssaf',
      expenseAccount: '6454',
      code: 'rgdu_unemployment',
      label: 'Réduction générale – assurance chômage',
      employerAmount: -unemploymentPart,
    });
    lines.push({
      ...pension,
      ...exemption,
      code: 'rgdu_agirc_arrco',
      label: 'Réduction générale – retraite complémentaire',
      employerAmount: -pensionPart,
    });
  }

  // Overtime: the employee old-age contributions on it are reduced (imputed on the legal old-age
  // contributions, collected by URSSAF), and its pay net of the contributions left on it is exempt of income
  // tax (CGI 81 quater) — in practice the overtime pay less its deductible CSG.
  const overtimePay = overtime25Pay + overtime50Pay;
  const oldAgeWeighted = lines
    .filter((l) => OLD_AGE_CODES.has(l.code))
    .reduce((s, l) => s + (l.employeeRate ?? 0) * l.base, 0);
  const overtimeReduction = Math.min(
    overtimeContributionReduction(overtimePay, oldAgeWeighted, gross),
    lines.filter((l) => OLD_AGE_CODES.has(l.code)).reduce((s, l) => s + l.employeeAmount, 0),
  );
  let overtimeTaxExempt = 0;
  if (overtimeReduction > 0) {
    const position = lines.findIndex((l) => l.group === 'exemption');
    lines.splice(position === -1 ? lines.length : position, 0, {
      ...urssaf,
      code: 'overtime_reduction',
      label: 'Réduction de cotisations salariales sur heures supplémentaires',
      group: 'employee_exemption',
      base: overtimePay,
      employeeRate: mulDiv(Math.min(OVERTIME_REDUCTION_CAP * gross, oldAgeWeighted), 1, gross),
      employeeAmount: -overtimeReduction,
      employerRate: null,
      employerAmount: 0,
    });
    const oldAgeOnOvertime = mulDiv(overtimePay, oldAgeWeighted, 100_000 * gross);
    const csgBaseOnOvertime = overtimePay - rateOf(Math.min(overtimePay, 4 * PSS), CSG_ABATEMENT);
    const csgOnOvertime = rateOf(csgBaseOnOvertime, RATES.csgDeductible.employee);
    overtimeTaxExempt = Math.max(overtimePay - (oldAgeOnOvertime - overtimeReduction) - csgOnOvertime, 0);
  }

  const totalEmployee = lines.reduce((s, l) => s + l.employeeAmount, 0);
  const totalEmployer = lines.reduce((s, l) => s + l.employerAmount, 0);
  const netBeforeTax = gross - totalEmployee;
  const nonDeductible = lines
    .filter((l) => l.code === 'csg_non_deductible' || l.code === 'crds')
    .reduce((s, l) => s + l.employeeAmount, 0);
  const taxable = netBeforeTax + nonDeductible - overtimeTaxExempt;
  const withholdingTax = mulDiv(Math.max(taxable, 0), employee.taxRate, 10_000);
  return {
    month,
    monthlyHours,
    hourlyRate: mulDiv(base, 10_000, monthlyHours),
    baseSalary: base,
    overtime25Pay,
    overtime50Pay,
    bonus: items.bonus,
    absenceDeduction,
    gross,
    pss: PSS,
    lines,
    rgdu: { smic: Number(divideRounded(smic1200, 1200n, 'halfUp')), coefficient, amount: rgduAmount },
    totalEmployee,
    totalEmployer,
    // No complementary health or provident scheme is entered: the net social amount is the net before tax.
    netSocial: netBeforeTax,
    netBeforeTax,
    taxable,
    overtimeTaxExempt,
    taxRate: employee.taxRate,
    withholdingTax,
    netToPay: netBeforeTax - withholdingTax,
    employerCost: gross + totalEmployer,
  };
}
