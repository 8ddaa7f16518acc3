import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The external oracles of ../shared/validators (official EN 16931 Schematron, Factur-X XSD, qpdf and
// poppler checks): the product's own code never judges its own invoices. They need Java; without it they
// are skipped, except in CI (CI=true), where a missing tool fails the run.

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const VALIDATORS_DIR = resolve(
  process.env.AGORA_VALIDATORS_DIR ?? join(projectRoot, '..', 'shared', 'validators'),
);

function javaPresent(): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, 'java')));
}

const present = existsSync(join(VALIDATORS_DIR, 'validate-cii.sh')) && javaPresent();
if (!present && process.env.CI === 'true')
  throw new Error(`Les validateurs Factur-X (Java + ${VALIDATORS_DIR}) sont obligatoires en CI (CI=true).`);

/** True when the external checks run; tests use `it.runIf(EXTERNAL_CHECKS)`. */
export const EXTERNAL_CHECKS = present;

export type CheckResult = { ok: boolean; output: string };

async function script(name: string, file: string): Promise<CheckResult> {
  try {
    const { stdout, stderr } = await run('bash', [join(VALIDATORS_DIR, name), file], {
      maxBuffer: 16 * 1024 * 1024,
      timeout: 180_000,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}${e.message}` };
  }
}

function withTempFile<T>(name: string, content: string | Uint8Array, work: (path: string) => Promise<T>) {
  const dir = mkdtempSync(join(tmpdir(), 'agora-fx-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return work(path).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** validate-cii.sh: XSD + EN 16931 Schematron + Factur-X Schematron. */
export function validateCii(xml: string): Promise<CheckResult> {
  return withTempFile('invoice.xml', xml, (path) => script('validate-cii.sh', path));
}

/** check-facturx-pdf.sh: PDF/A-3 and Factur-X structure, fonts, and the embedded XML through validate-cii.sh. */
export function checkFacturXPdf(pdf: Uint8Array): Promise<CheckResult> {
  return withTempFile('invoice.pdf', pdf, (path) => script('check-facturx-pdf.sh', path));
}

/** The factur-x.xml attached to a PDF, extracted with poppler's pdfdetach (by index, see the README). */
export function extractFacturXml(pdf: Uint8Array): Promise<string> {
  return withTempFile('invoice.pdf', pdf, async (path) => {
    const { stdout } = await run('pdfdetach', ['-list', path]);
    const index = /^(\d+): factur-x\.xml$/m.exec(stdout)?.[1];
    if (!index) throw new Error(`pas de factur-x.xml dans le PDF :\n${stdout}`);
    const out = `${path}.xml`;
    await run('pdfdetach', ['-save', index, '-o', out, path]);
    return readFileSync(out, 'utf8');
  });
}

/** Runs checks two at a time (the machines have two cores; each check starts a JVM). */
export async function inPairs<T, R>(items: readonly T[], check: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await check(items[i]!);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}
