import { fill, h } from './dom';
import type { Mode, UiTexts } from './types';

/**
 * The first screen's few lines, in the person's language: no name is asked; nothing goes to the prefecture, the police
 * or OFII; how long the conversation is kept (from the settings); how to erase it now; information, not a decision.
 */
export function privacyLines(texts: UiTexts, mode: Mode, eraseButton: string): string[] {
  const p = texts.ui.privacy;
  const kept =
    mode === 'kiosk'
      ? fill(p['kept-kiosk'], { button: eraseButton, duration: texts.durations.kiosk })
      : fill(p[`kept-${mode}`], { duration: texts.durations[mode] });
  return [
    p['no-name'],
    p['not-passed'],
    kept,
    ...(mode === 'web' ? [fill(p.erase, { button: eraseButton })] : mode === 'agent' ? [p['erase-agent']] : []),
    p.information,
  ].filter((x): x is string => Boolean(x));
}

export function privacyNotice(texts: UiTexts, mode: Mode, eraseButton: string): HTMLElement {
  return h(
    'section',
    { className: 'privacy', 'aria-label': texts.ui.privacy.title, lang: texts.lang, dir: texts.dir },
    h('h2', {}, texts.ui.privacy.title),
    h('ul', {}, ...privacyLines(texts, mode, eraseButton).map((line) => h('li', {}, line))),
    texts.translationNotice ? h('p', { className: 'translation-notice' }, texts.translationNotice) : undefined,
  );
}
