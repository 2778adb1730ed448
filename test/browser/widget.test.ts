import path from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshotDir, seriousViolations, useBrowserAndServer } from './browser';

/** The chat widget on the demo page, in a real Chromium: a whole conversation, a reload, accessibility, screenshots. */

jest.setTimeout(60_000);
const env = useBrowserAndServer();

const panel = (page: Page) => page.locator('#guidance-widget').locator('.panel');

async function openWidget(page: Page) {
  await page.goto(env.url);
  await page.locator('#guidance-widget .launcher').click();
  await panel(page).locator('button.option').first().waitFor();
}

test('a whole conversation to the deadline, resumed after a reload, with the calendar file', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  await openWidget(page);
  await panel(page).getByRole('button', { name: "Demander l'asile (protection en France)" }).click();
  await panel(page).getByRole('button', { name: 'En France', exact: true }).click();
  await panel(page)
    .getByRole('button', { name: /Ma demande est enregistrée/ })
    .click();
  await panel(page).locator('input[type=date]').fill('2026-11-14');

  // A reload mid-conversation: the same question comes back.
  await page.reload();
  await panel(page).locator('input[type=date]').waitFor();
  await expectText(panel(page), /Nous avons repris votre conversation/);
  await panel(page).locator('input[type=date]').fill('2026-11-14');
  await panel(page).getByRole('button', { name: 'Valider' }).click();

  const card = panel(page).locator('.decision');
  await card.waitFor();
  await expectText(card, /samedi 5 décembre 2026/);
  await expectText(card, /vendredi 4 décembre 2026/);

  // "Why?" opens the condition's explanation and reference.
  await card.locator('details summary', { hasText: 'Pourquoi ?' }).first().click();
  await expectText(card.locator('details[open]').first(), /Référence/);

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: /Télécharger les dates/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('deadlines.ics');

  await card.getByRole('button', { name: 'Oui', exact: true }).click();
  await expectText(card, /Merci/);
  await page.screenshot({ path: path.join(screenshotDir, 'widget-desktop.png') });
  await context.close();
});

test('keyboard only: open, answer by Enter, the live region hears the new message', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('#guidance-widget .launcher').waitFor();
  // Tab through the page's own links to the widget's button
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'guidance-widget'; i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await panel(page).locator('button.option').first().waitFor();
  // the first option has the focus: Enter answers it
  await page.keyboard.press('Enter');
  await expectText(panel(page).locator('[role=log]'), /Voyons ensemble/);
  expect(await panel(page).locator('[role=log]').getAttribute('aria-live')).toBe('polite');
  await page.screenshot({ path: path.join(screenshotDir, 'widget-phone.png') });
  await context.close();
});

test('changing the language re-asks the question in it, laid out in its direction', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  await openWidget(page);
  await panel(page).locator('select').selectOption('en');
  await expectText(panel(page), /What do you need help with\?/);
  const dir = await panel(page).locator('.bubble.bot').last().getAttribute('dir');
  expect(dir).toBe('ltr');
  // a right-to-left language: the whole panel turns
  await panel(page).locator('select').selectOption('ar');
  await expectText(panel(page), /في أي شيء تحتاج المساعدة؟/);
  expect(await panel(page).getAttribute('dir')).toBe('rtl');
  expect(await panel(page).locator('.bubble.bot').last().getAttribute('dir')).toBe('rtl');
  await page.screenshot({ path: path.join(screenshotDir, 'widget-arabic-desktop.png') });
  await context.close();
});

test('a session the server says has expired, or is gone, is said to be so, with a new one offered', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  await openWidget(page);
  const keys = await page.evaluate(() => JSON.parse(sessionStorage.getItem('guidance-session') ?? 'null'));
  expect(keys).toMatchObject({ id: expect.any(String), token: expect.any(String) });
  // a day and a bit later by the server's clock
  env.clock.advance(25 * 3600_000);
  await page.reload();
  await expectText(panel(page), /a expiré/);
  await panel(page).getByRole('button', { name: 'Commencer une nouvelle conversation' }).click();
  await panel(page).locator('button.option').first().waitFor();
  // erased elsewhere: not said to have expired
  const second = await page.evaluate(() => JSON.parse(sessionStorage.getItem('guidance-session') ?? 'null'));
  await env.app.services.store.delete(second.id);
  await page.reload();
  await expectText(panel(page), /n'est plus disponible/);
  expect(await panel(page).textContent()).not.toMatch(/a expiré/);
  await context.close();
});

test('an answer given while the connection is down reaches the session once it is back', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  await openWidget(page);
  const keys = await page.evaluate(() => JSON.parse(sessionStorage.getItem('guidance-session') ?? 'null'));
  // the next handshakes take a while, so the person answers while the connection is down
  const chat = env.app.io.of('/chat');
  let slow = true;
  chat.use((_socket, next) => (slow ? setTimeout(next, 1500) : next()));
  for (const socket of chat.sockets.values()) socket.conn.close();
  await expectText(panel(page), /Connexion perdue/);
  await panel(page).getByRole('button', { name: "Demander l'asile (protection en France)" }).click();
  await expectText(panel(page), /Où êtes-vous en ce moment/);
  slow = false;
  expect(await panel(page).textContent()).not.toMatch(/a expiré|n'est plus disponible/);
  const stored = await env.app.services.store.get(keys.id);
  expect(stored?.answers.map((a) => a.value)).toEqual(['asylum-filing']);
  await context.close();
});

test('no serious or critical accessibility violation, closed and open, on a phone', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('#guidance-widget .launcher').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#guidance-widget .launcher').click();
  await panel(page).locator('button.option').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // usable at 360 px: nothing wider than the screen
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await context.close();
});

async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp) {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout: 10_000 });
}
