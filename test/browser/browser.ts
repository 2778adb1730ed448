import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Application } from '../../src/app';
import { MemoryStore } from '../../src/store/memory';
import { testApp } from '../helpers';

/** A real server on a free port and Debian's headless Chromium, driven by playwright-core. */

export const AGENT_KEY = 'agent-key-for-the-tests-0123456789';

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Headless in a sandbox with no network beyond this machine (see the env notes): no background calls.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function serve(settings: Record<string, string> = {}): Promise<{ app: Application; url: string; store: MemoryStore }> {
  const store = new MemoryStore();
  const app = testApp({ AGENT_KEY, ...settings }, { store });
  const port = await app.listen();
  return { app, url: `http://127.0.0.1:${port}`, store };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it stands; the serious and critical violations, with their targets. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

export const screenshotDir = path.join(__dirname, '..', '..', 'docs', 'screenshots');
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** A browser and a server for a whole test file, started before its tests and stopped after. */
export function useBrowserAndServer(settings: Record<string, string> = {}) {
  const env = {} as { browser: Browser; app: Application; url: string; store: MemoryStore };
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
