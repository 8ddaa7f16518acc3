export type ReminderLevel = 1 | 2 | 3;
export type ReminderChannel = 'letter' | 'email';

export type RelationsReminderTable = {
  org_id: string;
  id: string;
  customer_id: string;
  level: number;
  reminder_date: string;
  channel: ReminderChannel;
  email_to: string | null;
  principal: number;
  penalties: number;
  recovery_fees: number;
  total: number;
  document_id: string | null;
  sent_at: string | null;
  send_error: string | null;
  created_at: string;
  created_by: string | null;
};

export type RelationsReminderInvoiceTable = {
  org_id: string;
  reminder_id: string;
  invoice_id: string;
  remaining: number;
  days_late: number;
  /** % × 100. */
  penalty_rate: number;
  penalty: number;
  recovery_fee: number;
};
