import path from 'node:path';
import request from 'supertest';
import type { Locator } from 'playwright-core';
import { DESKTOP, PHONE, screenshotDir, seriousViolations, signIn, useBrowserAndServer, widgetFrame } from './browser';

/**
 * The agent console in a real Chromium, as a French agent uses it with a caller who speaks no French: the credential,
 * everything the agent reads or clicks in French with the caller's language beside the lines to read out, changing an
 * earlier answer, the case summary for the file, several callers, a conversation handed over from the widget, and the
 * printable script read as a document.
 */

jest.setTimeout(60_000);
const env = useBrowserAndServer();

/** Text the agent reads that is not in French: any Arabic outside an element marked as the caller's language. */
async function arabicOutsideCallerLines(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const lang = node.parentElement?.closest('[lang]')?.getAttribute('lang');
      const hidden = node.parentElement?.closest('details:not([open]) > :not(summary)');
      if (/[\u0600-\u06ff]/.test(text) && lang !== 'ar' && !hidden) found.push(text.trim());
    }
    // the form fields' values: the case summary
    for (const area of root.querySelectorAll('textarea'))
      if (/[\u0600-\u06ff]/.test(area.value)) found.push(`textarea: ${area.value.slice(0, 40)}`);
    return found;
  });
}

test('a wrong credential is refused at sign-in; agent sessions cannot be opened without it', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, env.url, 'not-the-agent-key-at-all');
  await page.getByRole('alert').filter({ hasText: 'Identifiant refusé' }).waitFor();
  expect(await page.getByRole('button', { name: 'Commencer' }).count()).toBe(0);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await signIn(page, env.url);
  await page.getByRole('button', { name: 'Commencer' }).waitFor();
  const r = await request(env.app.app).post('/api/v1/sessions').send({ channel: 'agent' }).expect(401);
  expect(r.body.error.code).toBe('AGENT_CREDENTIAL_REQUIRED');
  await context.close();
});

test('an Arabic caller: French everywhere the agent reads, the caller’s words beside the lines to read out', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.url);
  const caller = page.locator('#panel-1');
  await caller.getByLabel('Démarche').selectOption('asylum-filing');
  await caller.getByLabel("Langue de l'appelant").selectOption('ar');
  await caller.getByRole('button', { name: 'Commencer' }).click();

  // the privacy lines to read first, in French and in Arabic
  await caller.locator('.read-first li', { hasText: /préfecture, à la police ni à l'OFII/ }).waitFor();
  await caller.locator('.read-first ul[lang=ar] li').first().waitFor();
  // the line to read in French, the same in Arabic beside it, notes in words (no fact names), options in French
  await caller.locator('.agent-fr', { hasText: 'Où êtes-vous en ce moment ?' }).waitFor();
  await caller.locator('.caller-line[lang=ar]').first().waitFor();
  const notes = await caller.locator('.agent-notes').first().textContent();
  expect(notes).toMatch(/Lisez les réponses possibles : En France ; Hors de France/);
  expect(notes).not.toMatch(/location/);
  await caller.getByRole('button', { name: /^En France/ }).click();
  await caller.getByRole('button', { name: /^L'OFPRA a clôturé ma demande/ }).click();
  await caller.getByLabel('Choisir une date').fill('2026-06-01');
  await caller.getByRole('button', { name: 'Valider' }).click();
  await caller.getByRole('button', { name: /^Non/ }).click();
  await caller.locator('.decision').first().waitFor();

  // the answers in French; change the stage: the questions that no longer apply are dropped
  await caller.locator('.answers li').nth(3).waitFor();
  expect(await caller.locator('.answers li .a').first().textContent()).toBe('En France');
  await caller.locator('.answers li').nth(1).getByRole('button', { name: 'Modifier' }).click();
  await caller
    .locator('.answers li')
    .nth(1)
    .getByRole('button', { name: /^Ma demande est enregistrée/ })
    .click();
  await caller.locator('.agent-fr', { hasText: /Quel jour le guichet unique/ }).waitFor();
  await caller.getByLabel('Choisir une date').fill('2026-11-14');
  await caller.getByRole('button', { name: 'Valider' }).click();
  const decision = caller.locator('.bubble.outcome').last();
  await decision
    .locator('.deadlines strong', { hasText: /au plus tard le vendredi 4 décembre 2026/ })
    .first()
    .waitFor();
  await decision.locator('summary', { hasText: "Résultat dans la langue de l'appelant" }).waitFor();
  await page.waitForFunction(() =>
    (document.querySelector<HTMLTextAreaElement>('#panel-1 .case-summary textarea')?.value ?? '').includes(
      'samedi 5 décembre 2026',
    ),
  );
  expect(await caller.locator('.answers li').count()).toBe(3);
  expect(await caller.locator('.case-summary textarea').inputValue()).toMatch(/Récapitulatif/);
  expect(await arabicOutsideCallerLines(caller)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'agent-desktop.png') });

  // the caller's language on request, for a copy to give them
  await caller.getByLabel("Récapitulatif dans la langue de l'appelant").check();
  await page.waitForFunction(() =>
    /[\u0600-\u06ff]/.test(document.querySelector<HTMLTextAreaElement>('#panel-1 .case-summary textarea')?.value ?? ''),
  );

  // a second caller in another tab, the first one kept
  await page.getByRole('button', { name: 'Nouvel appelant' }).click();
  const second = page.locator('#panel-2');
  await second.getByLabel('Démarche').selectOption('return-aid');
  await second.getByRole('button', { name: 'Commencer' }).click();
  await second.locator('.agent-fr', { hasText: 'Où êtes-vous en ce moment ?' }).waitFor();
  expect(await caller.isVisible()).toBe(false);
  await page.getByRole('tab', { name: 'Appelant 1' }).click();
  await caller.locator('.bubble.outcome > .decision').last().waitFor();
  expect(await second.isVisible()).toBe(false);
  await context.close();
});

test('a code from the widget opens the same conversation in the console, with the consent shown', async () => {
  const person = await env.browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  const widget = await person.newPage();
  await widget.goto(env.url);
  await widget.locator('#guidance-widget .launcher').click();
  const frame = await widgetFrame(widget);
  await frame.locator('.controls button.option').first().waitFor();
  await frame.locator('select').selectOption('en');
  await frame.getByRole('button', { name: 'Asking for asylum (protection in France)' }).click();
  await frame.getByRole('button', { name: 'In France', exact: true }).click();
  await frame.getByRole('button', { name: 'Talk to an adviser' }).click();
  await frame.getByRole('button', { name: 'I agree, give me a code' }).click();
  const code = (await frame.locator('.handover-code').textContent())!;

  const context = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.url);
  await page.getByRole('button', { name: 'Commencer' }).waitFor();
  // the kiosk's QR code opens the console with the code in the address's fragment: filled in, then removed from it
  await page.goto(`${env.url}/kiosk`);
  await page.goto(`${env.url}/agent#code=${code.replace(/\s/g, '')}`);
  expect(await page.getByLabel('Code donné par la personne').inputValue()).toBe(code.replace(/\s/g, ''));
  expect(await page.evaluate(() => location.hash)).toBe('');
  await page.getByRole('button', { name: 'Ouvrir' }).click();
  const caller = page.locator('#panel-2');
  await caller.locator('.consent', { hasText: /La personne a accepté \(sur le site\)/ }).waitFor();
  await caller.locator('.answers li .a', { hasText: /^En France$/ }).waitFor();
  await caller.locator('.agent-fr', { hasText: "Où en est votre demande d'asile ?" }).waitFor();
  await caller.locator('.caller-line[lang=en]', { hasText: 'How far has your asylum claim gone?' }).first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // the code works once
  await page.getByLabel('Code donné par la personne').fill(code);
  await page.getByRole('button', { name: 'Ouvrir' }).click();
  await page.locator('#panel-3').getByRole('alert').filter({ hasText: "n'est plus valable" }).waitFor();
  await context.close();
  await person.close();
});

test('on a phone, and the printable script read as a document', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.url);
  await page.locator('#panel-1').getByRole('button', { name: 'Commencer' }).click();
  await page.locator('#panel-1 .agent-fr').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'agent-phone.png') });

  await page.goto(`${env.url}/api/v1/procedures/asylum-filing/script?format=html&lang=fr`);
  const text = await page.locator('body').innerText();
  // each question as the sentence to read, its answers in words and where each one leads, in words
  expect(text).toContain('Question 1 : Où êtes-vous en ce moment ?');
  expect(text).toMatch(/« En France » → passez à la question 2 \(« Où en est votre demande d'asile \? »\)/);
  expect(text).toMatch(/« Hors de France » → fin : résultat \d/);
  expect(text).toMatch(/Si la personne demande des précisions\s+Le guichet unique/i);
  // the results in plain French with their texts: title, article, address
  expect(text).toMatch(/Résultat 1\s+Une demande d'asile ne peut pas être faite depuis l'étranger/);
  expect(text).toMatch(/CESEDA, article R531-2[^\n]*\n\s*https:\/\/www\.legifrance\.gouv\.fr/);
  // nothing of the flow's inner names
  expect(text).not.toMatch(/filing-deadline|attestation-issued-on|->|location|attestationIssuedOn|Fait rempli/);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});
