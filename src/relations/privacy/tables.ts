export type ConsentPurpose = 'newsletter' | 'prospecting' | 'photos' | 'partner_sharing';

/** Append-only: each change of a person's consent is a new row, so the proof of what they said stays. */
export type RelationsConsentTable = {
  org_id: string;
  id: string;
  party_id: string;
  purpose: ConsentPurpose;
  granted: number;
  /** When the person gave or withdrew it. */
  given_on: string;
  /** How: paper form, e-mail, web form, by phone… */
  source: string;
  recorded_at: string;
  recorded_by: string | null;
};
