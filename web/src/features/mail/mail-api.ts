import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { MailSettingsDto, OutboxMessageDto, OutboxPage } from '../../../../src/kernel/mail/contract.ts';
import { api, queryString } from '../../api/client.ts';

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export const mailKeys = {
  settings: (orgId: string) => ['orgs', orgId, 'mail-settings'] as const,
  outbox: (orgId: string) => ['orgs', orgId, 'outbox'] as const,
};

export type OutboxStatus = OutboxMessageDto['status'];

export function mailSettingsQuery(orgId: string) {
  return queryOptions({
    queryKey: mailKeys.settings(orgId),
    queryFn: ({ signal }) => api<MailSettingsDto>(`${org(orgId)}/mail/settings`, { signal }),
  });
}

export type MailSettingsBody = {
  host: string;
  port: number;
  security: 'none' | 'starttls' | 'tls';
  username: string | null;
  password?: string;
  fromAddress: string;
  fromName: string | null;
};

export function saveMailSettings(orgId: string, body: MailSettingsBody) {
  return api<MailSettingsDto>(`${org(orgId)}/mail/settings`, { method: 'PUT', body });
}

export function sendTestEmail(orgId: string, to: string) {
  return api<{ ok: boolean; message: string }>(`${org(orgId)}/mail/settings/test`, {
    method: 'POST',
    body: { to },
  });
}

export function outboxQuery(orgId: string, status: OutboxStatus | undefined, page: number, limit = 25) {
  return queryOptions({
    queryKey: [...mailKeys.outbox(orgId), status, page],
    queryFn: ({ signal }) =>
      api<OutboxPage>(
        `${org(orgId)}/mail/outbox${queryString({ status, limit, offset: (page - 1) * limit })}`,
        {
          signal,
        },
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function outboxAction(orgId: string, messageId: string, action: 'retry' | 'cancel') {
  return api<OutboxMessageDto>(`${org(orgId)}/mail/outbox/${encodeURIComponent(messageId)}/${action}`, {
    method: 'POST',
  });
}
