import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { Application } from '../../src/app';
import { MemoryStore } from '../../src/store/memory';
import { testApp } from '../helpers';
import { DESKTOP, launch } from './browser';

/**
 * The widget on someone else's site: a host page served from a second origin loads the one script
 * tag from this server and runs a conversation (issue 9: helmet's same-origin resource policy blocked
 * the script; the page tests had only ever loaded it same-origin).
 */

jest.setTimeout(60_000);

let browser: Browser;
let host: Server;
let hostOrigin: string;
let app: Application;
let serverUrl: string;
const store = new MemoryStore();

beforeAll(async () => {
  browser = await launch();
  // The host site: its own origin (another host name and port than the service's).
  host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Association partenaire</title></head>
      <body><main><h1>Association partenaire</h1><p>Une page d'un autre site.</p></main>
      <script src="${serverUrl}/widget.js" defer></script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  app = testApp({ CORS_ORIGINS: hostOrigin }, { store });
  serverUrl = `http://127.0.0.1:${await app.listen()}`;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => host?.close(resolve));
});

test('a host page of another origin, listed in CORS_ORIGINS, embeds the widget and runs a conversation', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(`${hostOrigin}/`);
  await page.locator('#guidance-widget .launcher').click({ timeout: 10_000 });
  const panel = page.locator('#guidance-widget .panel');
  await panel.getByRole('button', { name: "Demander l'asile (protection en France)" }).click();
  await panel.getByRole('button', { name: 'En France', exact: true }).click();
  await panel.getByRole('button', { name: /Ma demande est enregistrée/ }).click();
  await panel.locator('input[type=date]').fill('2026-11-14');
  await panel.getByRole('button', { name: 'Valider' }).click();
  await panel.locator('.decision', { hasText: /samedi 5 décembre 2026/ }).waitFor();
  expect(blocked).toEqual([]);
  expect(store.size).toBe(1);
  await context.close();
});
