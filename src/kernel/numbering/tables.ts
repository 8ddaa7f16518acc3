export type NumberingCounterTable = { org_id: string; sequence: string; next_value: number };
