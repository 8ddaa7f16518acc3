// A première class whose students are each in one PFMP situation, for the class overview's tests
// (integration, HTTP, browser). Built through the domain functions, as a teacher would enter it.
import type { Db } from '../../src/kernel/db/index.ts';
import type { TrainingScope } from '../../src/training/classes/access.ts';
import { agreementInput, assessmentInput, hostInput } from '../../src/training/pfmp/contract.ts';
import { weekdays } from '../../src/training/pfmp/counting.ts';
import {
  createAgreement,
  createHost,
  recordAttendance,
  saveAssessment,
  updateAgreement,
} from '../../src/training/pfmp/pfmp.ts';
import type { ClassLevel } from '../../src/training/tables.ts';
import { trainingClass } from '../../src/training/test-helpers.ts';

export type PlacementSpec = {
  host: string;
  /** The class's (2026-2027, première) unless told. */
  schoolYear?: string;
  level?: ClassLevel;
  startsOn: string;
  endsOn: string;
  status?: 'draft' | 'sent' | 'signed';
  signedOn?: string;
  /** Days recorded absent (unjustified); the other past working days present… */
  absent?: string[];
  /** …but for the last `unrecorded` of them, left blank. */
  unrecorded?: number;
  assessed?: boolean;
};

/** Attendance is recorded as of this day; every period of PFMP_CLASS has ended by then. */
export const RECORDED_ON = '2026-11-27';

const SECONDE: PlacementSpec = {
  host: 'Mairie de Lorient',
  schoolYear: '2025-2026',
  level: 'seconde',
  startsOn: '2026-01-05',
  endsOn: '2026-02-13',
  signedOn: '2025-12-01',
  assessed: true,
};
const PREMIERE: PlacementSpec = {
  host: 'Cabinet Martin',
  startsOn: '2026-09-14',
  endsOn: '2026-11-06',
  signedOn: '2026-09-01',
  assessed: true,
};

/**
 * Five students, in the order of their names, each with six weeks in seconde and eight in première (14
 * weeks planned, the première's share of 20 being 13.3), every period over by 27 November 2026:
 * 1 complete; 2 five days absent (65 days, below the pace); 3 the last three days not recorded; 4 the
 * première agreement sent, never signed; 5 no tutor's assessment for première.
 */
export const PFMP_CLASS: PlacementSpec[][] = [
  [SECONDE, PREMIERE],
  [SECONDE, { ...PREMIERE, absent: ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09'] }],
  [SECONDE, { ...PREMIERE, unrecorded: 3 }],
  [SECONDE, { ...PREMIERE, status: 'sent', signedOn: undefined }],
  [SECONDE, { ...PREMIERE, assessed: false }],
];

export async function placeStudent(
  db: Db,
  scope: TrainingScope,
  studentId: string,
  hostIds: Map<string, string>,
  spec: PlacementSpec,
) {
  return db.transaction().execute(async (trx) => {
    let hostId = hostIds.get(spec.host);
    if (!hostId) {
      hostId = (
        await createHost(
          trx,
          scope,
          hostInput.parse({ name: spec.host, address: '3 rue du Port, 56100 Lorient', sector: 'Gestion' }),
        )
      ).id;
      hostIds.set(spec.host, hostId);
    }
    const agreement = await createAgreement(
      trx,
      scope,
      studentId,
      agreementInput.parse({
        hostId,
        schoolYear: spec.schoolYear,
        level: spec.level,
        periods: [{ startsOn: spec.startsOn, endsOn: spec.endsOn }],
      }),
    );
    const status = spec.status ?? 'signed';
    if (status !== 'draft')
      await updateAgreement(trx, scope, agreement.id, {
        tutorId: null,
        referentUserId: null,
        status,
        signedOn: status === 'signed' ? (spec.signedOn ?? null) : null,
        activitiesPlanned: '',
      });
    const past = weekdays(spec.startsOn, spec.endsOn).filter((d) => d < RECORDED_ON);
    const recorded = past.slice(0, past.length - (spec.unrecorded ?? 0));
    if (recorded.length > 0)
      await recordAttendance(
        trx,
        scope,
        agreement.periods[0]!.id,
        {
          days: recorded.map((day) => ({
            day,
            status: spec.absent?.includes(day) ? 'absent_unjustified' : 'present',
          })),
        },
        RECORDED_ON,
      );
    if (spec.assessed)
      await saveAssessment(
        trx,
        scope,
        agreement.id,
        assessmentInput.parse({
          source: 'paper',
          assessedOn: spec.endsOn,
          items: [{ indicatorCode: '1.1.1.i1', level: 3 }],
        }),
      );
    return agreement;
  });
}

/**
 * A première class (2026-2027) of the school with one student per entry of `specs`, placed as told (the
 * first `joined` students with a login).
 */
export async function pfmpClass(
  db: Db,
  schoolId: string,
  teacherId: string,
  options: { specs?: PlacementSpec[][]; name?: string; joined?: number } = {},
) {
  const specs = options.specs ?? PFMP_CLASS;
  const built = await trainingClass(db, schoolId, teacherId, {
    students: specs.length,
    name: options.name,
    joined: options.joined,
  });
  const hostIds = new Map<string, string>();
  for (const [i, placements] of specs.entries())
    for (const spec of placements) await placeStudent(db, built.scope, built.students[i]!.id, hostIds, spec);
  return { ...built, hostIds };
}
