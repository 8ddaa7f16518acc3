// The one place that sees every module's table types (type-only imports: the allowed exception to
// the dependency rule, ARCHITECTURE.md §2).

// biome-ignore lint/style/noRestrictedImports: type-only, the one exception to the layer rule (see above)
import type { LedgerTables } from '../../ledger/tables.ts';
// biome-ignore lint/style/noRestrictedImports: type-only, the one exception to the layer rule (see above)
import type { PersonnelTables } from '../../personnel/tables.ts';
// biome-ignore lint/style/noRestrictedImports: type-only, the one exception to the layer rule (see above)
import type { ProductionTables } from '../../production/tables.ts';
// biome-ignore lint/style/noRestrictedImports: type-only, the one exception to the layer rule (see above)
import type { RelationsTables } from '../../relations/tables.ts';
// biome-ignore lint/style/noRestrictedImports: type-only, the one exception to the layer rule (see above)
import type { TrainingTables } from '../../training/tables.ts';
import type { AuditEventTable, AuditHeadTable } from '../audit/tables.ts';
import type { DocumentTable } from '../documents/tables.ts';
import type { MailAttachmentTable, MailMessageTable, MailSettingsTable } from '../mail/tables.ts';
import type { NumberingCounterTable } from '../numbering/tables.ts';
import type {
  AppUserTable,
  IdempotencyRecordTable,
  MembershipTable,
  OrganisationTable,
  SessionTable,
} from '../organisations/tables.ts';
import type { PartyAddressTable, PartyContactTable, PartyRoleTable, PartyTable } from '../parties/tables.ts';

export type DB = {
  organisation: OrganisationTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  idempotency_record: IdempotencyRecordTable;
  party: PartyTable;
  party_role: PartyRoleTable;
  party_contact: PartyContactTable;
  party_address: PartyAddressTable;
  audit_head: AuditHeadTable;
  audit_event: AuditEventTable;
  numbering_counter: NumberingCounterTable;
  document: DocumentTable;
  mail_settings: MailSettingsTable;
  mail_message: MailMessageTable;
  mail_attachment: MailAttachmentTable;
} & LedgerTables &
  RelationsTables &
  ProductionTables &
  PersonnelTables &
  TrainingTables;
