import Negotiator from 'negotiator';
import type { Content } from '../content/load';
import { AppError } from '../errors';
import { supportedLanguage } from '../i18n';

type Languages = Pick<Content, 'languages' | 'languageInfo'>;

/** The service's language for each tag it answers to: its codes, and each card's `aliases` ("prs" is Dari). */
function tagsOf(content: Languages): Map<string, string> {
  const tags = new Map<string, string>();
  for (const code of content.languages) {
    tags.set(code, code);
    for (const alias of content.languageInfo[code]?.aliases ?? []) if (!tags.has(alias)) tags.set(alias, code);
  }
  return tags;
}

/**
 * The first language of a client's Accept-Language list that the service speaks, by its code or one of its card's
 * `aliases`, else French (the reference).
 */
export function preferredLanguage(acceptLanguage: string | undefined, content: Languages): string {
  if (!acceptLanguage) return 'fr';
  const tags = tagsOf(content);
  const found = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...tags.keys()]);
  return (found && tags.get(found)) ?? 'fr';
}

/**
 * A supported language from a request value, or `fallback` (the client's preferred one) when none was given. An
 * unsupported one is refused in the fallback language, with the languages offered, each named in its own script.
 */
export function languageOf(value: unknown, content: Languages, fallback = 'fr'): string {
  if (value === undefined) return fallback;
  const tags = tagsOf(content);
  const tag = typeof value === 'string' ? supportedLanguage(value, [...tags.keys()]) : undefined;
  const lang = tag && tags.get(tag);
  if (lang) return lang;
  const offered = content.languages.map((code) => ({ code, name: content.languageInfo[code]?.name ?? code }));
  throw new AppError('UNSUPPORTED_LANGUAGE', {
    lang: fallback,
    values: { list: offered.map((l) => l.name).join(', ') },
    reason: 'common:errors.UNSUPPORTED_LANGUAGE',
    languages: offered,
  });
}
