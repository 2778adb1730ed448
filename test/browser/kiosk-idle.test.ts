import { kept, PHONE, useBrowserAndServer } from './browser';

/** The kiosk's inactivity in a real Chromium: a countdown, then everything erased; "I'm still here"; "finish". */

jest.setTimeout(60_000);
const env = useBrowserAndServer({ KIOSK_IDLE_SECONDS: '4', KIOSK_WARNING_SECONDS: '2' });

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
