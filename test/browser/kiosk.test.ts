import path from 'node:path';
import { DESKTOP, kept, PHONE, screenshotDir, seriousViolations, useBrowserAndServer } from './browser';

/** The kiosk in a real Chromium: language first, a conversation, inactivity erases everything, "finish" too. */

jest.setTimeout(60_000);
const env = useBrowserAndServer({ KIOSK_IDLE_SECONDS: '4', KIOSK_WARNING_SECONDS: '2' });

test('language first, in its own script; a whole conversation to the return-aid amounts', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${env.url}/kiosk`);
  const english = page.getByRole('button', { name: 'English' });
  expect(await english.getAttribute('lang')).toBe('en');
  expect(await page.getByRole('button', { name: 'Français' }).getAttribute('lang')).toBe('fr');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-home-desktop.png') });
  await english.click();
  await page.getByRole('button', { name: 'Going back to my country with support' }).click();
  await page.getByRole('button', { name: 'In mainland France', exact: true }).click();
  await page.getByLabel('Your answer').fill('Senegal');
  await page.getByRole('button', { name: 'Send' }).click();
  for (const label of ['No', 'Yes']) await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByLabel('Pick a date').fill('2026-11-10');
  await page.getByRole('button', { name: 'Use this' }).click();
  await page.locator('.bubble', { hasText: 'validate your request' }).waitFor();
  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'None of these situations' }).click();
  await page.getByLabel('Number').fill('1');
  await page.getByRole('button', { name: 'Use this' }).click();
  // the next question has the same kind of field: wait for it before typing
  await page.locator('.bubble', { hasText: 'How many minor children' }).waitFor();
  await page.getByLabel('Number').fill('0');
  await page.getByRole('button', { name: 'Use this' }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByRole('button', { name: 'See the result' }).click();
  const card = page.locator('.outcome > .decision');
  await card.waitFor();
  await card.filter({ hasText: '1,200' }).waitFor();
  // English is machine-made: the outcome says so, with the French reference beside it, in French
  await card.filter({ hasText: /translation was made by machine/ }).waitFor();
  await page.locator('.french-reference[lang=fr]', { hasText: 'Faire valider' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-desktop.png') });
  await context.close();
});

test('after inactivity: a visible countdown, then the session is erased and the page starts over with nothing kept', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${env.url}/kiosk`);
  const h0 = await page.evaluate(() => history.length);
  const before = env.store.size;
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('button', { name: /Demander l'asile/ }).click();
  await page.getByRole('button', { name: 'En France', exact: true }).waitFor();
  expect(env.store.size).toBe(before + 1);

  const warning = page.getByRole('alertdialog');
  await warning.filter({ hasText: /Êtes-vous toujours là/ }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Français' }).waitFor({ timeout: 10_000 });
  expect(await kept(page, h0)).toEqual({ local: 0, session: 0, historyAdded: 0 });
  expect(env.store.size).toBe(before);
  await context.close();
});

test('"I\'m still here" keeps the session; "finish" erases it at once', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${env.url}/kiosk`);
  const h0 = await page.evaluate(() => history.length);
  const before = env.store.size;
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Asking for asylum/ }).click();
  await page.getByRole('button', { name: "I'm still here" }).click({ timeout: 10_000 });
  await page.getByRole('button', { name: 'In France', exact: true }).click();
  await page.getByRole('button', { name: /not registered my claim/ }).waitFor();
  expect(env.store.size).toBe(before + 1);
  await page.getByRole('button', { name: 'Finish and clear' }).click();
  await page.getByRole('button', { name: 'Français' }).waitFor();
  expect(await kept(page, h0)).toEqual({ local: 0, session: 0, historyAdded: 0 });
  expect(env.store.size).toBe(before);
  await context.close();
});

test('every language is laid out in its own direction (Arabic right to left)', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  const languages = (await (await fetch(`${env.url}/api/v1/languages`)).json()) as { code: string; dir: string }[];
  expect(languages.some((l) => l.dir === 'rtl')).toBe(true);
  for (const l of languages) {
    await page.goto(`${env.url}/kiosk`);
    await page.locator(`button[lang="${l.code}"]`).click();
    await page.locator('button.option').first().waitFor();
    expect({ lang: l.code, dir: await page.evaluate(() => document.documentElement.dir) }).toEqual({
      lang: l.code,
      dir: l.dir,
    });
    if (l.dir === 'rtl') {
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshotDir, `kiosk-${l.code}-phone.png`) });
    }
    await page.locator('.header button.leave').click();
    await page.locator('.kiosk-home').waitFor();
  }
  await context.close();
});
