import { isCalendarDate } from '../../../../src/kernel/dates/index.ts';
import {
  type ContractType,
  type EmployeeDto,
  type EmployeeInput,
  employeeInput,
} from '../../../../src/personnel/employees/contract.ts';
import { centsToInput, parseEuros } from '../relations/receipt-form-model.ts';

// The employee form's values are what the user types (dates « 03/05/1987 », hours « 35 » or « 24,5 », pay
// « 2 100,00 », rate « 7,5 »); dates are typed as text, day first, so the keyboard alone fills them whatever
// the browser's language (a date input's segments and their order follow the browser). The contract's units are integers (hundredths of an hour, cents, hundredths of a percent). The
// contract's own schema then checks the rest, NIR key included, with its French messages.

export type EmployeeFormValues = {
  lastName: string;
  firstName: string;
  sex: '' | 'F' | 'M';
  birthDate: string;
  nationality: string;
  socialSecurityNumber: string;
  email: string;
  phone: string;
  address: string;
  jobTitle: string;
  qualification: string;
  category: 'employee' | 'executive';
  contractType: ContractType;
  weeklyHours: string;
  monthlyGross: string;
  taxRate: string;
  hireDate: string;
  contractEnd: string;
  workPermit: string;
  tutorName: string;
  workplace: string;
};

/** A NIR as it is read aloud and printed on the carte Vitale: « 1 95 07 99 350 012 70 ». */
export function formatNir(nir: string): string {
  const m = /^(\w)(\w{2})(\w{2})(\w{2})(\w{3})(\w{3})(\w{2})$/.exec(nir);
  return m ? m.slice(1).join(' ') : nir;
}

/** « 35 », « 24,5 » or « 17.50 » → hundredths (3500, 2450, 1750); null when it is not such a number. */
export function parseHundredths(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f%h]/gi, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [units, decimals = ''] = cleaned.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

/** 3500 → « 35 », 2450 → « 24,5 ». */
export function hundredthsToInput(value: number): string {
  const units = Math.trunc(value / 100);
  const rest = value % 100;
  return rest === 0 ? String(units) : `${units},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** « 03/05/1987 », « 3/5/1987 », « 03.05.1987 » or « 1987-05-03 » → '1987-05-03'; null when it is no real day. */
export function parseDateFr(text: string): string | null {
  const t = text.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : t;
  return isCalendarDate(iso) ? iso : null;
}

/** '1987-05-03' → « 03/05/1987 ». */
export function dateToInput(iso: string | null | undefined): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}

const DATES = ['birthDate', 'hireDate', 'contractEnd'] as const;

export function toFormValues(e?: EmployeeDto): EmployeeFormValues {
  return {
    lastName: e?.lastName ?? '',
    firstName: e?.firstName ?? '',
    sex: e?.sex ?? '',
    birthDate: dateToInput(e?.birthDate),
    nationality: e?.nationality ?? 'Française',
    socialSecurityNumber: e?.socialSecurityNumber ? formatNir(e.socialSecurityNumber) : '',
    email: e?.email ?? '',
    phone: e?.phone ?? '',
    address: e?.address ?? '',
    jobTitle: e?.jobTitle ?? '',
    qualification: e?.qualification ?? '',
    category: e?.category ?? 'employee',
    contractType: e?.contractType ?? 'cdi',
    weeklyHours: e ? hundredthsToInput(e.weeklyHours) : '35',
    monthlyGross: e ? centsToInput(e.monthlyGross) : '',
    taxRate: e ? hundredthsToInput(e.taxRate) : '0',
    hireDate: dateToInput(e?.hireDate),
    contractEnd: dateToInput(e?.contractEnd),
    workPermit: e?.workPermit ?? '',
    tutorName: e?.tutorName ?? '',
    workplace: e?.workplace ?? '',
  };
}

/** The body sent to the server: numbers converted, empty texts as null (an unreadable number as NaN). */
export function toEmployeeBody(v: EmployeeFormValues): Record<string, unknown> {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    lastName: v.lastName.trim(),
    firstName: v.firstName.trim(),
    sex: v.sex || undefined,
    birthDate: parseDateFr(v.birthDate) ?? v.birthDate,
    nationality: v.nationality.trim(),
    socialSecurityNumber: orNull(v.socialSecurityNumber),
    email: orNull(v.email),
    phone: orNull(v.phone),
    address: orNull(v.address),
    jobTitle: v.jobTitle.trim(),
    qualification: orNull(v.qualification),
    category: v.category,
    contractType: v.contractType,
    weeklyHours: parseHundredths(v.weeklyHours) ?? Number.NaN,
    monthlyGross: parseEuros(v.monthlyGross) ?? Number.NaN,
    taxRate: parseHundredths(v.taxRate || '0') ?? Number.NaN,
    hireDate: parseDateFr(v.hireDate) ?? v.hireDate,
    contractEnd: v.contractEnd.trim() ? (parseDateFr(v.contractEnd) ?? v.contractEnd) : null,
    workPermit: orNull(v.workPermit),
    tutorName: v.contractType === 'internship' ? orNull(v.tutorName) : null,
    workplace: v.contractType === 'internship' ? orNull(v.workplace) : null,
  };
}

export type Validated =
  | { ok: true; input: EmployeeInput }
  | { ok: false; errors: Partial<Record<keyof EmployeeFormValues, string>> };

/**
 * The form checked as the server will check it: the dates and numbers typed in French first, then the contract's
 * schema (its French messages, the NIR key, the fixed-term end, the trainee's tutor).
 */
export function validateEmployee(
  v: EmployeeFormValues,
  messages: { hours: string; amount: string; rate: string; date: string; sex: string },
): Validated {
  const errors: Partial<Record<keyof EmployeeFormValues, string>> = {};
  if (!v.sex) errors.sex = messages.sex;
  for (const field of DATES)
    if ((v[field].trim() || field !== 'contractEnd') && parseDateFr(v[field]) === null)
      errors[field] = messages.date;
  if (parseHundredths(v.weeklyHours) === null) errors.weeklyHours = messages.hours;
  if (parseEuros(v.monthlyGross) === null) errors.monthlyGross = messages.amount;
  if (parseHundredths(v.taxRate || '0') === null) errors.taxRate = messages.rate;
  const parsed = employeeInput.safeParse(toEmployeeBody(v));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof EmployeeFormValues;
      if (field && !(field in errors)) errors[field] = issue.message;
    }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
