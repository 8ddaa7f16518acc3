export type AuditHeadTable = { org_id: string; last_seq: number; last_hash: string };

export type AuditEventTable = {
  org_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
};
