/**
 * The one way the web talks to the API: same-origin fetch (the session cookie goes with it), the
 * anti-CSRF header on every unsafe method, and RFC 9457 problems turned into an `ApiError` whose field
 * errors a form can show next to its inputs.
 */

export type FieldIssue = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
};

/** Problem kinds the server uses (the last segment of `type`), plus `network` for a request that never got an answer. */
export type ProblemKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rule-broken'
  | 'malformed'
  | 'too-large'
  | 'rate-limited'
  | 'csrf'
  | 'unsupported-media-type'
  | 'internal'
  | 'network'
  | 'unknown';

const KNOWN_KINDS = new Set<string>([
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'rule-broken',
  'malformed',
  'too-large',
  'rate-limited',
  'csrf',
  'unsupported-media-type',
  'internal',
  'network',
]);

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get kind(): ProblemKind {
    const last = this.problem.type.split('/').pop() ?? '';
    if (KNOWN_KINDS.has(last)) return last as ProblemKind;
    if (this.status === 401) return 'unauthenticated';
    if (this.status === 403) return 'forbidden';
    if (this.status === 404) return 'not-found';
    if (this.status === 429) return 'rate-limited';
    return 'unknown';
  }

  /** Field path (`name`, `contacts.0.email`) → first message for it, in the shape Mantine forms take. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.problem.errors ?? [])
      if (!(issue.field in out)) out[issue.field] = issue.message;
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldIssue).field === 'string' &&
    typeof (value as FieldIssue).message === 'string'
  );
}

/** Reads any error body into a problem; a body that is not a problem still gives a usable one. */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  const fallback: Problem = { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
  if (typeof body !== 'object' || body === null) return fallback;
  const b = body as Record<string, unknown>;
  const problem: Problem = {
    type: typeof b.type === 'string' ? b.type : fallback.type,
    title: typeof b.title === 'string' ? b.title : fallback.title,
    status,
  };
  if (typeof b.detail === 'string') problem.detail = b.detail;
  if (Array.isArray(b.errors)) problem.errors = b.errors.filter(isFieldIssue);
  return problem;
}

let csrfToken: string | null = null;

/** Set from /me and /auth/login answers; sent back on every POST, PUT, PATCH and DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (an import), instead of a JSON body. */
  raw?: { body: Blob; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Bytes of the body sent so far: the request then goes by XMLHttpRequest (fetch does not tell). */
  onUpload?: (sent: number, total: number) => void;
};

const SAFE = new Set(['GET', 'HEAD']);

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...options.headers,
  };
  // No content-type on a bodyless request: the server would reject an empty JSON body.
  if (options.raw) headers['content-type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.onUpload && options.raw)
    return sendWithProgress(path, method, headers, options.raw.body, options.onUpload, options.signal);
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.raw
        ? options.raw.body
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ type: 'network', title: 'Network error', status: 0 });
  }
}

/** The same request by XMLHttpRequest, whose upload events tell how much of a large file has gone. */
function sendWithProgress(
  path: string,
  method: string,
  headers: Record<string, string>,
  body: Blob,
  onUpload: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUpload(event.loaded, event.total);
    };
    xhr.onload = () => {
      const answer = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const colon = line.indexOf(':');
        if (colon > 0) answer.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      resolve(
        new Response(empty ? null : xhr.responseText, {
          status: xhr.status,
          statusText: xhr.statusText,
          headers: answer,
        }),
      );
    };
    xhr.onerror = () => reject(new ApiError({ type: 'network', title: 'Network error', status: 0 }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return response.text();
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Asks /me again for a fresh anti-CSRF token (e.g. after the session was renewed elsewhere). */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/api/v1/me', {});
  if (!response.ok) return false;
  const me = (await readBody(response)) as { csrfToken?: unknown } | null;
  if (typeof me?.csrfToken !== 'string') return false;
  setCsrfToken(me.csrfToken);
  return true;
}

/** Sends a request, asking once more with a fresh anti-CSRF token when the server refused the old one. */
async function sendChecked(path: string, options: RequestOptions): Promise<Response> {
  const response = await send(path, options);
  if (response.status === 403 && !SAFE.has(options.method ?? 'GET')) {
    const body = await readBody(response);
    const problem = toProblem(response.status, response.statusText, body);
    if (!problem.type.endsWith('/csrf') || !(await refreshCsrfToken())) throw new ApiError(problem);
    return send(path, options);
  }
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await sendChecked(path, options);
  if (response.status === 204) return undefined as T;
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(toProblem(response.status, response.statusText, body));
  return body as T;
}

/** The file name a `content-disposition: attachment; filename="…"` header gives, if any. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return (plain?.[1] ?? plain?.[2])?.trim() || null;
}

/**
 * A file the server makes (an export), as bytes kept exactly as sent, with its name: unlike a plain
 * link, a refusal comes back as an `ApiError` the screen can show.
 */
export async function apiDownload(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await sendChecked(path, {
    ...options,
    headers: { accept: '*/*, application/problem+json', ...options.headers },
  });
  if (!response.ok)
    throw new ApiError(toProblem(response.status, response.statusText, await readBody(response)));
  return {
    blob: await response.blob(),
    fileName: attachmentName(response.headers.get('content-disposition')),
  };
}

/** Query string from a record, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
