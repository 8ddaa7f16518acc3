// The measured loads (autocannon, programmatic API: decision 0020): reads of the two list screens and
// writes of an invoice (create the draft, then validate it: number, ledger entry, Factur-X PDF).
import autocannon from 'autocannon';
import { invoiceBody } from './seed.ts';
import type { RunningServer } from './server.ts';

export const SECONDS = Number(process.env.AGORA_LOAD_SECONDS ?? 5);

export type Figures = {
  scenario: string;
  connections: number;
  p50: number;
  p99: number;
  max: number;
  rps: number;
  requests: number;
  /** Connection errors, timeouts and answers other than 2xx: the test wants 0. */
  failures: number;
};

function figures(scenario: string, connections: number, r: autocannon.Result): Figures {
  return {
    scenario,
    connections,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    rps: Math.round(r.requests.average),
    requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
  };
}

export async function readLoad(
  server: RunningServer,
  scenario: string,
  path: string,
  connections: number,
  seconds = SECONDS,
): Promise<Figures> {
  const result = await autocannon({
    url: `${server.base}${path}`,
    connections,
    duration: seconds,
    headers: { cookie: server.cookie },
  });
  return figures(scenario, connections, result);
}

/** Each connection creates a draft for a random customer, then validates it; both requests are counted. */
export async function writeLoad(
  server: RunningServer,
  orgId: string,
  customerIds: string[],
  connections: number,
  seconds = SECONDS,
): Promise<Figures & { validated: number }> {
  let validated = 0;
  const headers = { cookie: server.cookie, 'x-csrf-token': server.csrfToken };
  const json = { ...headers, 'content-type': 'application/json' };
  const result = await autocannon({
    url: server.base,
    connections,
    duration: seconds,
    // A validation writes a PDF; 200 connections queue behind one organisation's numbering.
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/orgs/${orgId}/invoices`,
        headers: json,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify(invoiceBody(customerIds[Math.floor(Math.random() * customerIds.length)]!)),
        }),
        onResponse: (status, body, context) => {
          (context as { invoiceId?: string }).invoiceId =
            status === 201 ? (JSON.parse(body) as { id: string }).id : 'absent';
        },
      },
      {
        method: 'POST',
        headers,
        setupRequest: (request, context) => ({
          ...request,
          path: `/api/v1/orgs/${orgId}/invoices/${(context as { invoiceId?: string }).invoiceId}/validate`,
        }),
        onResponse: (status) => {
          if (status === 200) validated++;
        },
      },
    ],
  });
  return { ...figures('create + validate an invoice', connections, result), validated };
}

/** One draft created and validated through the API; the two status codes. */
export async function createAndValidate(
  server: RunningServer,
  orgId: string,
  customerId: string,
): Promise<[number, number]> {
  const headers = { cookie: server.cookie, 'x-csrf-token': server.csrfToken };
  const created = await fetch(`${server.base}/api/v1/orgs/${orgId}/invoices`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(invoiceBody(customerId)),
  });
  const { id } = (await created.json()) as { id: string };
  const validated = await fetch(`${server.base}/api/v1/orgs/${orgId}/invoices/${id}/validate`, {
    method: 'POST',
    headers,
  });
  await validated.arrayBuffer();
  return [created.status, validated.status];
}
