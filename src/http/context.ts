import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Clock } from '../clock';
import type { Content } from '../content/load';
import type { DialogueService } from '../dialogue/service';
import type { FlowEngine } from '../dialogue/engine';
import { AppError } from '../errors';
import { supportedLanguage } from '../i18n';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { SessionStore } from '../store/types';
import type { i18n } from 'i18next';

/** What the transports are given: they parse, call the dialogue service, and format. */
export interface Services {
  dialogue: DialogueService;
  engine: FlowEngine;
  content: Content;
  i18n: i18n;
  clock: Clock;
  store: SessionStore;
  logger: Logger;
  metrics: Metrics;
  /** the agents' credential, when configured */
  agentKey?: string;
}

export const bearerToken = (req: Request): string | undefined => {
  const h = req.get('authorization');
  const m = h?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
};

/** Whether a presented agent key matches the configured one (compared in constant time); never true when none is configured. */
export function agentKeyMatches(given: unknown, configured: string | undefined): boolean {
  if (!configured || typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(configured);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A supported language from a request value, or the fallback when none was given; an unsupported one is refused. */
export function languageOf(value: unknown, languages: readonly string[], fallback = 'fr'): string {
  if (value === undefined) return fallback;
  const lang = typeof value === 'string' ? supportedLanguage(value, languages) : undefined;
  if (!lang) throw new AppError('UNSUPPORTED_LANGUAGE');
  return lang;
}
