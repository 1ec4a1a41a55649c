import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '@linli/server/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { solveChallenge } from '../../apps/server/src/modules/cases/human-check.ts';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
// LINLI_WEB_DIST lets parallel work build the web app into its own folder.
const WEB_DIST = process.env.LINLI_WEB_DIST || fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;
export type Viewport = { width: number; height: number };

export interface Harness {
  app: TestApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Linli on a fresh embedded database with the demo district, listening on a free port, plus Chromium. */
export async function startHarness(): Promise<Harness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const app = await createTestApp({ config: { webDist: WEB_DIST, loginRateLimitPerMinute: 1000 } });
  // The browser runs on real time: sessions must not look idle against the test clock.
  app.platform.clock = { now: () => new Date() };
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const base = `http://127.0.0.1:${port}`;
  app.platform.config.publicUrl = base;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  return {
    app,
    base,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

export async function newPage(
  h: Harness,
  viewport: { width: number; height: number },
  opts: { mobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    viewport,
    locale: 'zh-CN',
    deviceScaleFactor: 1,
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return { context, page };
}

/** Signs in to the console (desktop by default) and waits for it to load. */
export async function consoleAs(
  h: Harness,
  phone: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const s = await newPage(h, viewport);
  await s.page.goto(`${h.base}/console/login`);
  await s.page.getByTestId('login-phone').fill(phone);
  await s.page.getByTestId('login-password').fill('Linli@2026');
  await s.page.getByTestId('login-submit').click();
  await s.page.getByTestId('node-switcher').waitFor();
  return s;
}

/** Signs in on the resident phone web (390 px) and waits for the home or applications page. */
export async function phoneAs(h: Harness, phone: string): Promise<{ context: BrowserContext; page: Page }> {
  const s = await newPage(h, PHONE, { mobile: true });
  await s.page.goto(`${h.base}/login`);
  await s.page.getByTestId('login-phone').fill(phone);
  await s.page.getByTestId('login-password').fill('Linli@2026');
  await s.page.getByTestId('login-submit').click();
  await s.page.waitForURL(/\/(home|applications)$/);
  return s;
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });

/**
 * The answer to a QR report form's human check ("3 + 4 = ?" drawn as an SVG). A person reads the picture;
 * the test computes it from the signed check token with the server's keys instead.
 */
export function solveHumanCheck(h: Harness, checkToken: string): string {
  const answer = solveChallenge(h.app.platform.keys, checkToken);
  if (!answer) throw new Error('human check token not solvable with these keys');
  return answer;
}
