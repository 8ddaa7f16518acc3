import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE } from '../../src/training/coverage/declarations.ts';
import { loadReferentiel, referentielCodes } from '../../src/training/referentiel/referentiel.ts';
import { startTestServer, type TestServer } from '../support/http.ts';

const ROUTES_DIR = join(import.meta.dirname, '../../web/src/routes');
const BIN = join(import.meta.dirname, '../../bin/agora.js');

/** Every web screen: a route file under web/src/routes, named by its path without the extension. */
function webScreens(dir = ROUTES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return webScreens(path);
    if (!entry.name.endsWith('.tsx') || entry.name === '__root.tsx' || entry.name.includes('.test.'))
      return [];
    return [relative(ROUTES_DIR, path).replace(/\.tsx$/, '')];
  });
}

// Issue 5 §2: every screen and every API operation declares which activities it serves. Other features
// add routes all the time; this test lists what is missing, so a new route cannot ship undeclared.
describe('référentiel coverage declarations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('declares every web screen, and nothing that no longer exists', () => {
    const screens = webScreens();
    expect(screens.length).toBeGreaterThan(30);
    const undeclared = screens.filter((s) => !(s in COVERAGE.screens));
    expect(undeclared, 'add these screens to src/training/coverage/declarations.ts').toEqual([]);
    const stale = Object.keys(COVERAGE.screens).filter((s) => !screens.includes(s));
    expect(stale, 'remove these screens from src/training/coverage/declarations.ts').toEqual([]);
  });

  it('declares every API operation, and nothing that no longer exists', () => {
    const operations = server.app.routeTable
      .filter((r) => r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
    const undeclared = operations.filter((o) => !(o in COVERAGE.operations));
    expect(undeclared, 'add these operations to src/training/coverage/declarations.ts').toEqual([]);
    const stale = Object.keys(COVERAGE.operations).filter((o) => !operations.includes(o));
    expect(stale, 'remove these operations from src/training/coverage/declarations.ts').toEqual([]);
  });

  it('names only activities and tasks that the référentiel has', () => {
    const { activities, tasks } = referentielCodes(loadReferentiel('agora'));
    const unknown = [...Object.entries(COVERAGE.screens), ...Object.entries(COVERAGE.operations)].flatMap(
      ([key, codes]) => codes.filter((c) => !activities.has(c) && !tasks.has(c)).map((c) => `${key}: ${c}`),
    );
    expect(unknown).toEqual([]);
  });

  it('`agora coverage` lists, per task and competency, what serves it and what is not served yet', async () => {
    const { stdout } = await promisify(execFile)('node', [BIN, 'coverage', '--json']);
    const report = JSON.parse(stdout);
    const invoicing = report.tasks.find((t: { code: string }) => t.code === '1.2.t2');
    expect(invoicing.title).toBe('Traitement de la livraison et de la facturation');
    expect(invoicing.screens).toContain('orgs/$orgId/relations/invoices/index');
    expect(invoicing.operations).toContain('POST /api/v1/orgs/:orgId/invoices/:invoiceId/validate');
    // The VAT return (CA3) serves task 2.2.t3, by its screen and its operations.
    const vatReturn = report.tasks.find((t: { code: string }) => t.code === '2.2.t3');
    expect(vatReturn.screens).toContain('orgs/$orgId/production/vat-returns');
    expect(vatReturn.operations).toContain('POST /api/v1/orgs/:orgId/vat-returns');
    expect(report.unservedTasks).not.toContain('2.2.t3');
    // The stock serves 2.1.t1 and 2.3.t2 (decision 0042); the formalities serve 2.1.t3 (decision 0048).
    const stock = report.tasks.find((t: { code: string }) => t.code === '2.1.t1');
    expect(stock.operations).toContain('POST /api/v1/orgs/:orgId/stock/items/:itemId/movements');
    expect(report.unservedTasks).not.toContain('2.1.t1');
    expect(report.unservedTasks).not.toContain('2.3.t2');
    // The formalities with the partners serve 2.1.t3 (decision 0048); 2.1.t4 is still unserved.
    const formalities = report.tasks.find((t: { code: string }) => t.code === '2.1.t3');
    expect(formalities.operations).toContain('POST /api/v1/orgs/:orgId/formalities/:formalityId/complete');
    expect(report.unservedTasks).not.toContain('2.1.t3');
    expect(report.unservedTasks).toContain('2.1.t4');
    expect(report.tasks).toHaveLength(33);
    const text = await promisify(execFile)('node', [BIN, 'coverage']);
    expect(text.stdout).toContain('Non servies :');
    expect(text.stdout).toMatch(/2\.1\.t4 {2}/);
  });
});
