import { queryOptions } from '@tanstack/react-query';
import type {
  NoticeAudience,
  NoticeCategory,
  NoticeDto,
  NoticeList,
  PostingChecklist,
  PostingState,
} from '../../../../../../src/production/workplace/notices/contract.ts';
import { api, apiDownload, queryString } from '../../../../api/client.ts';

// Internal notices (2.3.t5, 3.3.t1) and the mandatory staff postings.

const org = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const one = (orgId: string, id: string) => `${org(orgId)}/notices/${encodeURIComponent(id)}`;

export const noticeKeys = { all: (orgId: string) => ['orgs', orgId, 'notices'] as const };

export const noticesQuery = (orgId: string, category?: NoticeCategory) =>
  queryOptions({
    queryKey: [...noticeKeys.all(orgId), 'list', category],
    queryFn: ({ signal }) => api<NoticeList>(`${org(orgId)}/notices${queryString({ category })}`, { signal }),
  });
export const noticeQuery = (orgId: string, id: string) =>
  queryOptions({
    queryKey: [...noticeKeys.all(orgId), 'one', id],
    queryFn: ({ signal }) => api<NoticeDto>(one(orgId, id), { signal }),
  });
export const postingsQuery = (orgId: string) =>
  queryOptions({
    queryKey: [...noticeKeys.all(orgId), 'postings'],
    queryFn: ({ signal }) => api<PostingChecklist>(`${org(orgId)}/staff-postings`, { signal }),
  });

export type NoticeBody = {
  title: string;
  category: NoticeCategory;
  audience: NoticeAudience;
  service: string | null;
  author: string;
  body: string;
  publishOn: string;
  expiresOn: string | null;
  pinned: boolean;
};
export const createNotice = (orgId: string, body: NoticeBody) =>
  api<NoticeDto>(`${org(orgId)}/notices`, { method: 'POST', body });
export const updateNotice = (orgId: string, id: string, body: NoticeBody) =>
  api<NoticeDto>(one(orgId, id), { method: 'PUT', body });
export const publishNotice = (orgId: string, id: string) =>
  api<NoticeDto>(`${one(orgId, id)}/publish`, { method: 'POST' });
export const acknowledgeNotice = (orgId: string, id: string, employeeId: string) =>
  api<NoticeDto>(`${one(orgId, id)}/acknowledgements`, { method: 'POST', body: { employeeId } });
export const downloadNotice = (orgId: string, id: string) => apiDownload(`${one(orgId, id)}/pdf`);
export const recordPosting = (
  orgId: string,
  code: string,
  body: { postedOn: string; location: string | null; note: string | null },
) =>
  api<PostingChecklist>(`${org(orgId)}/staff-postings/${encodeURIComponent(code)}`, { method: 'PUT', body });

export const POSTING_COLORS: Record<PostingState, string> = {
  posted: 'teal',
  missing: 'red',
  outdated: 'orange',
  not_required: 'gray',
};
