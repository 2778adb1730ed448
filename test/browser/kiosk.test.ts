import path from 'node:path';
import { DESKTOP, screenshotDir, seriousViolations, useBrowserAndServer } from './browser';

/** The kiosk in a real Chromium: language first, a whole conversation (directions: languages.test.ts). */

jest.setTimeout(60_000);
// The kiosk's own inactivity limits (90 s): a slow machine never sees the warning in these tests.
const env = useBrowserAndServer();

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
