import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { Application } from '../../src/app';
import { MemoryStore } from '../../src/store/memory';
import { movableClock, testApp } from '../helpers';

/** A real server on a free port and Debian's headless Chromium, driven by playwright-core. */

export const AGENT_KEY = 'agent-key-for-the-tests-0123456789';

export const chromiumPath = () =>
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ??
  '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Headless in a sandbox with no network beyond this machine (see the env notes): no background calls.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function serve(settings: Record<string, string> = {}) {
  const store = new MemoryStore();
  const clock = movableClock();
  const app = testApp({ AGENT_KEY, ...settings }, { store, clock });
  const port = await app.listen();
  return { app, url: `http://127.0.0.1:${port}`, store, clock };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page (or a frame of it) as it stands; the serious and critical violations, with their targets. */
export async function seriousViolations(
  page: Page | Frame,
): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Where the page tests put their screenshots: test-output/ (ignored by git), so `npm test` leaves the tree
 * clean. `npm run screenshots` runs the page tests with SCREENSHOTS_DIR=docs/screenshots to refresh the README's.
 */
const root = path.join(__dirname, '..', '..');
export const screenshotDir = path.resolve(root, process.env.SCREENSHOTS_DIR ?? path.join('test-output', 'screenshots'));
mkdirSync(screenshotDir, { recursive: true });
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** A browser and a server for a whole test file, started before its tests and stopped after. */
export function useBrowserAndServer(settings: Record<string, string> = {}) {
  const env = {} as {
    browser: Browser;
    app: Application;
    url: string;
    store: MemoryStore;
    clock: ReturnType<typeof movableClock>;
  };
  beforeAll(async () => {
    env.browser = await launch();
    Object.assign(env, await serve(settings));
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.app?.close();
  });
  return env;
}

/** The agent console, signed in (with the tests' agent key unless told another). */
export async function signIn(page: Page, url: string, key = AGENT_KEY) {
  await page.goto(`${url}/agent`);
  await page.getByLabel("Identifiant d'agent").fill(key);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The widget's frame on a page (the loader puts it in its shadow root; Playwright's CSS reaches into open ones). */
export async function widgetFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#guidance-widget iframe').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no widget frame');
  return frame;
}

/** What a page keeps in the browser: storage, and how many history entries it added since `historyAtLoad`. */
export async function kept(page: Page | Frame, historyAtLoad = 0) {
  return page.evaluate(
    (h0) => ({ local: localStorage.length, session: sessionStorage.length, historyAdded: history.length - h0 }),
    historyAtLoad,
  );
}
