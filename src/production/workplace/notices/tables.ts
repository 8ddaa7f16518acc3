import type { NoticeAudience, NoticeCategory, NoticeStatus } from './contract.ts';

export type ProductionNoticeTable = {
  org_id: string;
  id: string;
  number: string | null;
  title: string;
  category: NoticeCategory;
  audience: NoticeAudience;
  service: string | null;
  author: string;
  body: string;
  publish_on: string;
  expires_on: string | null;
  pinned: number;
  status: NoticeStatus;
  published_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type ProductionNoticeAckTable = {
  org_id: string;
  id: string;
  notice_id: string;
  employee_id: string;
  read_at: string;
};

export type ProductionStaffPostingTable = {
  org_id: string;
  id: string;
  code: string;
  posted_on: string;
  location: string | null;
  note: string | null;
  updated_at: string;
  updated_by: string | null;
};
