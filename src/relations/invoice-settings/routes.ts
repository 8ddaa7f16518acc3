import { z } from 'zod';
import { type App, type Deps, orgRoute, scopeOf } from '../http.ts';
import { invoiceSettingsDto, invoiceSettingsInput } from './contract.ts';
import { getInvoiceSettings, saveInvoiceSettings } from './invoice-settings.ts';

const params = z.object({ orgId: z.string().max(64) });
const tags = ['factures'];

export function invoiceSettingsRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/v1/orgs/:orgId/invoice-settings',
    {
      ...orgRoute(store, 'sales.read'),
      schema: {
        tags,
        summary: 'Paramètres de facturation (délai de paiement, pénalités, option débits, banque…)',
        params,
        response: { 200: invoiceSettingsDto },
      },
    },
    async (request) => getInvoiceSettings(store.db, scopeOf(request).orgId),
  );

  app.put(
    '/api/v1/orgs/:orgId/invoice-settings',
    {
      ...orgRoute(store, 'sales.write'),
      schema: {
        tags,
        summary: 'Enregistrer les paramètres de facturation',
        params,
        body: invoiceSettingsInput,
        response: { 200: invoiceSettingsDto },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return store.db
        .transaction()
        .execute((trx) => saveInvoiceSettings(trx, scope.orgId, request.body, scope.userId));
    },
  );
}
