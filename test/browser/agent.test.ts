import path from 'node:path';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { AGENT_KEY, DESKTOP, PHONE, screenshotDir, seriousViolations, useBrowserAndServer } from './browser';

/**
 * The agent console in a real Chromium: the credential, the script in French and the caller's language, changing an
 * earlier answer, several callers, the case summary.
 */

jest.setTimeout(60_000);
const env = useBrowserAndServer();

async function signIn(page: Page, key = AGENT_KEY) {
  await page.goto(`${env.url}/agent`);
  await page.getByLabel("Identifiant d'agent").fill(key);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

test('a wrong credential is refused at sign-in; agent sessions cannot be opened without it', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, 'not-the-agent-key-at-all');
  await page.getByRole('alert').filter({ hasText: 'Identifiant refusé' }).waitFor();
  // still on the sign-in form: nothing of the workspace was shown
  expect(await page.getByRole('button', { name: 'Commencer' }).count()).toBe(0);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await signIn(page);
  await page.getByRole('button', { name: 'Commencer' }).waitFor();
  const r = await request(env.app.app).post('/api/v1/sessions').send({ channel: 'agent' }).expect(401);
  expect(r.body.error.code).toBe('AGENT_CREDENTIAL_REQUIRED');
  await request(env.app.app)
    .post('/api/v1/sessions')
    .set('X-Agent-Key', AGENT_KEY)
    .send({ channel: 'agent' })
    .expect(201);
  await context.close();
});

test('the script for a caller in English, an earlier answer changed, the case summary to copy', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page);
  const caller = page.locator('#panel-1');
  await caller.getByLabel('Démarche').selectOption('asylum-filing');
  await caller.getByLabel("Langue de l'appelant").selectOption('en');
  await caller.getByRole('button', { name: 'Commencer' }).click();

  // the line to read in French, the same in English, and notes for the agent
  await caller.locator('.agent-fr', { hasText: 'Où êtes-vous en ce moment ?' }).waitFor();
  await caller.locator('.bubble', { hasText: 'Where are you now?' }).first().waitFor();
  await caller.locator('.agent-notes', { hasText: 'location' }).first().waitFor();

  await caller.getByRole('button', { name: 'In France', exact: true }).click();
  await caller.getByRole('button', { name: 'OFPRA closed my claim' }).click();
  await caller.getByLabel('Choisir une date').fill('2026-06-01');
  await caller.getByRole('button', { name: 'Valider' }).click();
  await caller.getByRole('button', { name: 'No', exact: true }).click();
  await caller.locator('.decision').waitFor();

  // change step 2 (the stage): the location is kept, the questions that no longer apply are dropped
  await caller.locator('.answers li').nth(3).waitFor();
  const changeStage = caller.locator('.answers li').nth(1).locator('input');
  await changeStage.fill('registered');
  await caller.locator('.answers li').nth(1).getByRole('button', { name: 'Modifier' }).click();
  await caller.locator('.bubble', { hasText: 'On what day did the one-stop shop give you' }).last().waitFor();
  await caller.getByLabel('Choisir une date').fill('2026-11-14');
  await caller.getByRole('button', { name: 'Valider' }).click();
  await caller.locator('.decision', { hasText: /Saturday,? 5 December 2026/ }).waitFor();
  // the answers and the case summary refresh after each turn: wait for the last one
  await page.waitForFunction(() =>
    (document.querySelector<HTMLTextAreaElement>('#panel-1 .case-summary textarea')?.value ?? '').includes(
      '5 December 2026',
    ),
  );
  expect(await caller.locator('.answers li').count()).toBe(3);

  const summary = caller.locator('.case-summary textarea');
  expect(await summary.inputValue()).toMatch(/Send the complete file to OFPRA: Saturday,? 5 December 2026/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'agent-desktop.png'), fullPage: false });

  // a second caller in another tab, the first one kept
  await page.getByRole('button', { name: 'Nouvel appelant' }).click();
  const second = page.locator('#panel-2');
  await second.getByLabel('Démarche').selectOption('return-aid');
  await second.getByRole('button', { name: 'Commencer' }).click();
  await second.locator('.agent-fr', { hasText: 'Où êtes-vous en ce moment ?' }).waitFor();
  expect(await caller.isVisible()).toBe(false);
  await page.getByRole('tab', { name: 'Appelant 1' }).click();
  await caller.locator('.decision').last().waitFor();
  expect(await second.isVisible()).toBe(false);
  await context.close();
});

test('on a phone, and the printable script', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page);
  await page.locator('#panel-1').getByRole('button', { name: 'Commencer' }).click();
  await page.locator('#panel-1 .agent-fr').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'agent-phone.png') });

  await page.goto(`${env.url}/api/v1/procedures/family-reunification/script?format=html&lang=fr`);
  await page.getByRole('heading', { name: /Quel titre de séjour avez-vous/ }).waitFor();
  expect(await page.locator('table').count()).toBeGreaterThan(5);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});
