import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  apiDownload,
  attachmentName,
  queryString,
  setCsrfToken,
  toProblem,
} from './client.ts';

type Call = { url: string; init: RequestInit };

function jsonResponse(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

let calls: Call[];
let answers: Response[];

beforeEach(() => {
  calls = [];
  answers = [];
  setCsrfToken(null);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (!next) throw new TypeError('Failed to fetch');
      return next;
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the request did not fail');
}

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('toProblem', () => {
  it('reads an RFC 9457 problem with its field errors', () => {
    const problem = toProblem(400, 'Bad Request', {
      type: 'https://agora.dev/problems/invalid',
      title: 'Données invalides',
      status: 400,
      detail: 'Certaines valeurs sont invalides : corrigez les champs indiqués.',
      errors: [
        { field: 'name', message: 'Le nom est obligatoire.' },
        { field: 'contacts.0.email', message: 'Adresse e-mail invalide.' },
        { nonsense: true },
      ],
    });
    expect(problem).toEqual({
      type: 'https://agora.dev/problems/invalid',
      title: 'Données invalides',
      status: 400,
      detail: 'Certaines valeurs sont invalides : corrigez les champs indiqués.',
      errors: [
        { field: 'name', message: 'Le nom est obligatoire.' },
        { field: 'contacts.0.email', message: 'Adresse e-mail invalide.' },
      ],
    });
  });

  it('still gives a problem for a body that is not one', () => {
    expect(toProblem(502, 'Bad Gateway', '<html>proxy error</html>')).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
    });
  });
});

describe('ApiError', () => {
  it('names the kind from the type and keeps the first message per field', () => {
    const error = new ApiError({
      type: 'https://agora.dev/problems/invalid',
      title: 'Données invalides',
      status: 400,
      errors: [
        { field: 'siren', message: 'SIREN invalide.' },
        { field: 'siren', message: 'second message' },
      ],
    });
    expect(error.kind).toBe('invalid');
    expect(error.fieldErrors).toEqual({ siren: 'SIREN invalide.' });
    expect(error.message).toBe('Données invalides');
  });

  it('falls back on the status when the type is unknown', () => {
    expect(new ApiError({ type: 'about:blank', title: 'x', status: 429 }).kind).toBe('rate-limited');
    expect(new ApiError({ type: 'about:blank', title: 'x', status: 401 }).kind).toBe('unauthenticated');
  });
});

describe('api', () => {
  it('sends the anti-CSRF token and JSON on a POST with a body', async () => {
    setCsrfToken('token-123');
    answers.push(jsonResponse(201, { id: 'p1' }));
    const result = await api<{ id: string }>('/api/v1/orgs/o1/parties', {
      method: 'POST',
      body: { name: 'A' },
    });
    expect(result).toEqual({ id: 'p1' });
    expect(headersOf(calls[0])['x-csrf-token']).toBe('token-123');
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"name":"A"}');
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('sends no content type on a bodyless POST and no token on a GET', async () => {
    setCsrfToken('token-123');
    answers.push(new Response(null, { status: 204 }), jsonResponse(200, []));
    await expect(api('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    expect(headersOf(calls[0])['content-type']).toBeUndefined();
    expect(headersOf(calls[0])['x-csrf-token']).toBe('token-123');
    await api('/api/v1/orgs/o1/members');
    expect(headersOf(calls[1])['x-csrf-token']).toBeUndefined();
  });

  it('turns a problem+json answer into an ApiError with field errors', async () => {
    answers.push(
      jsonResponse(
        400,
        {
          type: 'https://agora.dev/problems/invalid',
          title: 'Données invalides',
          status: 400,
          detail: 'Certaines valeurs sont invalides : corrigez les champs indiqués.',
          errors: [{ field: 'name', message: 'Le nom est obligatoire.' }],
        },
        'application/problem+json; charset=utf-8',
      ),
    );
    const error = await failure(api('/api/v1/orgs/o1/parties', { method: 'POST', body: {} }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ name: 'Le nom est obligatoire.' });
    expect(error.message).toBe('Certaines valeurs sont invalides : corrigez les champs indiqués.');
  });

  it('asks /me for a fresh token once when the server refuses the CSRF token', async () => {
    setCsrfToken('stale');
    answers.push(
      jsonResponse(
        403,
        { type: 'https://agora.dev/problems/csrf', title: 'Jeton', status: 403 },
        'application/problem+json',
      ),
      jsonResponse(200, { csrfToken: 'fresh' }),
      jsonResponse(200, { id: 'p1' }),
    );
    await expect(api('/api/v1/orgs/o1/parties/p1/archive', { method: 'POST' })).resolves.toEqual({
      id: 'p1',
    });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/orgs/o1/parties/p1/archive',
      '/api/v1/me',
      '/api/v1/orgs/o1/parties/p1/archive',
    ]);
    expect(headersOf(calls[2])['x-csrf-token']).toBe('fresh');
  });

  it('reports a request that never got an answer as a network problem', async () => {
    const error = await failure(api('/api/v1/me'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
  });
});

describe('queryString', () => {
  it('leaves out empty values', () => {
    expect(queryString({ q: 'a b', role: undefined, kind: '', limit: 25, offset: 0 })).toBe(
      '?q=a+b&limit=25&offset=0',
    );
    expect(queryString({})).toBe('');
  });
});

describe('apiDownload', () => {
  it('gives the bytes and the attachment name of an export', async () => {
    answers.push(
      new Response(new Uint8Array([0x45, 0xe9, 0x0a]), {
        status: 200,
        headers: {
          'content-type': 'text/plain; charset=iso-8859-15',
          'content-disposition': 'attachment; filename="812345676FEC20261231.txt"',
        },
      }),
    );
    const { blob, fileName } = await apiDownload('/api/v1/orgs/o/ledger/fec?fiscalYear=2026');
    expect(fileName).toBe('812345676FEC20261231.txt');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x45, 0xe9, 0x0a]);
  });

  it('turns a refusal into an ApiError with its list of problems', async () => {
    answers.push(
      jsonResponse(
        422,
        {
          type: 'https://agora.dev/problems/rule-broken',
          title: 'Règle de gestion non respectée',
          status: 422,
          detail: 'Le FEC de l’exercice 2026 ne peut pas être produit : 1 anomalie(s).',
          errors: [{ field: 'écriture 3', message: 'Rupture de numérotation : n° 2 manquant.' }],
        },
        'application/problem+json',
      ),
    );
    const error = await failure(apiDownload('/api/v1/orgs/o/ledger/fec?fiscalYear=2026'));
    expect(error.kind).toBe('rule-broken');
    expect(error.problem.errors).toEqual([
      { field: 'écriture 3', message: 'Rupture de numérotation : n° 2 manquant.' },
    ]);
  });

  it('reads both forms of a file name', () => {
    expect(attachmentName("attachment; filename*=UTF-8''bilan%20%C3%A9t%C3%A9.csv")).toBe('bilan été.csv');
    expect(attachmentName('attachment; filename=plain.txt')).toBe('plain.txt');
    expect(attachmentName(null)).toBeNull();
  });
});

describe('raw bodies', () => {
  it('sends a file as it is, with its type and the anti-CSRF token', async () => {
    setCsrfToken('token-1');
    answers.push(jsonResponse(200, { entries: 1 }));
    const file = new Blob(['JournalCode\tJournalLib'], { type: 'text/plain' });
    await api('/api/v1/orgs/o/ledger/fec/import', {
      method: 'POST',
      raw: { body: file, contentType: 'application/octet-stream' },
    });
    expect(calls[0]!.init.body).toBe(file);
    expect(headersOf(calls[0])['content-type']).toBe('application/octet-stream');
    expect(headersOf(calls[0])['x-csrf-token']).toBe('token-1');
  });
});

describe('uploads with progress', () => {
  type Sent = { method: string; url: string; headers: Record<string, string>; body: unknown };
  let sent: Sent[];
  // What each XMLHttpRequest answers: status, body, content type; or 'network' for a failed connection.
  let replies: ([number, unknown, string] | 'network')[];

  /** The little of XMLHttpRequest the client uses; fetch cannot tell how much of a body has gone. */
  class FakeXhr {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    statusText = '';
    responseText = '';
    #type = '';
    #request: Sent = { method: '', url: '', headers: {}, body: null };
    open(method: string, url: string) {
      this.#request = { method, url, headers: {}, body: null };
    }
    setRequestHeader(name: string, value: string) {
      this.#request.headers[name] = value;
    }
    getAllResponseHeaders() {
      return `content-type: ${this.#type}\r\n`;
    }
    abort() {}
    send(body: unknown) {
      this.#request.body = body;
      sent.push(this.#request);
      const reply = replies.shift();
      queueMicrotask(() => {
        if (!reply || reply === 'network') return this.onerror?.();
        this.upload.onprogress?.({ lengthComputable: true, loaded: 4, total: 10 } as ProgressEvent);
        this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 } as ProgressEvent);
        [this.status, , this.#type] = reply;
        this.statusText = String(reply[0]);
        this.responseText = JSON.stringify(reply[1]);
        this.onload?.();
      });
    }
  }

  beforeEach(() => {
    sent = [];
    replies = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });

  const file = new Blob(['JournalCode\tJournalLib'], { type: 'text/plain' });
  const upload = (progress: [number, number][]) =>
    api('/api/v1/orgs/o/ledger/fec/imports', {
      method: 'POST',
      raw: { body: file, contentType: 'application/octet-stream' },
      onUpload: (done, total) => progress.push([done, total]),
    });

  it('sends the file with its type and the anti-CSRF token, telling how much has gone', async () => {
    setCsrfToken('token-1');
    replies.push([202, { id: 'job-1' }, 'application/json; charset=utf-8']);
    const progress: [number, number][] = [];
    await expect(upload(progress)).resolves.toEqual({ id: 'job-1' });
    expect(progress).toEqual([
      [4, 10],
      [10, 10],
    ]);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/v1/orgs/o/ledger/fec/imports', body: file });
    expect(sent[0]!.headers['content-type']).toBe('application/octet-stream');
    expect(sent[0]!.headers['x-csrf-token']).toBe('token-1');
    expect(calls).toEqual([]);
  });

  it('turns a refusal into an ApiError, and asks for a fresh token once as fetch requests do', async () => {
    setCsrfToken('stale');
    replies.push(
      [
        403,
        { type: 'https://agora.dev/problems/csrf', title: 'Jeton', status: 403 },
        'application/problem+json',
      ],
      [
        409,
        {
          type: 'https://agora.dev/problems/conflict',
          title: 'Conflit',
          status: 409,
          detail: 'Déjà en cours.',
        },
        'application/problem+json',
      ],
    );
    answers.push(jsonResponse(200, { csrfToken: 'fresh' }));
    const error = await failure(upload([]));
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe('Déjà en cours.');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me']);
    expect(sent.map((s) => s.headers['x-csrf-token'])).toEqual(['stale', 'fresh']);
  });

  it('reports a connection that failed as a network problem', async () => {
    replies.push('network');
    expect((await failure(upload([]))).kind).toBe('network');
  });
});
