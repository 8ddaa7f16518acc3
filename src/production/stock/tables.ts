// Stock (decision 0042): quantities are thousandths of the item's unit, values and costs cents.

export type StockCategory = 'goods' | 'supplies';
export type MovementKind = 'entry' | 'exit' | 'adjustment';

export type ProductionStockItemTable = {
  org_id: string;
  id: string;
  code: string;
  label: string;
  /** goods = marchandises (37 / 6037); supplies = fournitures et consommables (322 / 6032 when stocked). */
  category: StockCategory;
  catalogue_item_id: string | null;
  unit: string;
  reorder_point: number;
  safety_stock: number;
  reorder_quantity: number;
  supplier_id: string | null;
  location: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ProductionStockMovementTable = {
  org_id: string;
  id: string;
  item_id: string;
  /** Rank on the item's stock card. */
  seq: number;
  movement_date: string;
  kind: MovementKind;
  /** Signed thousandths: positive into the stock. */
  quantity: number;
  /** Entries: cents per unit excluding VAT. */
  unit_cost: number | null;
  /** The supplier of an entry, the customer of a delivery. */
  party_id: string | null;
  /** The service or person an internal supply went to. */
  recipient: string | null;
  reference: string | null;
  label: string | null;
  delivery_line_id: string | null;
  count_id: string | null;
  corrects_id: string | null;
  created_at: string;
  created_by: string | null;
};

export type ProductionStockCountTable = {
  org_id: string;
  id: string;
  count_date: string;
  status: 'open' | 'validated';
  note: string | null;
  created_at: string;
  created_by: string | null;
  validated_at: string | null;
};

export type ProductionStockCountLineTable = {
  org_id: string;
  id: string;
  count_id: string;
  item_id: string;
  counted_quantity: number | null;
};

export type ProductionStockVariationTable = {
  org_id: string;
  id: string;
  closing_date: string;
  goods_value: number;
  /** Null when the supplies were left out (bought as non-stocked, 6064). */
  supplies_value: number | null;
  entry_id: string;
  created_at: string;
  created_by: string | null;
};
