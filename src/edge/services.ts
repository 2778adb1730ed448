import type { Request } from 'express';
import type { Clock } from '../clock';
import type { Credentials, Terminal, TerminalKind } from '../credentials';
import type { ClientLimits } from '../limits';
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
  /** agents' and kiosk terminals' credentials */
  credentials: Credentials;
  /** limits per client address, kiosk terminal or agent */
  limits: ClientLimits;
}

export const bearerToken = (req: Request): string | undefined => {
  const h = req.get('authorization');
  const m = h?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
};

/**
 * The terminal a request or connection presents (an agent's or a kiosk's key), checked against the
 * address's count of wrong credentials: a wrong key is counted and refused, an address with too many
 * is refused before its key is even looked at.
 */
export async function presentedTerminal(
  s: Pick<Services, 'credentials' | 'limits'>,
  address: string,
  keys: { agent?: unknown; kiosk?: unknown },
  lang?: string,
): Promise<Terminal | undefined> {
  const kind: TerminalKind | undefined =
    keys.agent !== undefined ? 'agent' : keys.kiosk !== undefined ? 'kiosk' : undefined;
  if (!kind) return undefined;
  await s.limits.checkCredentialAttempts(address, lang);
  const terminal = s.credentials.identify(kind, kind === 'agent' ? keys.agent : keys.kiosk);
  if (terminal) return terminal;
  await s.limits.credentialFailed(address);
  throw new AppError(kind === 'agent' ? 'AGENT_CREDENTIAL_REQUIRED' : 'KIOSK_CREDENTIAL_REFUSED', { lang });
}

/** A supported language from a request value, or the fallback when none was given; an unsupported one is refused. */
export function languageOf(value: unknown, languages: readonly string[], fallback = 'fr'): string {
  if (value === undefined) return fallback;
  const lang = typeof value === 'string' ? supportedLanguage(value, languages) : undefined;
  if (!lang) throw new AppError('UNSUPPORTED_LANGUAGE');
  return lang;
}
