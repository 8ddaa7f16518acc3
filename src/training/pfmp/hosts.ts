import type { Db } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';
import type { TrainingScope } from '../classes/access.ts';
import { audit, isManager, now } from './access.ts';
import type { HostDto, HostInput, TutorDto, TutorInput } from './contract.ts';

// ————— Host organisations and tutors —————

export function requireManager(scope: TrainingScope) {
  if (!isManager(scope)) throw notFound('Organisation d’accueil');
}

export async function listHosts(db: Db, scope: TrainingScope): Promise<HostDto[]> {
  requireManager(scope);
  const hosts = await db
    .selectFrom('training_pfmp_host')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .orderBy('name')
    .execute();
  const tutors = await db
    .selectFrom('training_pfmp_tutor')
    .selectAll()
    .where('org_id', '=', scope.orgId)
    .orderBy('name')
    .execute();
  return hosts.map((h) => ({
    id: h.id,
    name: h.name,
    siret: h.siret,
    address: h.address,
    sector: h.sector,
    contactName: h.contact_name,
    contactEmail: h.contact_email,
    contactPhone: h.contact_phone,
    tutors: tutors.filter((t) => t.host_id === h.id).map(toTutorDto),
  }));
}

export function toTutorDto(t: {
  id: string;
  host_id: string;
  name: string;
  function: string;
  email: string | null;
  phone: string | null;
}): TutorDto {
  return { id: t.id, hostId: t.host_id, name: t.name, function: t.function, email: t.email, phone: t.phone };
}

export async function getHost(db: Db, scope: TrainingScope, hostId: string): Promise<HostDto> {
  const host = (await listHosts(db, scope)).find((h) => h.id === hostId);
  if (!host) throw notFound('Organisation d’accueil');
  return host;
}

export const hostRow = (input: HostInput) => ({
  name: input.name,
  siret: input.siret,
  address: input.address,
  sector: input.sector,
  contact_name: input.contactName,
  contact_email: input.contactEmail,
  contact_phone: input.contactPhone,
});

export async function createHost(trx: Db, scope: TrainingScope, input: HostInput): Promise<HostDto> {
  requireManager(scope);
  const id = newId();
  await trx
    .insertInto('training_pfmp_host')
    .values({ org_id: scope.orgId, id, ...hostRow(input), created_at: now() })
    .execute();
  await audit(trx, scope, 'host.created', 'training_pfmp_host', id, input);
  return getHost(trx, scope, id);
}

export async function updateHost(trx: Db, scope: TrainingScope, hostId: string, input: HostInput) {
  const before = await getHost(trx, scope, hostId);
  await trx
    .updateTable('training_pfmp_host')
    .set(hostRow(input))
    .where('org_id', '=', scope.orgId)
    .where('id', '=', hostId)
    .execute();
  await audit(trx, scope, 'host.updated', 'training_pfmp_host', hostId, input, before);
  return getHost(trx, scope, hostId);
}

export async function addTutor(trx: Db, scope: TrainingScope, hostId: string, input: TutorInput) {
  await getHost(trx, scope, hostId);
  const id = newId();
  await trx
    .insertInto('training_pfmp_tutor')
    .values({
      org_id: scope.orgId,
      id,
      host_id: hostId,
      name: input.name,
      function: input.function,
      email: input.email,
      phone: input.phone,
      created_at: now(),
    })
    .execute();
  await audit(trx, scope, 'tutor.created', 'training_pfmp_tutor', id, { hostId, ...input });
  return getHost(trx, scope, hostId);
}
