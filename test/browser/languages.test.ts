import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshotDir, seriousViolations, signIn, useBrowserAndServer, widgetFrame } from './browser';

/**
 * The languages people read in their own script: a whole return-aid conversation at the kiosk in Dari (right to
 * left) and in Tigrinya (Ge'ez script), the country typed as the person would; the agent console with a Pashto
 * caller; and every language's first screen and question, with its screenshot and no serious axe violation.
 * The labels are read from the content, as the person reads them.
 */

jest.setTimeout(90_000);
const env = useBrowserAndServer();
const contentDir = path.resolve(__dirname, '..', '..', 'content');

type Tree = { [key: string]: string | Tree };
const read = (file: string) => JSON.parse(readFileSync(path.join(contentDir, file), 'utf8')) as Tree;
const at = (tree: Tree, key: string): string => {
  const value = key.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k]!, tree);
  if (typeof value !== 'string') throw new Error(`no text at ${key}`);
  return value;
};

/** A language's texts, as the pages show them. */
function textsOf(lang: string) {
  const ui = read(`locales/${lang}/ui.json`);
  const common = read(`locales/${lang}/common.json`);
  const returnAid = read(`procedures/return-aid/locales/${lang}.json`);
  return {
    ui: (k: string) => at(ui, k),
    common: (k: string) => at(common, k),
    returnAid: (k: string) => at(returnAid, k),
  };
}

/** The kiosk's return-aid conversation in a language, from its first screen to the outcome card. */
async function returnAidAtKiosk(page: Page, lang: string, country: string) {
  const t = textsOf(lang);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  await page.goto(`${env.url}/kiosk`);
  await page.locator(`button[lang="${lang}"]`).click();
  await button(t.returnAid('triage.option')).click();
  await button(t.returnAid('questions.territory.options.mainland')).click();
  await page.getByLabel(t.ui('chat.answer-label')).fill(country);
  await button(t.ui('chat.send')).click();
  await page.locator('.bubble', { hasText: t.returnAid('questions.received-before.text') }).waitFor();
  await button(t.common('no')).click();
  await button(t.common('yes')).click();
  await page.getByLabel(t.ui('chat.date-label')).fill('2026-11-10');
  await button(t.ui('chat.use')).click();
  await page.locator('.bubble', { hasText: t.returnAid('questions.validation-date.text') }).waitFor();
  await button(t.common('today')).click();
  await button(t.common('yes')).click();
  await button(t.returnAid('questions.derogation.options.none')).click();
  await page.getByLabel(t.ui('chat.number-label')).fill('1');
  await button(t.ui('chat.use')).click();
  await page.locator('.bubble', { hasText: t.returnAid('questions.minors.text') }).waitFor();
  await page.getByLabel(t.ui('chat.number-label')).fill('0');
  await button(t.ui('chat.use')).click();
  await button(t.common('yes')).click();
  await button(t.ui('review.continue')).click();
  const card = page.locator('.outcome > .decision');
  await card.waitFor();
  return card;
}

const conversations = [
  { lang: 'fa', country: 'سنگال', digits: /[۰-۹]/, font: 'noto-sans-arabic-arabic' },
  { lang: 'ti', country: 'ሰነጋል', digits: /[0-9]/, font: 'noto-sans-ethiopic-ethiopic' },
];

test.each(conversations)('a whole conversation at the kiosk in $lang, in its direction and script', async (c) => {
  const context = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/fonts/')) fonts.push(r.url());
  });
  const card = await returnAidAtKiosk(page, c.lang, c.country);
  const t = textsOf(c.lang);
  // machine-made: the outcome says so in the language, the French reference beside it, marked as French
  await card.filter({ hasText: t.common('translation.machine').slice(0, 30) }).waitFor();
  await page.locator('.french-reference[lang=fr]', { hasText: 'Faire valider' }).waitFor();
  // the amount in the language's digits, never in the Solar Hijri or another calendar
  expect(await card.textContent()).toMatch(c.digits);
  expect(await card.textContent()).not.toMatch(/\b14\d\d\b|[۱][۴][۰-۹]{2}/);
  // the dates and figures as the server wrote them in the language (Chromium has no Tigrinya or Pashto data)
  expect(await card.textContent()).not.toMatch(/Monday|Tuesday|Wednesday|Thursday|Friday|December|November/);
  const root = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  expect(root).toEqual({ lang: c.lang, dir: c.lang === 'fa' ? 'rtl' : 'ltr' });
  expect(await seriousViolations(page)).toEqual([]);
  // the script's font comes from the server itself (fonts.css: a face per script, each with its unicode-range)
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((url) => url.startsWith(env.url))).toBe(true);
  expect(fonts.some((url) => url.includes(c.font))).toBe(true);
  await page.screenshot({ path: path.join(screenshotDir, `kiosk-${c.lang}-outcome.png`), fullPage: true });
  await context.close();
});

test('the agent console with a Pashto caller: French for the agent, Pashto beside the lines to read out', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, env.url);
  const caller = page.locator('#panel-1');
  await caller.getByLabel('Démarche').selectOption('asylum-filing');
  await caller.getByLabel("Langue de l'appelant").selectOption('ps');
  await caller.getByRole('button', { name: 'Commencer' }).click();
  await caller.locator('.agent-fr', { hasText: 'Où êtes-vous en ce moment ?' }).waitFor();
  const line = caller.locator('.caller-line[lang=ps]').first();
  await line.waitFor();
  expect(await line.getAttribute('dir')).toBe('rtl');
  expect(await line.textContent()).toMatch(/[\u0600-\u06ff]/);
  await caller.getByRole('button', { name: /^En France/ }).click();
  await caller.getByRole('button', { name: /^Ma demande est enregistrée/ }).click();
  await caller.getByLabel('Choisir une date').fill('2026-11-14');
  await caller.getByRole('button', { name: 'Valider' }).click();
  const decision = caller.locator('.bubble.outcome').last();
  await decision
    .locator('.deadlines strong', { hasText: /4 décembre 2026/ })
    .first()
    .waitFor();
  await decision.locator('summary', { hasText: "Résultat dans la langue de l'appelant" }).click();
  await decision.locator('[lang=ps]').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, 'agent-pashto-caller.png'), fullPage: true });
  await context.close();
});

test('every language: the kiosk home names it in its script; its first question laid out in its direction', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  const offered = (await (await fetch(`${env.url}/api/v1/languages`)).json()) as { code: string; dir: string }[];
  expect(offered.map((l) => l.code)).toEqual(expect.arrayContaining(['fa', 'ps', 'ru', 'uk', 'ti', 'tr', 'es']));
  await page.goto(`${env.url}/kiosk`);
  for (const l of offered) {
    const purpose = textsOf(l.code).ui('language-purpose');
    await page
      .locator(`[lang="${l.code}"]`, { hasText: purpose.slice(0, 20) })
      .first()
      .waitFor();
  }
  expect(await seriousViolations(page)).toEqual([]);
  for (const l of offered) {
    await page.goto(`${env.url}/kiosk`);
    await page.locator(`button[lang="${l.code}"]`).click();
    await page.locator(`html[lang="${l.code}"]`).waitFor({ state: 'attached' });
    await page.locator('button.option').first().waitFor();
    const root = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));
    expect({ code: l.code, ...root }).toEqual({ code: l.code, lang: l.code, dir: l.dir });
    expect({ code: l.code, violations: await seriousViolations(page) }).toEqual({ code: l.code, violations: [] });
    await page.screenshot({ path: path.join(screenshotDir, `kiosk-${l.code}-phone.png`) });
  }
  await context.close();
});

test('a phone downloads only the font files of the scripts a page shows (unicode-range), from this server', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/fonts/')) fonts.push(new URL(r.url()).pathname);
  });
  await page.goto(env.url);
  await page.locator('#guidance-widget .launcher').click();
  const frame = await widgetFrame(page);
  await frame.locator('.controls button.option').first().waitFor();
  await frame.locator('select').selectOption('ti');
  await frame
    .locator('.bubble.bot', { hasText: /[\u1200-\u137f]/ })
    .last()
    .waitFor();
  await page.waitForLoadState('networkidle');
  // the language list names every language in its script, so Latin, Cyrillic, Arabic and Ethiopic faces are
  // needed; none of the faces for scripts no page shows (Greek, Vietnamese, Devanagari, math, symbols)
  expect(fonts).toEqual(expect.arrayContaining(['/fonts/noto-sans-ethiopic-ethiopic-400-normal.woff2']));
  expect(fonts.filter((f) => /greek|vietnamese|devanagari|math|symbols/.test(f))).toEqual([]);
  expect(fonts.every((f) => /^\/fonts\/noto-sans(-arabic|-ethiopic)?-(latin|cyrillic|arabic|ethiopic)/.test(f))).toBe(
    true,
  );
  await context.close();
});
