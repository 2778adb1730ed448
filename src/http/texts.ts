import { Router } from 'express';
import { directionOf, translator } from '../i18n';
import { languageOf } from '../edge/language';
import type { Services } from '../edge/services';

/** What the pages need to speak: the languages (each named in its own script) and the interface texts. */
export function textsRouter(s: Services): Router {
  const router = Router();

  router.get('/languages', (_req, res) => {
    res.json(
      s.content.languages.map((code) => ({
        code,
        name: translator(s.i18n, code)('common:language-name'),
        dir: directionOf(code),
      })),
    );
  });

  router.get('/texts/ui', (req, res) => {
    const lang = languageOf(req.query.lang, s.content.languages);
    const t = translator(s.i18n, lang);
    res.json({
      lang,
      dir: directionOf(lang),
      ui: s.content.locales[lang]?.ui ?? {},
      status: t('common:status', { returnObjects: true }),
      ...(lang === 'fr' ? {} : { translationNotice: t('common:translation-notice') }),
    });
  });

  return router;
}
