import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { Application } from '../../src/app';
import { MemoryStore } from '../../src/store/memory';
import { testApp } from '../helpers';
import { DESKTOP, launch, widgetFrame } from './browser';

/**
 * The widget on someone else's site: a host page served from a second origin loads the one script tag from this server;
 * the conversation runs in a frame of this server's origin, so the host page's scripts can read nothing of it, and a
 * site that is not in CORS_ORIGINS cannot frame it at all.
 */

jest.setTimeout(60_000);

let browser: Browser;
let hosts: Server[] = [];
let app: Application;
let serverUrl: string;
const store = new MemoryStore();

/** A host site of its own origin (another host name and port than the service's) with the one script tag. */
async function hostSite(body = ''): Promise<string> {
  const host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Association partenaire</title></head>
      <body><main><h1>Association partenaire</h1><p>Une page d'un autre site.</p>${body}</main>
      <script src="${serverUrl}/widget.js" defer></script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hosts.push(host);
  return `http://localhost:${(host.address() as AddressInfo).port}`;
}

let partner: string;
beforeAll(async () => {
  browser = await launch();
  // the partner's port is known before the server starts: reserve it with a first host
  serverUrl = 'http://127.0.0.1:0';
  partner = await hostSite();
  app = testApp({ CORS_ORIGINS: partner }, { store });
  serverUrl = `http://127.0.0.1:${await app.listen()}`;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  for (const host of hosts) await new Promise((resolve) => host.close(resolve));
  hosts = [];
});

test('a host page of another origin, listed in CORS_ORIGINS, embeds the widget; its scripts can read nothing of it', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${partner}/`);
  await page.locator('#guidance-widget .launcher').click({ timeout: 10_000 });
  const frame = await widgetFrame(page);
  expect(new URL(frame.url()).origin).toBe(serverUrl);
  await frame.getByRole('button', { name: "Demander l'asile (protection en France)" }).click();
  await frame.getByRole('button', { name: 'En France', exact: true }).click();
  await frame.getByRole('button', { name: /Ma demande est enregistrée/ }).click();
  await frame.locator('input[type=date]').fill('2026-11-14');
  await frame.getByRole('button', { name: 'Valider' }).click();
  await frame.getByRole('button', { name: 'Voir le résultat' }).click();
  await frame.locator('.decision', { hasText: /samedi 5 décembre 2026/ }).waitFor();
  expect(blocked).toEqual([]);
  expect(store.size).toBe(1);

  // what the host page's own scripts (analytics, session replay) can reach: no keys, no text of the conversation
  const seen = await page.evaluate(() => {
    const host = document.getElementById('guidance-widget');
    const iframe = host?.shadowRoot?.querySelector('iframe');
    let inside: string | undefined;
    try {
      inside = iframe?.contentDocument?.body.innerText;
    } catch {
      inside = undefined;
    }
    return {
      storage: sessionStorage.length + localStorage.length,
      cookies: document.cookie,
      inside: inside ?? null,
      text: document.body.innerText,
    };
  });
  expect(seen).toEqual({ storage: 0, cookies: '', inside: null, text: expect.not.stringMatching(/OFPRA|décembre/) });
  // the keys are in the frame's own storage, or in its memory where the browser refuses storage to other sites' frames
  const inFrame = await frame.evaluate(() => {
    try {
      return sessionStorage.getItem('guidance-session');
    } catch {
      return 'refused';
    }
  });
  expect(inFrame).toMatch(/"token"|^refused$/);
  expect(errors).toEqual([]);
  await context.close();
});

test('a site that is not in CORS_ORIGINS cannot frame the conversation', async () => {
  const stranger = await hostSite(`<iframe id="direct" title="x" src="${serverUrl}/widget/frame"></iframe>`);
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${stranger}/`);
  const handle = await page.locator('#direct').elementHandle();
  const frame = await handle?.contentFrame();
  // the browser refuses to show it (frame-ancestors): the frame holds an error page, not the widget
  await page.waitForTimeout(1500);
  expect(frame && (await frame.locator('#frame').count())).toBe(0);
  await context.close();
});
