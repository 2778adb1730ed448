import type { UrgentSituation } from '../content/schemas';
import type { i18n } from 'i18next';
import type { Content } from '../content/load';
import { translator } from '../i18n';
import { directionOf } from '../languages';
import type { Position } from './engine';
import type { Message, RenderContext } from './messages';

const base = (pos: Position, node: string, ctx: Pick<RenderContext, 'lang' | 'canGoBack' | 'content'>) => ({
  node,
  procedure: pos.procedure,
  lang: ctx.lang,
  dir: directionOf(ctx.content, ctx.lang),
  canGoBack: ctx.canGoBack,
});

/** What was understood of free text, said back before the next question ("Understood: 1 500 € per month"). */
export function understoodMessage(
  pos: Position,
  field: string,
  value: unknown,
  text: string,
  ctx: RenderContext,
): Message {
  return {
    type: 'understood',
    ...base(pos, pos.state.value, ctx),
    field,
    value,
    text: ctx.t('common:understood.said', { text }),
  };
}

/**
 * An urgent situation recognised in the person's words, said at once with whom to call (FACTS.md §7).
 * Violence and a child in danger come with "leave quickly".
 */
export function urgentMessage(pos: Position, situation: UrgentSituation, ctx: RenderContext): Message {
  const u = ctx.content.urgent.situations[situation];
  const contacts = u.contacts.map((id) => {
    const number = ctx.content.urgent.contacts[id]?.number;
    return {
      id,
      name: ctx.t(`common:urgent.contacts.${id}.name`),
      ...(number ? { number } : {}),
      text: ctx.t(`common:urgent.contacts.${id}.text`),
    };
  });
  return {
    type: 'info',
    ...base(pos, 'urgent', ctx),
    text: ctx.t(`common:urgent.${situation}.text`),
    help: ctx.t('common:urgent.then'),
    urgent: { situation, contacts, leaveQuickly: u.leaveQuickly },
  };
}

/** Triage could not place the request twice: what the service can help with, before the referral. */
export function notPlacedMessage(pos: Position, procedures: readonly string[], ctx: RenderContext): Message {
  const list = procedures.map((id) => ctx.t(`${id}:title`)).join(' ; ');
  return { type: 'info', ...base(pos, 'not-placed', ctx), text: ctx.t('common:triage.not-placed', { list }) };
}

/** Free text written in another language the service speaks: the offer to go on in it, in that language. */
export function switchLanguageMessage(
  pos: Position,
  lang: string,
  ctx: RenderContext,
  content: Content,
  i18n: i18n,
): Message {
  const name = content.languageInfo[lang]?.name ?? lang;
  return {
    type: 'info',
    ...base(pos, 'switch-language', ctx),
    lang,
    dir: directionOf(content, lang),
    text: translator(i18n, lang)('common:switch-language', { name }),
    help: ctx.t('common:switch-language', { name }),
    switchLanguage: { lang, name },
  };
}
