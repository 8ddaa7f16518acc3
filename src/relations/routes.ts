import { catalogueRoutes } from './catalogue/routes.ts';
import { complaintRoutes } from './complaints/routes.ts';
import { contractRoutes } from './contracts/routes.ts';
import { eventRoutes } from './events/routes.ts';
import type { App, Deps } from './http.ts';
import { invoiceSettingsRoutes } from './invoice-settings/routes.ts';
import { invoiceRoutes } from './invoices/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { campaignRoutes } from './prospecting/routes.ts';
import { publicationRoutes } from './publications/routes.ts';
import { receiptRoutes } from './receipts/routes.ts';
import { recordRoutes } from './records/routes.ts';
import { reminderRoutes } from './reminders/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { salesRoutes } from './sales/routes.ts';

/** Every HTTP route of the relations module; mounted by src/server/app.ts. */
export function relationsRoutes(app: App, deps: Deps) {
  catalogueRoutes(app, deps);
  invoiceSettingsRoutes(app, deps);
  invoiceRoutes(app, deps);
  eventRoutes(app, deps);
  campaignRoutes(app, deps);
  salesRoutes(app, deps);
  contractRoutes(app, deps);
  receiptRoutes(app, deps);
  reminderRoutes(app, deps);
  requestRoutes(app, deps);
  complaintRoutes(app, deps);
  recordRoutes(app, deps);
  publicationRoutes(app, deps);
  privacyRoutes(app, deps);
}
