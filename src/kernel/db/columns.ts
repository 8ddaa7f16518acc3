import type { Dialect } from './connect.ts';

/**
 * Column types that read back the same on both databases (ARCHITECTURE.md §3):
 * ids are text, money and counters bigint, business dates 'YYYY-MM-DD', instants ISO text,
 * JSON stringified text, flags integer 0/1. Never `decimal`: SQLite would store a float.
 */
export function columnTypes(dialect: Dialect) {
  return {
    id: 'text',
    text: 'text',
    money: 'bigint',
    int: 'bigint',
    flag: 'integer',
    date: dialect === 'postgres' ? 'date' : 'text',
    instant: dialect === 'postgres' ? 'timestamptz' : 'text',
    json: 'text',
    blob: dialect === 'postgres' ? 'bytea' : 'blob',
  } as const;
}
