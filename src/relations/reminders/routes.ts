import { z } from 'zod';
import { type App, createOnce, type Deps, orgRoute, scopeOf } from '../http.ts';
import { reminderDto, reminderInput, reminderList, reminderListQuery } from './contract.ts';
import { createReminder, getReminder, listReminders } from './reminder.ts';
import { emailReminder, issueReminderDocument, requireMailSettings } from './reminder-issue.ts';

const params = z.object({ orgId: z.string().max(64) });
const reminderParams = params.extend({ reminderId: z.string().max(64) });
const tags = ['relances'];

export function reminderRoutes(app: App, { store, documentsDir }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/reminders',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Historique des relances (par client ou par facture)',
        params,
        querystring: reminderListQuery,
        response: { 200: reminderList },
      },
    },
    async (request) => ({ items: await listReminders(store.db, scopeOf(request).orgId, request.query) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/reminders',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary:
          'Relancer un client : lettre (relance amiable, ferme, mise en demeure) avec pénalités et indemnité ; envoi par courriel si demandé',
        params,
        body: reminderInput,
        response: { 201: reminderDto },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const byEmail = request.body.channel === 'email';
      if (byEmail) await requireMailSettings(store.db, scope.orgId);
      const { status, body, replayed } = await createOnce(store, request, scope, (trx) =>
        createReminder(trx, scope.orgId, request.body, scope.userId),
      );
      if (replayed) return reply.code(status as 201).send(body);
      if (!byEmail) {
        try {
          await issueReminderDocument(store.db, documentsDir, scope.orgId, body.id, scope.userId);
        } catch (error) {
          // The reminder is recorded; its letter will be made at the first download.
          request.log.error({ err: error }, 'reminder letter not issued');
        }
        return reply.code(201).send(await getReminder(store.db, scope.orgId, body.id));
      }
      const sent = await emailReminder(store.db, documentsDir, scope.orgId, body.id, scope.userId);
      return reply.code(201).send(sent);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/reminders/:reminderId/pdf',
    {
      ...orgRoute(store, 'sales.read'),
      schema: { tags, summary: 'La lettre de relance (PDF)', params: reminderParams },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const letter = await issueReminderDocument(
        store.db,
        documentsDir,
        scope.orgId,
        request.params.reminderId,
        scope.userId,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(letter.fileName)}`)
        .send(Buffer.from(letter.bytes));
    },
  );
}
