export type PublicationChannel =
  | 'website'
  | 'facebook'
  | 'instagram'
  | 'linkedin'
  | 'newsletter'
  | 'notice_board';
export type PublicationStatus = 'draft' | 'scheduled' | 'published' | 'cancelled';

export type RelationsPublicationTable = {
  org_id: string;
  id: string;
  channel: PublicationChannel;
  title: string;
  body: string;
  scheduled_on: string | null;
  /** 'HH:MM' in the organisation's time zone, or null for "some time that day". */
  scheduled_time: string | null;
  status: PublicationStatus;
  published_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};
