import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshotDir, seriousViolations, useBrowserAndServer, widgetFrame } from './browser';

/**
 * The chat widget on the demo page, in a real Chromium: the loader adds a button and a frame of the server's own
 * origin, where the conversation runs. A whole conversation, a reload, the answers checked before the outcome,
 * leaving quickly, accessibility, screenshots.
 */

jest.setTimeout(60_000);
const env = useBrowserAndServer();

async function openWidget(page: Page): Promise<Frame> {
  await page.goto(env.url);
  await page.locator('#guidance-widget .launcher').click();
  const frame = await widgetFrame(page);
  await frame.locator('.controls button.option').first().waitFor();
  return frame;
}

async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp) {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout: 10_000 });
}

test('privacy first; the answers checked before an outcome that leads with the day to act by; history kept on reload', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  let frame = await openWidget(page);
  const privacy = frame.getByRole('region', { name: 'Avant de commencer' });
  for (const line of [
    /votre nom/,
    /préfecture, à la police ni à l'OFII/,
    /gardée 1 jour/,
    /« Quitter vite »/,
    /pas une décision/,
  ])
    await expectText(privacy.locator('li'), line);
  await frame.getByRole('button', { name: "Demander l'asile (protection en France)" }).click();
  await frame.getByRole('button', { name: 'En France', exact: true }).click();
  await frame.getByRole('button', { name: /Ma demande est enregistrée/ }).click();
  await frame.locator('input[type=date]').waitFor();

  // A reload mid-conversation: the earlier questions and answers come back, then the same question.
  await page.reload();
  frame = await widgetFrame(page);
  await frame.locator('input[type=date]').waitFor();
  await expectText(frame.locator('.log'), /Nous avons repris votre conversation/);
  await expectText(frame.locator('.bubble.bot.past'), /Où êtes-vous en ce moment/);
  await expectText(frame.locator('.bubble.user.past'), /^(Vous: )?En France$/);
  await frame.locator('input[type=date]').fill('2026-11-15');
  await frame.getByRole('button', { name: 'Valider' }).click();

  // Check your answers: each with "Change"; the date changed in place, then the result
  const review = frame.getByRole('region', { name: 'Vérifiez vos réponses' });
  await expectText(review.locator('dd'), /dimanche 15 novembre 2026/);
  expect(await seriousViolations(frame)).toEqual([]);
  await review.getByRole('button', { name: /Modifier la réponse : Quel jour/ }).click();
  await review.locator('input[type=date]').fill('2026-11-14');
  await review.getByRole('button', { name: 'Valider' }).click();
  await expectText(
    frame.getByRole('region', { name: 'Vérifiez vos réponses' }).locator('dd'),
    /samedi 14 novembre 2026/,
  );
  await frame.getByRole('button', { name: 'Voir le résultat' }).click();

  const card = frame.locator('.decision');
  await card.waitFor();
  // it leads with what to do: the Friday before the legal last day, a Saturday
  expect(await card.locator('h4').first().textContent()).toBe('Ce que vous devez faire');
  await expectText(card.locator('.deadlines strong'), /au plus tard le vendredi 4 décembre 2026/);
  await expectText(card.locator('.deadlines .warning'), /samedi 5 décembre 2026/);
  // focus on the outcome, for keyboard and screen-reader users
  expect(await frame.evaluate(() => document.activeElement?.matches('.decision h3.status'))).toBe(true);
  await page.screenshot({ path: path.join(screenshotDir, 'widget-desktop.png') });
  // no verdict cut short; "Why?" adds the text it rests on, not the same sentence again
  expect(await card.locator('.conditions').textContent()).not.toContain('…');
  await card.locator('details summary', { hasText: 'Pourquoi ?' }).first().click();
  await expectText(card.locator('details[open]').first(), /Référence/);
  expect(await seriousViolations(frame)).toEqual([]);

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: /Télécharger les dates/ }).click();
  expect((await download).suggestedFilename()).toBe('deadlines.ics');
  await card.getByRole('button', { name: 'Oui', exact: true }).click();
  await expectText(card, /Merci/);
  await context.close();
});

test('keyboard only: open, the focus on the question, Tab to an answer, Enter', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('#guidance-widget .launcher').waitFor();
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'guidance-widget'; i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const frame = await widgetFrame(page);
  await frame.locator('.controls button.option').first().waitFor();
  await frame.waitForFunction(() => document.activeElement?.classList.contains('question'));
  await page.keyboard.press('Tab');
  expect(await frame.evaluate(() => document.activeElement?.classList.contains('option'))).toBe(true);
  await page.keyboard.press('Enter');
  await expectText(frame.locator('[role=log]'), /Voyons ensemble/);
  expect(await frame.locator('[role=log]').getAttribute('aria-live')).toBe('polite');
  await frame.waitForFunction(() => document.activeElement?.textContent?.includes('Où êtes-vous'));
  await page.screenshot({ path: path.join(screenshotDir, 'widget-phone.png') });
  await context.close();
});

test('another language re-asks the question in it; right to left, the widget stays on its side', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  const frame = await openWidget(page);
  const box = async () => (await page.locator('#guidance-widget iframe').boundingBox())!;
  const before = await box();
  await frame.locator('select').selectOption('en');
  await expectText(frame.locator('.log'), /What do you need help with\?/);
  await frame.locator('select').selectOption('ar');
  await expectText(frame.locator('.log'), /في أي شيء تحتاج المساعدة؟/);
  expect(await frame.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await frame.locator('.bubble.bot').last().getAttribute('dir')).toBe('rtl');
  const after = await box();
  expect(after.x + after.width).toBe(before.x + before.width);
  await page.screenshot({ path: path.join(screenshotDir, 'widget-arabic-desktop.png') });
  await context.close();
});

test('a session the server says has expired, or is gone, is said to be so, with a new one offered', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  let frame = await openWidget(page);
  const keys = async () => frame.evaluate(() => JSON.parse(sessionStorage.getItem('guidance-session') ?? 'null'));
  expect(await keys()).toMatchObject({ id: expect.any(String), token: expect.any(String) });
  env.clock.advance(25 * 3600_000);
  await page.reload();
  frame = await widgetFrame(page);
  await expectText(frame.locator('.log'), /a expiré/);
  await frame.getByRole('button', { name: 'Commencer une nouvelle conversation' }).click();
  await frame.locator('.controls button.option').first().waitFor();
  const second = await keys();
  await env.app.services.store.delete(second.id);
  await page.reload();
  frame = await widgetFrame(page);
  await expectText(frame.locator('.log'), /n'est plus disponible/);
  expect(await frame.locator('.log').textContent()).not.toMatch(/a expiré/);
  await context.close();
});

test('an answer given while the connection is down reaches the session once it is back', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  const page = await context.newPage();
  const frame = await openWidget(page);
  const keys = await frame.evaluate(() => JSON.parse(sessionStorage.getItem('guidance-session') ?? 'null'));
  const chat = env.app.io.of('/chat');
  let slow = true;
  chat.use((_socket, next) => (slow ? setTimeout(next, 1500) : next()));
  for (const socket of chat.sockets.values()) socket.conn.close();
  await expectText(frame.locator('.log'), /Connexion perdue/);
  await frame.getByRole('button', { name: "Demander l'asile (protection en France)" }).click();
  await expectText(frame.locator('.log'), /Où êtes-vous en ce moment/);
  slow = false;
  expect(await frame.locator('.log').textContent()).not.toMatch(/a expiré|n'est plus disponible/);
  const stored = await env.app.services.store.get(keys.id);
  expect(stored?.answers.map((a) => a.value)).toEqual(['asylum-filing']);
  await context.close();
});

test('"leave quickly" erases the session and removes the widget from the page; "restart" asks first', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  const frame = await openWidget(page);
  await frame.getByRole('button', { name: "Demander l'asile (protection en France)" }).click();
  await frame.getByRole('button', { name: 'En France', exact: true }).waitFor();
  await frame.getByRole('button', { name: 'Recommencer' }).click();
  await frame.getByRole('alert').filter({ hasText: 'Recommencer depuis le début ?' }).waitFor();
  expect(await seriousViolations(frame)).toEqual([]);
  await frame.getByRole('button', { name: 'Annuler' }).click();
  expect(await frame.getByRole('button', { name: 'En France', exact: true }).isVisible()).toBe(true);
  const keys = await frame.evaluate(() => JSON.parse(sessionStorage.getItem('guidance-session') ?? 'null'));
  expect(await env.app.services.store.get(keys.id)).toBeDefined();
  await frame.getByRole('button', { name: 'Quitter vite' }).click();
  await page.locator('#guidance-widget').waitFor({ state: 'detached' });
  expect(await env.app.services.store.get(keys.id)).toBeUndefined();
  expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
  await context.close();
});

test('no serious or critical accessibility violation, closed and open, on a phone', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.locator('#guidance-widget .launcher').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  const frame = await openWidget(page);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await seriousViolations(frame)).toEqual([]);
  // the hand-over screens
  await frame.getByRole('button', { name: 'Parler à un conseiller' }).click();
  await frame.getByRole('button', { name: "J'accepte, donnez-moi un code" }).click();
  await frame.locator('.handover-code').waitFor();
  expect(await seriousViolations(frame)).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await context.close();
});
