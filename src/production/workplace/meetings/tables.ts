import type { Attendance, MeetingKind, MeetingMode, MeetingStatus, QuorumRule } from './contract.ts';

export type ProductionMeetingTable = {
  org_id: string;
  id: string;
  title: string;
  kind: MeetingKind;
  meeting_date: string;
  start_time: string;
  end_time: string;
  mode: MeetingMode;
  room: string | null;
  room_key: string | null;
  link: string | null;
  organiser: string;
  quorum_numerator: number | null;
  quorum_denominator: number | null;
  quorum_rule: QuorumRule | null;
  quorum_counts_proxies: number | null;
  status: MeetingStatus;
  summary: string | null;
  convened_at: string | null;
  convocation_document_id: string | null;
  cancel_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type ProductionMeetingParticipantTable = {
  org_id: string;
  id: string;
  meeting_id: string;
  position: number;
  employee_id: string | null;
  party_id: string | null;
  name: string;
  email: string | null;
  voting: number;
  attendance: Attendance | null;
  proxy_holder_id: string | null;
};

export type ProductionMeetingAgendaItemTable = {
  org_id: string;
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  presenter: string | null;
  duration_minutes: number | null;
  decision: string | null;
};

export type ProductionMeetingActionTable = {
  org_id: string;
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  description: string;
  owner: string;
  due_date: string | null;
  done_on: string | null;
  created_at: string;
};
