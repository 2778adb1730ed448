import { Router } from 'express';
import type { Config } from '../config';
import { translator, type Translate } from '../i18n';
import { directionOf, intlLocale, translationNotice } from '../languages';
import { requestLanguage } from './request-language';
import type { Services } from '../edge/services';

/** What the pages need to speak: the languages (each named in its own script) and the interface texts. */
export function textsRouter(s: Services, config: Config): Router {
  const router = Router();

  router.get('/languages', (_req, res) => {
    res.json(
      s.content.languages.map((code) => ({
        code,
        name: s.content.languageInfo[code]!.name,
        dir: directionOf(s.content, code),
        translation: s.content.languageInfo[code]!.translation,
        // what the service is for, in one line in this language (the kiosk's first screen)
        purpose: translator(s.i18n, code)('ui:language-purpose'),
      })),
    );
  });

  router.get('/texts/ui', (req, res) => {
    const lang = requestLanguage(req, s);
    const t = translator(s.i18n, lang);
    res.json({
      lang,
      dir: directionOf(s.content, lang),
      locale: intlLocale(s.content, lang),
      ui: s.content.locales[lang]?.ui ?? {},
      status: t('common:status', { returnObjects: true }),
      // the settings the pages tell people, in words: how long a conversation is kept, how long a hand-over code works
      durations: {
        web: durationInWords(config.SESSION_TTL_WEB_SECONDS, t),
        kiosk: durationInWords(config.KIOSK_IDLE_SECONDS, t),
        agent: durationInWords(config.SESSION_TTL_AGENT_SECONDS, t),
        handover: durationInWords(config.HANDOVER_TTL_SECONDS, t),
      },
      ...translationNotice(s.content, t, lang),
    });
  });

  return router;
}

/** Seconds in the largest whole unit, with the language's plural forms: "1 jour", "15 minutes", "90 secondes". */
function durationInWords(seconds: number, t: Translate): string {
  const units = [
    ['days', 86400],
    ['hours', 3600],
    ['minutes', 60],
  ] as const;
  for (const [unit, size] of units)
    if (seconds % size === 0) return t(`common:duration.${unit}`, { count: seconds / size });
  return t('common:duration.seconds', { count: seconds });
}
