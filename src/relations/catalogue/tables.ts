export type ItemKind = 'goods' | 'service';

export type RelationsCatalogueItemTable = {
  org_id: string;
  id: string;
  code: string;
  label: string;
  description: string | null;
  kind: ItemKind;
  /** UN/ECE recommendation 20 code. */
  unit: string;
  /** € × 10^4. */
  unit_price: number;
  /** % × 100. */
  vat_rate: number;
  vat_exemption_reason: string | null;
  revenue_account: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};
