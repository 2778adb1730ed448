import type { Clock } from '../clock';
import type { Credentials } from './credentials';
import type { ClientLimits } from './limits';
import type { LoadGuard } from './load';
import type { Content } from '../content/load';
import type { DialogueService } from '../dialogue/service';
import type { FlowEngine } from '../dialogue/engine';
import type { HandoverDesk } from '../dialogue/handover';
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
  /** admission control: new sessions and turns refused while the event loop is behind */
  load: LoadGuard;
  /** conversations handed over to a human, under a short code */
  handovers: HandoverDesk;
}
