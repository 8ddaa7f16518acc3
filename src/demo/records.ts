import { addDays, todayIn } from '../kernel/dates/index.ts';
import type { Store } from '../kernel/db/index.ts';
import {
  answerRequest,
  consentInput,
  createRequest,
  publicationInput,
  recordConsent,
  requestFormSettingsInput,
  requestInput,
  requestTemplateInput,
  savePublication,
  saveRequestFormSettings,
  saveRequestTemplate,
} from '../relations/index.ts';

/**
 * The demo's front desk: the public contact form open, an answer template, two requests (one answered), a
 * planned post and a consent. Once: nothing is added when the organisation already has requests.
 */
export async function seedDemoRecords(store: Store, orgId: string, userId: string): Promise<void> {
  const already = await store.db
    .selectFrom('relations_request')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (already) return;
  const org = await store.db
    .selectFrom('organisation')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const today = todayIn(org.time_zone);
  const parties = await store.db
    .selectFrom('party')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .execute();
  const party = (name: string) => parties.find((p) => p.name === name)?.id ?? null;
  await store.db.transaction().execute(async (trx) => {
    await saveRequestFormSettings(
      trx,
      orgId,
      requestFormSettingsInput.parse({
        enabled: true,
        intro: 'Une question, un devis, un rendez-vous ? Écrivez-nous, nous répondons sous une semaine.',
        categories: ['Information', 'Devis', 'Rendez-vous', 'Autre'],
      }),
      userId,
    );
    await saveRequestTemplate(
      trx,
      orgId,
      null,
      requestTemplateInput.parse({
        name: 'Accusé de réception',
        body: 'Bonjour {{nom}},\n\nNous avons bien reçu votre demande « {{objet}} » et vous répondrons rapidement.\n\n{{signataire}}\n{{organisation}}',
      }),
      userId,
    );
    await createRequest(
      trx,
      orgId,
      requestInput.parse({
        channel: 'phone',
        partyId: party('Boulangerie Martin'),
        senderName: 'Claire Martin',
        category: 'Devis',
        subject: 'Formation à la caisse enregistreuse',
        message: 'Souhaite une journée de formation pour deux vendeuses en janvier.',
        assigneeId: userId,
      }),
      userId,
    );
    const answered = await createRequest(
      trx,
      orgId,
      requestInput.parse({
        channel: 'email',
        partyId: party('Mairie de Saint-Genis'),
        senderEmail: 'accueil@saint-genis.example',
        category: 'Information',
        subject: 'Attestation de vigilance',
        message: 'Merci de nous transmettre votre attestation URSSAF à jour.',
      }),
      userId,
    );
    await answerRequest(
      trx,
      orgId,
      answered.id,
      { answer: 'Bonjour, vous trouverez l’attestation en pièce jointe. Cordialement.', close: true },
      userId,
    );
    await savePublication(
      trx,
      orgId,
      null,
      publicationInput.parse({
        channel: 'facebook',
        title: 'Portes ouvertes de l’atelier',
        body: 'Venez découvrir nos ateliers samedi de 10 h à 17 h.',
        scheduledOn: addDays(today, 10),
        scheduledTime: '09:00',
        status: 'scheduled',
      }),
      userId,
    );
    const elodie = party('Élodie Durand');
    if (elodie)
      await recordConsent(
        trx,
        orgId,
        elodie,
        consentInput.parse({ purpose: 'newsletter', granted: true, source: 'Formulaire papier au salon' }),
        userId,
      );
  });
}
