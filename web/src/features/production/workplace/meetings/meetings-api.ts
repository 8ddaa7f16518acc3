import { queryOptions } from '@tanstack/react-query';
import type { EmployeeList } from '../../../../../../src/personnel/employees/contract.ts';
import type {
  ActionDto,
  ActionList,
  Attendance,
  MeetingDto,
  MeetingKind,
  MeetingList,
  MeetingMode,
  MeetingStatus,
} from '../../../../../../src/production/workplace/meetings/contract.ts';
import { api, apiDownload, queryString } from '../../../../api/client.ts';

// Meetings (2.3.t4): planning, convocation, attendance, minutes, actions.

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const one = (orgId: string, id: string) => `${org(orgId)}/meetings/${encodeURIComponent(id)}`;

export const meetingKeys = { all: (orgId: string) => ['orgs', orgId, 'meetings'] as const };

export const meetingsQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...meetingKeys.all(orgId), 'list'],
    queryFn: ({ signal }) => api<MeetingList>(`${org(orgId)}/meetings`, { signal }),
  });
export const meetingQuery = (orgId: string, id: string) =>
  queryOptions({
    queryKey: [...meetingKeys.all(orgId), 'one', id],
    queryFn: ({ signal }) => api<MeetingDto>(one(orgId, id), { signal }),
  });
export const actionsQuery = (orgId: string, open?: boolean) =>
  queryOptions({
    queryKey: [...meetingKeys.all(orgId), 'actions', open],
    queryFn: ({ signal }) =>
      api<ActionList>(
        `${org(orgId)}/meeting-actions${queryString({ open: open === undefined ? undefined : String(open) })}`,
        {
          signal,
        },
      ),
  });
export const staffQuery = (orgId: string) =>
  queryOptions({
    queryKey: ['orgs', orgId, 'employees', 'list'],
    queryFn: ({ signal }) => api<EmployeeList>(`${org(orgId)}/employees`, { signal }),
  });

export type MeetingBody = {
  title: string;
  kind: MeetingKind;
  date: string;
  startTime: string;
  endTime: string;
  mode: MeetingMode;
  room: string | null;
  link: string | null;
  organiser: string;
  participants: {
    employeeId?: string;
    partyId?: string;
    name?: string;
    email?: string | null;
    voting: boolean;
  }[];
  agenda: { title: string; presenter: string | null; durationMinutes: number | null }[];
};

export const createMeeting = (orgId: string, body: MeetingBody) =>
  api<MeetingDto>(`${org(orgId)}/meetings`, { method: 'POST', body });
export const updateMeeting = (orgId: string, id: string, body: MeetingBody) =>
  api<MeetingDto>(one(orgId, id), { method: 'PUT', body });
export const conveneMeeting = (orgId: string, id: string, sendEmails: boolean) =>
  api<MeetingDto & { queued: number }>(`${one(orgId, id)}/convene`, { method: 'POST', body: { sendEmails } });
export const saveAttendance = (
  orgId: string,
  id: string,
  entries: { participantId: string; attendance: Attendance; proxyHolderId: string | null }[],
) => api<MeetingDto>(`${one(orgId, id)}/attendance`, { method: 'PUT', body: { entries } });
export type MinutesBody = {
  summary: string | null;
  decisions: { agendaItemId: string; decision: string | null }[];
  actions: { description: string; owner: string; dueDate: string | null; agendaItemId: string | null }[];
};
export const saveMinutes = (orgId: string, id: string, body: MinutesBody) =>
  api<MeetingDto>(`${one(orgId, id)}/minutes`, { method: 'PUT', body });
export const approveMinutes = (orgId: string, id: string) =>
  api<MeetingDto>(`${one(orgId, id)}/approve-minutes`, { method: 'POST' });
export const cancelMeeting = (orgId: string, id: string, reason: string) =>
  api<MeetingDto>(`${one(orgId, id)}/cancel`, { method: 'POST', body: { reason } });
export const setActionDone = (orgId: string, actionId: string, done: boolean) =>
  api<ActionDto>(`${org(orgId)}/meeting-actions/${encodeURIComponent(actionId)}/done`, {
    method: 'POST',
    body: { done },
  });
export const downloadConvocation = (orgId: string, id: string) =>
  apiDownload(`${one(orgId, id)}/convocation`);
export const downloadMinutes = (orgId: string, id: string) => apiDownload(`${one(orgId, id)}/minutes`);
export const downloadInvitation = (orgId: string, id: string) =>
  apiDownload(`${one(orgId, id)}/invitation.ics`);

export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  planned: 'blue',
  convened: 'violet',
  held: 'teal',
  minutes_approved: 'indigo',
  cancelled: 'gray',
};
