import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureDemo } from '../../src/demo/seed.ts';
import { migrateToLatest, openStore, type Store } from '../../src/kernel/db/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = join(import.meta.dirname, '../../web/dist');

/** The browser suites run when Chromium and the built web app are there; in CI they must be. */
export const browserAvailable = existsSync(CHROMIUM) && existsSync(join(WEB_DIST, 'index.html'));
if (!browserAvailable && process.env.CI === 'true')
  throw new Error(
    `Chromium (${CHROMIUM}) et l’application web construite (${WEB_DIST}) sont obligatoires en CI.`,
  );

export type Running = { app: App; store: Store; baseUrl: string; browser: Browser; downloadsDir: string };

/** The real server (npm start's composition: demo seed, built web app) on a free port, and Chromium. */
export async function startBrowserStack(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'agora-e2e-'));
  const store = openStore(join(dir, 'agora.sqlite'));
  await migrateToLatest(store);
  await ensureDemo(store);
  const app = await buildApp({ store, documentsDir: join(dir, 'documents'), webDir: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { app, store, baseUrl: `http://127.0.0.1:${port}`, browser, downloadsDir: join(dir, 'downloads') };
}

export async function stopBrowserStack(running: Running | undefined): Promise<void> {
  if (!running) return;
  await running.browser.close();
  await running.app.close();
  await running.store.close();
}

export type AxeFinding = { page: string; id: string; impact: string; help: string; targets: string[] };

/** Serious and critical WCAG 2 A/AA violations on the current page. */
export async function seriousViolations(page: Page, label: string): Promise<AxeFinding[]> {
  // A toast fading in or out has a partial opacity, which axe measures as poor contrast: let every finite
  // CSS transition and animation settle first (loaders spin forever; the expression runs in the page).
  await page.evaluate(`Promise.all(document.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
      .map((a) => a.finished.catch(() => null)))`);
  // A toast may still start to fade while axe runs (its timer closes it): transitions are switched off
  // for the analysis, so every element is measured at its settled look, never half transparent.
  await page.evaluate(`(() => {
    const style = document.createElement('style');
    style.id = 'agora-axe-settled';
    style.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.append(style);
  })()`);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze()
    .finally(() => page.evaluate(`document.getElementById('agora-axe-settled')?.remove()`));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: label,
      id: v.id,
      impact: String(v.impact),
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/**
 * Collects console errors and CSP refusals: a page that logs them is broken even if it renders. They go,
 * as they happen, into `errors` (one list may watch several pages), which is returned.
 */
export function watchConsole(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export type Credentials = { email: string; password: string };
export const DEMO_USER: Credentials = { email: 'demo@agora.test', password: 'demo' };

/** Signs in through the login form at `url` and waits until an organisation's page opens. */
export async function logIn(page: Page, url: string, user: Credentials): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/orgs\/[^/]+/);
}

export type SessionOptions = {
  /** Open the suite's page (`session.page`) once the stack runs; default true. */
  page?: boolean;
  /** `audit` waits for the network to be idle before axe runs; default true. */
  networkIdle?: boolean;
};

/** What a browser suite shares. Its functions may be destructured; `stack` and `page` are set in beforeAll. */
export type BrowserSession = {
  stack: Running;
  /** The suite's page, in French, its console watched. */
  page: Page;
  consoleErrors: string[];
  findings: AxeFinding[];
  /** A page in a new French browser context, its console errors collected with the suite's. */
  newPage: () => Promise<Page>;
  /** Runs axe on the suite's page, or on `page`, and keeps its serious and critical findings. */
  audit: { (label: string): Promise<void>; (page: Page, label: string): Promise<void> };
  /** Signs in on the suite's page from `path` (the home page by default); the organisation's `/orgs/<id>`. */
  login: (user?: Credentials, path?: string) => Promise<string>;
  /** The suite's last check: no axe finding, no console error but those containing `ignored`. */
  expectClean: (ignored?: string) => void;
};

/**
 * A browser suite's set-up, called in its `describe`: the server and Chromium start before the tests
 * (60 s allowed) and stop after them; the suite's page opens in French with its console watched.
 */
export function useBrowserSession(options: SessionOptions = {}): BrowserSession {
  const session: BrowserSession = {
    stack: undefined as unknown as Running,
    page: undefined as unknown as Page,
    consoleErrors: [],
    findings: [],
    newPage: async () => {
      const context = await session.stack.browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
      const page = await context.newPage();
      watchConsole(page, session.consoleErrors);
      return page;
    },
    audit: async (pageOrLabel: Page | string, label?: string) => {
      const [page, name] =
        typeof pageOrLabel === 'string' ? [session.page, pageOrLabel] : [pageOrLabel, label!];
      if (options.networkIdle !== false) await page.waitForLoadState('networkidle');
      session.findings.push(...(await seriousViolations(page, name)));
    },
    login: async (user = DEMO_USER, path = '') => {
      await logIn(session.page, `${session.stack.baseUrl}${path}`, user);
      return new URL(session.page.url()).pathname.replace(/^(\/orgs\/[^/]+).*$/, '$1');
    },
    expectClean: (ignored) => {
      expect(session.findings).toEqual([]);
      const errors = ignored
        ? session.consoleErrors.filter((e) => !e.includes(ignored))
        : session.consoleErrors;
      expect(errors).toEqual([]);
    },
  };
  beforeAll(async () => {
    session.stack = await startBrowserStack();
    if (options.page !== false) session.page = await session.newPage();
  }, 60_000);
  afterAll(async () => {
    await stopBrowserStack(session.stack);
  });
  return session;
}
