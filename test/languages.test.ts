import { io as connect, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { Application } from '../src/app';
import type { Content } from '../src/content/load';
import { formatDate, formatEuros } from '../src/format';
import { createI18n, translator } from '../src/i18n';
import { directionOf, intlLocale } from '../src/languages';
import { content, testApp } from './helpers';

/**
 * Choosing the language (issue 13): the client's Accept-Language when none is asked for, an unsupported one refused
 * in that fallback with the languages offered; dates and digits as each language's card says, in the Gregorian
 * calendar; direction from the card.
 */

let app: Application;
beforeEach(() => {
  app = testApp();
});
afterEach(() => app.close());

const start = (headers: Record<string, string>, body: object = {}) =>
  request(app.app).post('/api/v1/sessions').set(headers).send(body);

describe('over HTTP', () => {
  test.each([
    ['ar-MA, fr;q=0.8', 'ar'],
    ['de-DE, en-GB;q=0.7, fr;q=0.5', 'en'],
    ['de, it', 'fr'],
    ['', 'fr'],
    ['prs-AF, en;q=0.5', 'fa'],
    ['fa-IR', 'fa'],
    ['ps-AF, fa;q=0.8', 'ps'],
    ['ti-ER', 'ti'],
  ])('Accept-Language "%s" without a language asked: the session is in %s', async (header, lang) => {
    const r = await start(header ? { 'Accept-Language': header } : {}).expect(201);
    expect(r.body.session.lang).toBe(lang);
    expect(r.body.messages[0].lang).toBe(lang);
  });

  test('a language asked for by an alias of its card ("prs", Dari) is that language', async () => {
    expect((await start({}, { lang: 'prs' }).expect(201)).body.session.lang).toBe('fa');
  });

  test('a language asked for wins over Accept-Language', async () => {
    expect((await start({ 'Accept-Language': 'ar' }, { lang: 'en' }).expect(201)).body.session.lang).toBe('en');
  });

  test('an unsupported language is refused in the fallback language, listing the languages offered', async () => {
    const r = await start({ 'Accept-Language': 'is, en;q=0.5' }, { lang: 'is' }).expect(400);
    expect(r.body.error).toMatchObject({ code: 'UNSUPPORTED_LANGUAGE' });
    expect(r.body.error.message).toMatch(/^This language is not available\. Languages offered: .*Français/);
    expect(r.body.error.languages).toEqual(
      expect.arrayContaining([
        { code: 'fr', name: 'Français' },
        { code: 'ar', name: 'العربية' },
      ]),
    );
    const fr = await request(app.app).get('/api/v1/texts/ui?lang=is').expect(400);
    expect(fr.body.error.message).toMatch(/^Cette langue n'est pas disponible\. Langues proposées : /);
  });

  test("the interface texts without a language: the browser's first one the service speaks", async () => {
    const r = await request(app.app).get('/api/v1/texts/ui').set('Accept-Language', 'ar').expect(200);
    expect(r.body).toMatchObject({ lang: 'ar', dir: 'rtl', locale: 'ar-u-ca-gregory-nu-latn' });
    expect(r.body.translationNotice).toMatch(/^هذه الترجمة آلية/);
  });
});

describe('over Socket.IO', () => {
  let c: Socket | undefined;
  afterEach(() => c?.disconnect());

  test('the handshake Accept-Language chooses the language, and refuses in it', async () => {
    const port = await app.listen();
    c = connect(`http://127.0.0.1:${port}/chat`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { 'Accept-Language': 'ar' },
    });
    const started = (await c.emitWithAck('session:start', {})) as { session: { lang: string } };
    expect(started.session.lang).toBe('ar');
    const refused = (await c.emitWithAck('session:start', { lang: 'is' })) as {
      ok: boolean;
      error: { code: string; message: string; languages: unknown[] };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_LANGUAGE' } });
    expect(refused.error.message).toMatch(/^هذه اللغة غير متوفرة/);
    expect(refused.error.languages.length).toBe(content().languages.length);
  });
});

describe("a language's card decides how it is written", () => {
  // A card as a Dari one reads: right to left, Persian digits. Intl would use the Solar Hijri calendar for it.
  const withCard = (lang: string, card: object): Content => {
    const c = content();
    return { ...c, languageInfo: { ...c.languageInfo, [lang]: { ...c.languageInfo.fr!, ...card } } };
  };
  const dari = withCard('fa', { name: 'دری', dir: 'rtl', numbering: 'arabext' });

  test('dates in the Gregorian calendar with the language digits', () => {
    const locale = intlLocale(dari, 'fa');
    expect(locale).toBe('fa-u-ca-gregory-nu-arabext');
    const date = formatDate('2026-12-14', locale);
    expect(date).toContain('۲۰۲۶');
    expect(date).toContain('۱۴');
    expect(date).not.toContain('۱۴۰۵'); // the Solar Hijri year
    expect(formatEuros(1500, locale)).toBe('۱٬۵۰۰');
  });

  test('direction from the card, not from a list in code', () => {
    expect(directionOf(dari, 'fa')).toBe('rtl');
    expect(directionOf(withCard('fa', { dir: 'ltr' }), 'fa')).toBe('ltr');
  });

  test('Pashto dates in the Gregorian calendar with Persian digits, from its card (Intl would write the Solar Hijri one)', () => {
    const locale = intlLocale(content(), 'ps');
    expect(locale).toBe('ps-u-ca-gregory-nu-arabext');
    expect(formatDate('2026-12-14', locale)).toBe('دونۍ د ۲۰۲۶ د دسمبر ۱۴');
    expect(formatDate('2026-12-14', 'ps-u-nu-arabext')).toContain('۱۴۰۵');
    expect(directionOf(content(), 'ps')).toBe('rtl');
  });

  test('English dates in the European order, from its card', () => {
    expect(formatDate('2026-12-05', intlLocale(content(), 'en'))).toBe('Saturday, 5 December 2026');
  });

  test('numbers put into texts are written with the digits of the card, never grouped', () => {
    const arabicDigits = withCard('ar', { ...content().languageInfo.ar, numbering: 'arab' });
    const t = translator(createI18n(arabicDigits), 'ar');
    expect(t('common:deadline.days-left', { count: 3 })).toContain('٣');
    expect(translator(createI18n(content()), 'ar')('common:deadline.days-left', { count: 2026 })).toContain('2026');
  });
});
