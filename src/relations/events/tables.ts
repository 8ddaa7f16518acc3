export type EventKind = 'trade_show' | 'open_day' | 'general_assembly' | 'meeting' | 'other';
export type GuestStatus = 'invited' | 'registered' | 'attended' | 'absent' | 'cancelled';

export type RelationsEventTable = {
  org_id: string;
  id: string;
  kind: EventKind;
  title: string;
  /** Business date, YYYY-MM-DD. */
  date: string;
  /** Local times HH:MM, in the organisation's time zone. */
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  capacity: number | null;
  description: string | null;
  created_at: string;
  updated_at: string;
};

export type RelationsEventCostTable = {
  org_id: string;
  id: string;
  event_id: string;
  position: number;
  label: string;
  /** Cents. */
  amount: number;
};

export type RelationsEventGuestTable = {
  org_id: string;
  event_id: string;
  party_id: string;
  status: GuestStatus;
  /** When the last invitation was put in the outbox. */
  invited_at: string | null;
  created_at: string;
  updated_at: string;
};
