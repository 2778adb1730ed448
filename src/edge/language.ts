import { AppError } from '../errors';
import { supportedLanguage } from '../i18n';

/** A supported language from a request value, or the fallback when none was given; an unsupported one is refused. */
export function languageOf(value: unknown, languages: readonly string[], fallback = 'fr'): string {
  if (value === undefined) return fallback;
  const lang = typeof value === 'string' ? supportedLanguage(value, languages) : undefined;
  if (!lang) throw new AppError('UNSUPPORTED_LANGUAGE');
  return lang;
}
