export type CampaignStatus = 'active' | 'closed';
export type ActionKind = 'call' | 'mail' | 'visit' | 'email';
export type ProspectOutcome = 'interested' | 'not_interested' | 'call_back' | 'quote_requested';

export type RelationsCampaignTable = {
  org_id: string;
  id: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  /** The mail-merge letter, with {{placeholders}}. */
  letter_subject: string | null;
  letter_text: string | null;
  created_at: string;
  updated_at: string;
};

export type RelationsCampaignTargetTable = {
  org_id: string;
  campaign_id: string;
  party_id: string;
  /** The outcome of the latest action that gave one. */
  outcome: ProspectOutcome | null;
  /** When the prospect became a customer through this campaign. */
  converted_at: string | null;
  /** The quote drafted for this target from the campaign (« Établir un devis »). */
  quote_id: string | null;
  quoted_at: string | null;
  added_at: string;
  updated_at: string;
};

export type RelationsCampaignActionTable = {
  org_id: string;
  id: string;
  campaign_id: string;
  party_id: string;
  kind: ActionKind;
  date: string;
  outcome: ProspectOutcome | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
};
