import { todayIn } from '../kernel/dates/index.ts';
import type { Store } from '../kernel/db/index.ts';
import { createEmployee, departureInput, employeeInput, recordDeparture } from '../personnel/index.ts';

// The demo's staff (area 3), entered in hiring order so the register numbers follow it: a full-time CDI,
// a part-time CDI (24 h, the legal minimum of C. trav. L3123-27), a foreign worker on a CDD who has left
// at its end, and an apprentice of this school year. The NIRs are valid (INSEE key) but invented; the one
// born in Morocco reads 99 350, INSEE's code for a birth there.
export async function seedDemoPersonnel(store: Store, orgId: string, userId: string): Promise<void> {
  const already = await store.db
    .selectFrom('personnel_employee')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const today = todayIn('Europe/Paris');
  const year = Number(today.slice(0, 4));
  // The apprentice started with the school year (1 September) and signed for two years.
  const schoolYear = Number(today.slice(5, 7)) >= 9 ? year : year - 1;
  const common = { nationality: 'Française', category: 'employee', taxRate: 0 };
  await store.db.transaction().execute(async (trx) => {
    await createEmployee(
      trx,
      orgId,
      employeeInput.parse({
        ...common,
        lastName: 'Marchand',
        firstName: 'Sophie',
        sex: 'F',
        birthDate: '1984-06-17',
        socialSecurityNumber: '2 84 06 69 383 027 57',
        email: 'sophie.marchand@ateliers-du-val.example',
        phone: '06 21 43 65 87',
        address: '14 rue Paul Bert, 69003 Lyon',
        jobTitle: 'Responsable d’atelier',
        qualification: 'Agent de maîtrise',
        contractType: 'cdi',
        weeklyHours: 3500,
        monthlyGross: 295000,
        taxRate: 420,
        hireDate: '2019-03-04',
      }),
      userId,
    );
    await createEmployee(
      trx,
      orgId,
      employeeInput.parse({
        ...common,
        lastName: 'Haddad',
        firstName: 'Nadia',
        sex: 'F',
        birthDate: '1979-11-02',
        socialSecurityNumber: '2 79 11 69 266 104 32',
        email: 'nadia.haddad@ateliers-du-val.example',
        address: '3 avenue Henri Barbusse, 69100 Villeurbanne',
        jobTitle: 'Assistante de gestion',
        qualification: 'Employée qualifiée',
        contractType: 'cdi',
        weeklyHours: 2400,
        monthlyGross: 150800,
        taxRate: 150,
        hireDate: '2021-09-01',
      }),
      userId,
    );
    const cdd = await createEmployee(
      trx,
      orgId,
      employeeInput.parse({
        ...common,
        lastName: 'Amrani',
        firstName: 'Youssef',
        sex: 'M',
        birthDate: '1995-07-23',
        nationality: 'Marocaine',
        socialSecurityNumber: '1 95 07 99 350 012 70',
        jobTitle: 'Menuisier poseur',
        qualification: 'Ouvrier qualifié',
        contractType: 'cdd',
        weeklyHours: 3500,
        monthlyGross: 205000,
        hireDate: `${year - 1}-04-01`,
        contractEnd: `${year - 1}-09-30`,
        workPermit: 'Carte de séjour pluriannuelle « salarié » n° 6912345678',
      }),
      userId,
    );
    await recordDeparture(
      trx,
      orgId,
      cdd.id,
      departureInput.parse({ leftOn: `${year - 1}-09-30`, reason: 'end_of_contract' }),
      userId,
    );
    await createEmployee(
      trx,
      orgId,
      employeeInput.parse({
        ...common,
        lastName: 'Girard',
        firstName: 'Lucas',
        sex: 'M',
        birthDate: '2007-02-08',
        socialSecurityNumber: '1 07 02 69 029 041 66',
        jobTitle: 'Apprenti menuisier',
        qualification: 'CAP menuisier fabricant (en préparation)',
        contractType: 'apprenticeship',
        weeklyHours: 3500,
        // 43 % of the SMIC for an apprentice of 18 to 20 in his first year (C. trav. D6222-26).
        monthlyGross: 80282,
        hireDate: `${schoolYear}-09-01`,
        contractEnd: `${schoolYear + 2}-08-31`,
      }),
      userId,
    );
  });
}
