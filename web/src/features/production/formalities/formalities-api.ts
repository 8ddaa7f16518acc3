import { queryOptions } from '@tanstack/react-query';
import type {
  CalendarDto,
  FormalityCategory,
  FormalityDto,
  FormalityList,
  FormalityPeriodicity,
  FormalityStatus,
} from '../../../../../src/production/formalities/contract.ts';
import { api, apiDownload, queryString } from '../../../api/client.ts';
import type { ServerExportFormat } from '../../../ui/ExportButtons.tsx';

// The formalities with the partners (area 2, 2.1.t3): register, completions, calendar.

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;

export const formalityKeys = { all: (orgId: string) => ['orgs', orgId, 'formalities'] as const };

export type FormalitySearch = { category?: FormalityCategory; status?: FormalityStatus };

export const formalityListQuery = (orgId: string, search: FormalitySearch) =>
  queryOptions({
    queryKey: [...formalityKeys.all(orgId), 'list', search],
    queryFn: ({ signal }) =>
      api<FormalityList>(`${org(orgId)}/formalities${queryString(search)}`, { signal }),
  });

export const calendarQuery = (orgId: string, days: number) =>
  queryOptions({
    queryKey: [...formalityKeys.all(orgId), 'calendar', days],
    queryFn: ({ signal }) =>
      api<CalendarDto>(`${org(orgId)}/formality-calendar${queryString({ days })}`, { signal }),
  });

export const downloadCalendar = (orgId: string, days: number, format: ServerExportFormat) =>
  apiDownload(`${org(orgId)}/formality-calendar/export${queryString({ days, format })}`);

export type FormalityBody = {
  title: string;
  partnerName: string | null;
  category: FormalityCategory;
  periodicity: FormalityPeriodicity;
  dueOn: string;
  responsible: string | null;
  reminderDays: number;
  notes: string | null;
};

export const createFormality = (orgId: string, body: FormalityBody) =>
  api<FormalityDto>(`${org(orgId)}/formalities`, { method: 'POST', body });
export const completeFormality = (
  orgId: string,
  id: string,
  body: { doneOn: string; reference: string | null; note: string | null },
) =>
  api<FormalityDto>(`${org(orgId)}/formalities/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body,
  });

export const STATUS_COLORS: Record<FormalityStatus, string> = {
  overdue: 'red',
  due_soon: 'grape',
  upcoming: 'teal',
  done: 'gray',
};
