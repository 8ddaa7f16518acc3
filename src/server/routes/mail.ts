import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  mailSettingsDto,
  mailSettingsInput,
  outboxMessageDto,
  outboxPage,
  outboxQuery,
  testEmailInput,
  testEmailResult,
} from '../../kernel/mail/contract.ts';
import { cancelMessage, listOutbox, retryMessage } from '../../kernel/mail/outbox.ts';
import {
  getMailSettings,
  getMailSettingsRow,
  saveMailSettings,
  smtpAccountOf,
} from '../../kernel/mail/settings.ts';
import { sendWithSmtp } from '../../kernel/mail/smtp.ts';
import { orgRoute, scopeOf } from '../guard.ts';
import type { App, Deps } from '../types.ts';

const params = z.object({ orgId: z.string().max(64) });
const messageParams = z.object({ orgId: z.string().max(64), messageId: z.string().max(64) });
const tags = ['messagerie'];

export function mailRoutes(app: App, { store, secretKey }: Deps) {
  // Without a configured key (API tests), passwords are sealed with a key that lives as long as the process.
  const key = secretKey ?? randomBytes(32);

  app.get(
    '/api/v1/orgs/:orgId/mail/settings',
    {
      ...orgRoute(store, 'mail.manage'),
      schema: {
        tags,
        summary: 'Paramètres SMTP (sans le mot de passe)',
        params,
        response: { 200: mailSettingsDto },
      },
    },
    async (request) => getMailSettings(store.db, scopeOf(request).orgId),
  );

  app.put(
    '/api/v1/orgs/:orgId/mail/settings',
    {
      ...orgRoute(store, 'mail.manage'),
      schema: {
        tags,
        summary: 'Enregistrer les paramètres SMTP (mot de passe absent : inchangé ; "" : supprimé)',
        params,
        body: mailSettingsInput,
        response: { 200: mailSettingsDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => saveMailSettings(trx, key, scope.orgId, request.body, scope.userId));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/mail/settings/test',
    {
      ...orgRoute(store, 'mail.manage'),
      schema: {
        tags,
        summary: 'Envoyer tout de suite un message d’essai avec les paramètres enregistrés',
        params,
        body: testEmailInput,
        response: { 200: testEmailResult },
      },
    },
    async (request) => {
      const { orgId } = scopeOf(request);
      const account = smtpAccountOf(key, orgId, await getMailSettingsRow(store.db, orgId));
      if (typeof account === 'string') return { ok: false, message: account };
      const outcome = await sendWithSmtp(account, {
        messageId: `<test-${Date.now()}@${orgId}.agora>`,
        to: [request.body.to],
        subject: 'Agora : message d’essai',
        text: 'Ce message confirme que les paramètres SMTP de votre organisation fonctionnent.',
        replyTo: null,
        attachments: [],
      });
      return outcome.ok
        ? { ok: true, message: `Message d’essai accepté par le serveur : ${outcome.response}` }
        : { ok: false, message: outcome.error };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/mail/outbox',
    {
      ...orgRoute(store, 'mail.read'),
      schema: {
        tags,
        summary: 'Boîte d’envoi : messages en attente, envoyés, en échec',
        params,
        querystring: outboxQuery,
        response: { 200: outboxPage },
      },
    },
    async (request) => listOutbox(store.db, scopeOf(request).orgId, request.query),
  );

  for (const [action, apply, summary] of [
    ['retry', retryMessage, 'Relancer maintenant un message en attente ou en échec'],
    ['cancel', cancelMessage, 'Annuler un message en attente ou en échec'],
  ] as const) {
    app.post(
      `/api/v1/orgs/:orgId/mail/outbox/:messageId/${action}`,
      {
        ...orgRoute(store, 'mail.write'),
        schema: { tags, summary, params: messageParams, response: { 200: outboxMessageDto } },
      },
      async (request) => {
        const scope = scopeOf(request);
        return store.db
          .transaction()
          .execute((trx) => apply(trx, scope.orgId, request.params.messageId, scope.userId));
      },
    );
  }
}
