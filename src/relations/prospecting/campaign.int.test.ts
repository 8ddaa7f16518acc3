import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildParty } from '../../../test/support/factories.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { startSmtpPeer } from '../../../test/support/smtp-peer.ts';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/support/test-db.ts';
import { mailSettingsInput } from '../../kernel/mail/contract.ts';
import { createMailWorker, listOutbox, saveMailSettings } from '../../kernel/mail/index.ts';
import { getParty } from '../../kernel/parties/party.ts';
import { quoteInput } from '../sales/contract.ts';
import { deleteSalesDraft } from '../sales/documents.ts';
import { addTargets, createCampaign, getCampaign, updateCampaign } from './campaign.ts';
import { campaignLettersPdf, sendCampaignMailing } from './campaign-letters.ts';
import { actionInput, campaignInput, mailingInput, targetFilterInput } from './contract.ts';
import { convertTarget, quoteForTarget, recordAction } from './prospect-actions.ts';

const LETTER = `{{civilite}},

Jardinier à {{ville}} ? {{organisation}} propose à {{nom}} un diagnostic gratuit de ses espaces verts.

Bien cordialement.`;

describe.each(DIALECTS)('prospecting campaigns on %s', (dialect) => {
  let store: TestStore;
  let orgId: string;
  const ids: Record<string, string> = {};
  const documentsDir = mkdtempSync(join(tmpdir(), 'agora-campaign-'));

  beforeAll(async () => {
    store = await createTestStore(dialect);
    orgId = (
      await buildOrganisation(store.db, null, {
        name: 'Vert Tige',
        addressLine1: '4 quai Rambaud',
        postalCode: '69002',
        city: 'Lyon',
      })
    ).id;
    const address = (postalCode: string, city: string) => [
      { kind: 'billing', line1: '1 rue Haute', postalCode, city },
    ];
    ids.boulangerie = (
      await buildParty(store.db, orgId, {
        name: 'Boulangerie Dupain',
        roles: ['prospect'],
        email: 'contact@dupain.fr',
        contacts: [{ name: 'Jeanne Dupain' }],
        addresses: address('69003', 'Lyon'),
      })
    ).id;
    ids.garage = (
      await buildParty(store.db, orgId, {
        name: 'Garage Central',
        roles: ['prospect'],
        addresses: address('69100', 'Villeurbanne'),
      })
    ).id;
    ids.paris = (
      await buildParty(store.db, orgId, {
        name: 'Café de Paris',
        roles: ['prospect'],
        addresses: address('75001', 'Paris'),
      })
    ).id;
    ids.supplier = (
      await buildParty(store.db, orgId, {
        name: 'Graines & Co',
        roles: ['supplier'],
        addresses: address('69007', 'Lyon'),
      })
    ).id;
  });
  afterAll(async () => {
    await store?.drop();
  });

  const tx = <T>(work: (trx: typeof store.db) => Promise<T>) => store.db.transaction().execute(work);

  it('builds a target list from the parties, records actions and outcomes, converts a prospect to a customer', async () => {
    const campaign = await tx((trx) =>
      createCampaign(trx, orgId, campaignInput.parse({ name: 'Printemps 2026', letterText: LETTER }), null),
    );
    const added = await tx((trx) =>
      addTargets(
        trx,
        orgId,
        campaign.id,
        targetFilterInput.parse({ roles: ['prospect'], postalCodePrefix: '69' }),
        null,
      ),
    );
    expect(added.added).toBe(2);
    expect(added.campaign.targets.map((t) => t.name)).toEqual(['Boulangerie Dupain', 'Garage Central']);
    // Adding again adds no duplicate; a city filter is case-insensitive.
    const again = await tx((trx) =>
      addTargets(trx, orgId, campaign.id, targetFilterInput.parse({ city: 'lyon' }), null),
    );
    expect(again.added).toBe(1);
    expect(again.campaign.targets.map((t) => t.name)).toEqual([
      'Boulangerie Dupain',
      'Garage Central',
      'Graines & Co',
    ]);

    await tx((trx) =>
      recordAction(
        trx,
        orgId,
        campaign.id,
        ids.garage!,
        actionInput.parse({ kind: 'call', date: '2026-03-02', outcome: 'call_back' }),
        null,
      ),
    );
    await tx((trx) =>
      recordAction(
        trx,
        orgId,
        campaign.id,
        ids.garage!,
        actionInput.parse({
          kind: 'visit',
          date: '2026-03-09',
          outcome: 'quote_requested',
          notes: 'Devis pour 200 m²',
        }),
        null,
      ),
    );
    await tx((trx) =>
      recordAction(
        trx,
        orgId,
        campaign.id,
        ids.boulangerie!,
        actionInput.parse({ kind: 'mail', date: '2026-03-03', outcome: 'not_interested' }),
        null,
      ),
    );
    await expect(
      tx((trx) =>
        recordAction(
          trx,
          orgId,
          campaign.id,
          ids.paris!,
          actionInput.parse({ kind: 'call', date: '2026-03-03' }),
          null,
        ),
      ),
    ).rejects.toThrow(/Cible de la campagne introuvable/);
    const converted = await tx((trx) => convertTarget(trx, orgId, campaign.id, ids.garage!, null));
    const garage = converted.targets.find((t) => t.partyId === ids.garage)!;
    expect(garage.outcome).toBe('quote_requested');
    expect(garage.actions.map((a) => a.kind)).toEqual(['call', 'visit']);
    expect(garage.convertedAt).not.toBeNull();
    expect((await getParty(store.db, orgId, ids.garage!)).roles.sort()).toEqual(['customer', 'prospect']);
    expect(converted.outcomes).toMatchObject({ quote_requested: 1, not_interested: 1, none: 1 });
    expect(converted.converted).toBe(1);

    await expect(
      tx((trx) =>
        updateCampaign(
          trx,
          orgId,
          campaign.id,
          campaignInput.parse({ name: 'x', letterText: 'Bonjour {{prenom}}' }),
          null,
        ),
      ),
    ).rejects.toThrow(/Lettre type invalide/);
  });

  it('drafts a quote for a target from the campaign, linked to it and counted', async () => {
    const campaign = await tx((trx) =>
      createCampaign(trx, orgId, campaignInput.parse({ name: 'Devis d’automne' }), null),
    );
    await tx((trx) =>
      addTargets(trx, orgId, campaign.id, targetFilterInput.parse({ partyIds: [ids.boulangerie!] }), null),
    );
    const body = quoteInput.omit({ partyId: true }).parse({
      lines: [{ label: 'Diagnostic des espaces verts', quantity: '1', unitPrice: '150', vatRate: '20' }],
    });
    const quote = (partyId: string) =>
      tx((trx) => quoteForTarget(trx, orgId, campaign.id, partyId, body, null));
    expect(() => quoteInput.omit({ partyId: true }).parse({ lines: [] })).toThrow(
      'Un devis compte au moins une ligne.',
    );
    await expect(quote(ids.paris!)).rejects.toThrow(/Cible de la campagne introuvable/);
    const made = await quote(ids.boulangerie!);
    expect(made.quote).toMatchObject({
      kind: 'quote',
      status: 'draft',
      partyId: ids.boulangerie,
      number: null,
    });
    const target = made.campaign.targets.find((t) => t.partyId === ids.boulangerie)!;
    expect(target.quote).toMatchObject({ id: made.quote.id, status: 'draft', number: null });
    expect(target.outcome).toBe('quote_requested');
    expect(made.campaign.quoted).toBe(1);
    // One live quote per target: a second is refused and nothing changes.
    await expect(quote(ids.boulangerie!)).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('est déjà établi pour ce prospect'),
    });
    const quotes = await store.db
      .selectFrom('relations_sales_document')
      .select('id')
      .where('org_id', '=', orgId)
      .where('party_id', '=', ids.boulangerie!)
      .execute();
    expect(quotes).toHaveLength(1);
    // The draft deleted: the target keeps its history, loses the link, and may get a new quote.
    await tx((trx) => deleteSalesDraft(trx, orgId, 'quote', made.quote.id, null));
    const afterDelete = await getCampaign(store.db, orgId, campaign.id);
    expect(afterDelete.targets[0]!.quote).toBeNull();
    expect(afterDelete.quoted).toBe(0);
    const again = await quote(ids.boulangerie!);
    expect(again.campaign.targets[0]!.quote?.id).toBe(again.quote.id);
  });

  it('merges the letter per target into one PDF that pdftotext reads back', async () => {
    const campaign = await tx((trx) =>
      createCampaign(
        trx,
        orgId,
        campaignInput.parse({
          name: 'Diagnostic',
          letterSubject: 'Diagnostic pour {{nom}}',
          letterText: LETTER,
        }),
        null,
      ),
    );
    await tx((trx) =>
      addTargets(trx, orgId, campaign.id, targetFilterInput.parse({ roles: ['prospect'] }), null),
    );
    const text = pdfText(await campaignLettersPdf(store.db, orgId, campaign.id), false);
    const pages = text
      .split('\f')
      .filter((p) => p.trim())
      .map((p) => p.replace(/[ \n]+/g, ' '));
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Boulangerie Dupain');
    expect(pages[0]).toContain('À l’attention de Jeanne Dupain');
    expect(pages[0]).toContain('69003 Lyon');
    expect(pages[0]).toContain('Objet : Diagnostic pour Boulangerie Dupain');
    expect(pages[0]).toContain('Madame, Monsieur,');
    expect(pages[0]).toContain(
      'Jardinier à Lyon ? Vert Tige propose à Boulangerie Dupain un diagnostic gratuit',
    );
    expect(pages[1]).toContain('Jardinier à Paris ? Vert Tige propose à Café de Paris');
    expect(pages[2]).toContain('Garage Central');
    expect(text).not.toContain('{{');
  });

  it('e-mails the merged letter with its PDF through the outbox to a real SMTP server', async () => {
    const peer = await startSmtpPeer();
    try {
      const key = randomBytes(32);
      await tx((trx) =>
        saveMailSettings(
          trx,
          key,
          orgId,
          mailSettingsInput.parse({
            host: '127.0.0.1',
            port: peer.port,
            security: 'none',
            fromAddress: 'bonjour@verttige.fr',
          }),
          null,
        ),
      );
      const campaign = await tx((trx) =>
        createCampaign(
          trx,
          orgId,
          campaignInput.parse({ name: 'Relance', letterSubject: 'Pour {{nom}}', letterText: LETTER }),
          null,
        ),
      );
      await tx((trx) =>
        addTargets(trx, orgId, campaign.id, targetFilterInput.parse({ roles: ['prospect'] }), null),
      );
      const result = await sendCampaignMailing(
        store.db,
        documentsDir,
        orgId,
        campaign.id,
        mailingInput.parse({ attachLetter: true }),
        null,
      );
      expect(result).toEqual({ queued: 1, withoutEmail: ['Café de Paris', 'Garage Central'] });
      const emailed = (await getCampaign(store.db, orgId, campaign.id)).targets.find(
        (t) => t.partyId === ids.boulangerie,
      );
      expect(emailed?.actions.map((a) => a.kind)).toEqual(['email']);
      const outbox = await listOutbox(store.db, orgId, { status: 'pending', limit: 50, offset: 0 });
      expect(outbox.items).toHaveLength(1);
      expect(await createMailWorker({ db: store.db, documentsDir, key }).runOnce()).toMatchObject({
        sent: 1,
      });
      const mail = peer.received[0]!;
      expect(mail.subject).toBe('Pour Boulangerie Dupain');
      expect(mail.text).toContain('Vert Tige propose à Boulangerie Dupain un diagnostic gratuit');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.contentType).toBe('application/pdf');
      const attached = pdfText(mail.attachments[0]!.content, false).replace(/\s+/g, ' ');
      expect(attached).toContain('Objet : Pour Boulangerie Dupain');
      expect(attached).toContain('Jardinier à Lyon ?');
    } finally {
      await peer.close();
    }
  });
});
