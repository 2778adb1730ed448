import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, kept, PHONE, screenshotDir, seriousViolations, useBrowserAndServer } from './browser';

/**
 * A kiosk strangers share, used for real: nothing may leave the terminal or outlive the reset (no download, no new
 * window, nothing in storage), references and the calendar shown in place, a code for an adviser, a member of staff;
 * on the smallest screen the question and its answers in view.
 */

jest.setTimeout(60_000);
const env = useBrowserAndServer();

/** Everything that could leave the terminal: new windows, downloads; and printing, which the test records. */
async function watched(context: BrowserContext, page: Page) {
  const escaped: string[] = [];
  context.on('page', (p) => escaped.push(`window ${p.url()}`));
  page.on('download', (d) => escaped.push(`download ${d.suggestedFilename()}`));
  // the print dialog is the browser's: each frame's print() is recorded instead
  await context.addInitScript(() => {
    window.print = () => {
      (window.top as unknown as { printed?: number }).printed =
        ((window.top as unknown as { printed?: number }).printed ?? 0) + 1;
    };
  });
  return escaped;
}

test('nothing leaves the terminal: no download, no new window, references in place, the calendar and the code as QR codes', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  const escaped = await watched(context, page);
  await page.goto(`${env.url}/kiosk`);
  const h0 = await page.evaluate(() => history.length);
  const before = env.store.size;
  await page.getByRole('button', { name: 'Français' }).click();
  await page
    .getByRole('region', { name: 'Avant de commencer' })
    .filter({ hasText: /Terminer et effacer/ })
    .waitFor();
  // an icon beside each procedure
  await page.locator('.controls button.option').first().waitFor();
  expect(await page.locator('.controls button.option svg.icon').count()).toBe(5);
  await page.getByRole('button', { name: /Demander l'asile/ }).click();
  await page.getByRole('button', { name: 'En France', exact: true }).click();
  await page.getByRole('button', { name: /Ma demande est enregistrée/ }).click();
  await page.getByLabel('Choisir une date').fill('2026-11-14');
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('button', { name: 'Voir le résultat' }).click();
  const card = page.locator('.decision');
  await card.waitFor();
  // references shown in place: their title and address, no link
  expect(await card.locator('a').count()).toBe(0);
  await card.locator('summary', { hasText: 'Textes de référence' }).click();
  await card.locator('.references .url', { hasText: 'legifrance.gouv.fr' }).first().waitFor();
  // the dates as a QR code holding the event itself
  await card.getByRole('button', { name: 'Ajouter les dates à mon téléphone' }).click();
  await card.locator('.calendar-qr svg.qr').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // a human: the consent first, then a code and its QR code
  await page.getByRole('button', { name: 'Parler à un conseiller' }).click();
  await page.getByRole('button', { name: "J'accepte, donnez-moi un code" }).click();
  const code = (await page.locator('.handover-code').textContent())!.replace(/\s/g, '');
  expect(code).toMatch(/^[2-9A-Z]{6}$/);
  await page.locator('.handover svg.qr').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // printed from the page itself, with the code on the printout
  await card.getByRole('button', { name: 'Récapitulatif à imprimer' }).click();
  await page.waitForFunction(() => (window as unknown as { printed?: number }).printed === 1);
  const printout = page.frameLocator('iframe.printout');
  await printout.locator('.code', { hasText: code }).waitFor({ state: 'attached' });
  expect(await printout.locator('svg.qr').count()).toBe(2);
  // a member of staff
  await page.getByRole('button', { name: 'Appeler un membre du personnel' }).click();
  await page.getByRole('dialog').filter({ hasText: 'Je voudrais parler à un membre du personnel.' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: 'Retour' }).click();

  await page.getByRole('button', { name: 'Terminer et effacer' }).click();
  await page.getByRole('button', { name: 'Français' }).waitFor();
  expect(escaped).toEqual([]);
  expect(await kept(page, h0)).toEqual({ local: 0, session: 0, historyAdded: 0 });
  expect(await page.locator('iframe').count()).toBe(0);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // the kiosk's session is erased; the copy handed over waits for an adviser, and is no longer the kiosk's
  expect(env.store.size).toBe(before + 1);
  await context.close();
});

test('on a 360 x 740 screen, each question and all its answers are in view without scrolling', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${env.url}/kiosk`);
  await page.getByRole('button', { name: 'Français' }).click();
  const inView = async () =>
    page.evaluate(() => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
      };
      const question = document.querySelector('.controls .bubble.question');
      const options = [...document.querySelectorAll('.controls button.option')];
      return { question: !!question && visible(question), options: options.length, allVisible: options.every(visible) };
    });
  await page.locator('.controls .bubble.question').waitFor();
  expect(await inView()).toEqual({ question: true, options: 5, allVisible: true });
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-phone.png') });
  await page.getByRole('button', { name: /Rentrer dans mon pays/ }).click();
  await page.locator('.controls .bubble.question', { hasText: /Où êtes-vous en ce moment/ }).waitFor();
  expect(await inView()).toEqual({ question: true, options: 3, allVisible: true }); // in France, abroad, I don't know
  await context.close();
});
