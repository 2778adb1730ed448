import type { Content } from './content/load';
import type { LanguageFile } from './content/schemas';
import { formatDate } from './format';
import type { i18n } from 'i18next';
import type { Translate } from './i18n';

/**
 * What the service knows of each language it speaks, from its card (content/locales/<lang>/language.json): the
 * direction it is written in, how Intl should write its dates and numbers, and whether its translation is reviewed.
 * No language is named in code.
 */

type Languages = Pick<Content, 'languageInfo'>;

const card = (content: Languages, lang: string): LanguageFile | undefined => content.languageInfo[lang];

export const directionOf = (content: Languages, lang: string): 'ltr' | 'rtl' => card(content, lang)?.dir ?? 'ltr';

/**
 * The locale Intl formats a language's dates and numbers with: always the Gregorian calendar (the deadlines are French
 * dates; Intl would write Persian and Pashto in the Solar Hijri one), with the digits the language writes.
 */
export function intlLocale(content: Languages, lang: string): string {
  const c = card(content, lang);
  return `${c?.locale ?? lang}-u-ca-gregory-nu-${c?.numbering ?? 'latn'}`;
}

/** A translation not reviewed by a qualified translator: its pages and outcomes say so, with the French beside. */
export const isMachineTranslated = (content: Languages, lang: string): boolean =>
  card(content, lang)?.translation.status === 'machine';

/**
 * What a translation says of itself, in its language: machine-made and not yet reviewed (the French beside it
 * prevails), or reviewed by whom and when. Nothing for French, the reference.
 */
export function translationNotice(content: Languages, t: Translate, lang: string): { translationNotice?: string } {
  const status = card(content, lang)?.translation;
  switch (status?.status) {
    case 'machine':
      return { translationNotice: t('common:translation.machine') };
    case 'reviewed':
      return {
        translationNotice: t('common:translation.reviewed', {
          by: status.by,
          date: formatDate(status.on, intlLocale(content, lang)),
        }),
      };
    default:
      return {};
  }
}

/** Everything needed to write in a language: its texts, its Intl locale, its direction. */
export interface Voice {
  lang: string;
  t: Translate;
  locale: string;
  dir: 'ltr' | 'rtl';
}

export const voiceOf = (content: Languages, i18n: i18n, lang: string): Voice => ({
  lang,
  t: i18n.getFixedT(lang),
  locale: intlLocale(content, lang),
  dir: directionOf(content, lang),
});
