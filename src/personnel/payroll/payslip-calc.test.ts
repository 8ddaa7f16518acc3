import { describe, expect, it } from 'vitest';
import {
  computePayslip,
  monthlyHoursOf,
  NO_PAY_ITEMS,
  OVERTIME_REDUCTION_CAP,
  overtimeContributionReduction,
  type Payslip,
  rgduCoefficient,
} from './payslip-calc.ts';

// Outside truths:
// - Service-public.fr, fiche F24542 « Réduction générale dégressive unique des cotisations patronales »
//   (2026), as mirrored on https://www.kremlinbicetre.fr/service-public/entreprises/?xml=F24542 : a full-time
//   employee at the SMIC (1 823,03 € a month) in a company of 50 or more gets the maximum coefficient
//   0,4021; at 3 500 € a month (42 000 € a year) the coefficient is 0,0615.
// - The published net SMIC 2026 for a full-time non-cadre, « environ 1 443,11 € » (service-public estimate
//   relayed by https://www.mondevisfacile.fr/blog/smic-net-combien-par-mois-et-par-heure-chiffres-officiels
//   and https://www.brut-en-net-salaire.fr/blog/smic-2026-nouvelle-revalorisation): it applies the rates to
//   the whole without rounding each line; a payslip rounds line by line, 2 cents lower (see below).
// - The SMIC payslip line by line is built by hand from the official rates (data/payroll-2026.json) in the
//   comments: no published 2026 payslip with every line could be read in full this session.

const smic = { category: 'employee' as const, weeklyHours: 3500, monthlyGross: 182303, taxRate: 0 };
const small = { headcountBand: 'lt11' as const, atMpRate: 70, mobilityRate: 0 };
const byCode = (p: Payslip) =>
  Object.fromEntries(p.lines.map((l) => [l.code, [l.base, l.employeeAmount, l.employerAmount]]));

describe('payslip of a full-time non-cadre at the SMIC, company of fewer than 11, AT/MP 0,70 %', () => {
  const p = computePayslip({ employee: smic, month: '2026-03', items: NO_PAY_ITEMS, settings: small });

  it('has 151,67 hours a month (35 × 52 ÷ 12)', () => {
    expect(monthlyHoursOf(3500)).toBe(15167);
    expect(p.monthlyHours).toBe(15167);
  });

  it('computes every line by hand from the official rates, rounded half up to the cent', () => {
    expect(byCode(p)).toEqual({
      // 1 823,03 × 13 % = 236,9939 → 236,99
      health: [182303, 0, 23699],
      // × 0,70 % = 12,76121 → 12,76
      at_mp: [182303, 0, 1276],
      // × 6,90 % = 125,78907 → 125,79 ; × 8,55 % = 155,869065 → 155,87
      old_age_capped: [182303, 12579, 15587],
      // × 0,40 % = 7,29212 → 7,29 ; × 2,11 % = 38,465933 → 38,47
      old_age_uncapped: [182303, 729, 3847],
      // × 3,15 % = 57,425445 → 57,43 ; × 4,72 % = 86,047016 → 86,05
      pension_t1: [182303, 5743, 8605],
      // × 0,86 % = 15,678058 → 15,68 ; × 1,29 % = 23,517087 → 23,52
      ceg_t1: [182303, 1568, 2352],
      // × 5,25 % = 95,709075 → 95,71
      family: [182303, 0, 9571],
      // × 4,00 % = 72,9212 → 72,92 ; AGS × 0,25 % = 4,557575 → 4,56
      unemployment: [182303, 0, 7292],
      ags: [182303, 0, 456],
      // CSA × 0,30 % = 5,46909 → 5,47 ; FNAL on tranche A × 0,10 % = 1,82303 → 1,82
      csa: [182303, 0, 547],
      fnal: [182303, 0, 182],
      // × 0,016 % = 0,2916848 → 0,29
      social_dialogue: [182303, 0, 29],
      // × 0,55 % = 10,026665 → 10,03 ; × 0,68 % = 12,396604 → 12,40
      training: [182303, 0, 1003],
      apprenticeship_tax: [182303, 0, 1240],
      // CSG base: 1 823,03 − 1,75 % × 1 823,03 (31,903025 → 31,90) = 1 791,13
      // × 6,80 % = 121,79684 → 121,80 ; × 2,40 % = 42,98712 → 42,99 ; × 0,50 % = 8,95565 → 8,96
      csg_deductible: [179113, 12180, 0],
      csg_non_deductible: [179113, 4299, 0],
      crds: [179113, 896, 0],
      // RGDU < 50: pay at the SMIC → coefficient capped at Tmin + Tdelta = 0,3981;
      // 1 823,03 × 0,3981 = 725,748243 → 725,75, imputed in proportion of the shares of 0,3981:
      // Agirc-Arrco 725,75 × 0,0601 ÷ 0,3981 = 109,5634 → 109,56, chômage 725,75 × 0,04 ÷ 0,3981 = 72,9214
      // → 72,92, URSSAF the rest 543,27.
      rgdu_urssaf: [182303, 0, -54327],
      rgdu_unemployment: [182303, 0, -7292],
      rgdu_agirc_arrco: [182303, 0, -10956],
    });
    expect(p.rgdu).toEqual({ smic: 182303, coefficient: 3981, amount: 72575 });
  });

  it('gives the nets and the employer cost', () => {
    // 125,79 + 7,29 + 57,43 + 15,68 + 121,80 + 42,99 + 8,96 = 379,94
    expect(p.totalEmployee).toBe(37994);
    expect(p.netBeforeTax).toBe(144309);
    expect(p.netSocial).toBe(144309);
    // Published « 1 443,11 € » = 1 823,03 × (1 − 11,31 %) − 1 791,127 × 9,70 % unrounded = 1 443,106.
    expect(Math.abs(p.netBeforeTax - 144311)).toBeLessThanOrEqual(2);
    // Taxable: net + CSG non déductible + CRDS = 1 443,09 + 42,99 + 8,96.
    expect(p.taxable).toBe(149504);
    expect(p.withholdingTax).toBe(0);
    expect(p.netToPay).toBe(144309);
    // Employer: 756,86 of contributions − 725,75 of RGDU = 31,11; cost 1 854,14.
    expect(p.totalEmployer).toBe(3111);
    expect(p.employerCost).toBe(185414);
  });
});

describe('RGDU coefficient (service-public F24542, 50 employees or more)', () => {
  // smic1200 = SMIC hourly (1 202 c) × 35 h × 52 (hundredths of an hour × 12 months).
  const fullTime = 1202n * 3500n * 52n;
  it('is 0,4021 at the SMIC', () => {
    expect(rgduCoefficient(182303, fullTime, 'ge50')).toBe(4021);
    const p = computePayslip({
      employee: smic,
      month: '2026-01',
      items: NO_PAY_ITEMS,
      settings: { headcountBand: 'ge50', atMpRate: 70, mobilityRate: 0 },
    });
    // 8 796,50 € a year ÷ 12 = 733,04 € a month: 1 823,03 × 0,4021 = 733,040363.
    expect(p.rgdu.amount).toBe(73304);
  });
  it('is 0,0615 at 3 500 € a month', () => {
    expect(rgduCoefficient(350000, fullTime, 'ge50')).toBe(615);
    expect(rgduCoefficient(350000, fullTime, 'lt11')).toBe(611);
  });
  it('is nil from 3 SMIC (5 469,09 € a month full time)', () => {
    expect(rgduCoefficient(546910, fullTime, 'lt11')).toBe(0);
    expect(rgduCoefficient(546909, fullTime, 'lt11')).toBe(200);
  });
  it('uses the SMIC of the hours paid: a half-time employee at the half SMIC gets the maximum', () => {
    const p = computePayslip({
      employee: { ...smic, weeklyHours: 1750, monthlyGross: 91152 },
      month: '2026-03',
      items: NO_PAY_ITEMS,
      settings: small,
    });
    expect(p.rgdu.coefficient).toBe(3981);
  });
});

describe('pay items, tranches and executives', () => {
  it('pays overtime at the hourly rate +25 % / +50 % and deducts unpaid absence', () => {
    const p = computePayslip({
      employee: { category: 'employee', weeklyHours: 3500, monthlyGross: 200000, taxRate: 750 },
      month: '2026-03',
      items: { overtime25Hours: 400, overtime50Hours: 100, bonus: 15000, absenceHours: 700 },
      settings: small,
    });
    // Hourly rate 2 000 ÷ 151,67 = 13,1865 €; 4 h × 125 % = 65,93; 1 h × 150 % = 19,78; 7 h = 92,31.
    expect(p.hourlyRate).toBe(131865);
    expect([p.overtime25Pay, p.overtime50Pay, p.absenceDeduction]).toEqual([6593, 1978, 9231]);
    expect(p.gross).toBe(200000 + 6593 + 1978 + 15000 - 9231);
    // Withholding tax: taxable × 7,50 %, rounded half up.
    expect(p.withholdingTax).toBe(Math.round((p.taxable * 750) / 10000));
    expect(p.netToPay).toBe(p.netBeforeTax - p.withholdingTax);
  });

  it('splits tranche 1 and 2 at the PSS, adds the CET and the APEC for an executive at 5 000 €', () => {
    const p = computePayslip({
      employee: { category: 'executive', weeklyHours: 3500, monthlyGross: 500000, taxRate: 0 },
      month: '2026-03',
      items: NO_PAY_ITEMS,
      settings: { headcountBand: '11to49', atMpRate: 100, mobilityRate: 175 },
    });
    const lines = byCode(p);
    // PSS 2026 = 4 005 €: tranche A 4 005, tranche 2 995.
    expect(lines.old_age_capped).toEqual([400500, 27635, 34243]);
    // 995 × 8,64 % = 85,968 → 85,97 ; × 12,95 % = 128,8525 → 128,85
    expect(lines.pension_t2).toEqual([99500, 8597, 12885]);
    // CET on the whole pay since it exceeds the PSS: 5 000 × 0,14 % / 0,21 %.
    expect(lines.cet).toEqual([500000, 700, 1050]);
    // APEC: 5 000 × 0,024 % / 0,036 %.
    expect(lines.apec).toEqual([500000, 120, 180]);
    // Versement mobilité from 11 employees: 5 000 × 1,75 %; training 1 %.
    expect(lines.mobility).toEqual([500000, 0, 8750]);
    expect(lines.training).toEqual([500000, 0, 5000]);
    // RGDU: ½ × (3 × 1 823,033 ÷ 5 000 − 1) = 0,04691; ^1,75 = 0,00473; 0,02 + 0,3781 × 0,00473 = 0,0218.
    expect(p.rgdu.coefficient).toBe(218);
    expect(p.rgdu.amount).toBe(10900);
  });

  it('charges no CET below the PSS and no APEC for a non-cadre', () => {
    const p = computePayslip({ employee: smic, month: '2026-03', items: NO_PAY_ITEMS, settings: small });
    expect(p.lines.map((l) => l.code)).not.toContain('cet');
    expect(p.lines.map((l) => l.code)).not.toContain('apec');
    expect(p.lines.map((l) => l.code)).not.toContain('mobility');
  });

  it('uses the SMIC revalued on 1 June 2026 from June', () => {
    const p = computePayslip({ employee: smic, month: '2026-06', items: NO_PAY_ITEMS, settings: small });
    // 12,31 × 151,6667 = 1 867,02
    expect(p.rgdu.smic).toBe(186702);
  });
});

describe('overtime: reduced employee contributions and income-tax exemption', () => {
  it('reduces by 11,31 % of the overtime pay (MSA: 500 € of overtime on 2 500 € → 56,55 €)', () => {
    // https://www.msa.fr/lfp/employeur/exoneration-heures-supplementaires — 6,90 + 0,40 + 3,15 + 0,86 = 11,31 %.
    expect(OVERTIME_REDUCTION_CAP).toBe(11310);
    expect(overtimeContributionReduction(50000, 11310 * 300000, 300000)).toBe(5655);
    // A lower effective rate is used as it is (here 10 %).
    expect(overtimeContributionReduction(50000, 10000 * 300000, 300000)).toBe(5000);
  });

  it('computes the SMIC payslip with 4 overtime hours at 25 % by hand', () => {
    const p = computePayslip({
      employee: smic,
      month: '2026-03',
      items: { ...NO_PAY_ITEMS, overtime25Hours: 400 },
      settings: small,
    });
    // 1 823,03 ÷ 151,67 × 1,25 × 4 = 60,1005 → 60,10; gross 1 883,13.
    expect([p.overtime25Pay, p.gross]).toEqual([6010, 188313]);
    const reduction = p.lines.find((l) => l.code === 'overtime_reduction')!;
    // 60,10 × 11,31 % = 6,79731 → 6,80, imputed on the URSSAF old-age contributions.
    expect(reduction).toMatchObject({
      base: 6010,
      employeeRate: 11310,
      employeeAmount: -680,
      collector: 'urssaf',
    });
    // Old age 129,94 + 7,53 + 59,32 + 16,19; CSG base 1 883,13 − 32,95 = 1 850,18 → 125,81 + 44,40 + 9,25;
    // less 6,80 = 385,64; net 1 497,49.
    expect(p.totalEmployee).toBe(38564);
    expect(p.netBeforeTax).toBe(149749);
    // Exempt of income tax: 60,10 less its deductible CSG (60,10 − 1,05 = 59,05 × 6,80 % = 4,0154 → 4,02) =
    // 56,08; taxable 1 497,49 + 44,40 + 9,25 − 56,08 = 1 495,06.
    expect(p.overtimeTaxExempt).toBe(5608);
    expect(p.taxable).toBe(149506);
    // RGDU: SMIC of 155,67 h = 12,02 × 155,6667 = 1 871,11; ½ × (3 × 1 871,1133 ÷ 1 883,13 − 1) = 0,990428;
    // ^1,75 = 0,983309;
    // 0,02 + 0,3781 × 0,983309 = 0,39179 → 0,3918.
    expect(p.rgdu.coefficient).toBe(3918);
    expect(p.rgdu.smic).toBe(187111);
  });
});
