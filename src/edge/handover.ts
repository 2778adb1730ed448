import { AppError } from '../errors';
import type { Terminal } from './credentials';
import type { Client } from './limits';
import type { Services } from './services';

/**
 * Handing over to a human, the same on both transports: the person's session gives a code (with their consent, asked
 * by the page); an agent's connection or request opens the conversation with it.
 */
export async function createHandover(s: Services, id: string, token: string | undefined, client: Client) {
  const record = await s.dialogue.load(id, token);
  // each code keeps a copy of the conversation: counted as a session start, so a client cannot fill the store
  await s.limits.sessionStart(client, record.lang);
  return { handover: await s.handovers.create(record) };
}

export async function openHandover(s: Services, code: string, client: Client, lang?: string) {
  const agent = client.terminal?.kind === 'agent' ? client.terminal : undefined;
  if (!agent) throw new AppError('AGENT_CREDENTIAL_REQUIRED', { lang });
  const { id, token, handover } = await s.handovers.open(code, agent.id, lang);
  agentOpened(s, agent, 'handover');
  const current = await s.dialogue.current(id, token);
  return { session: { ...current.session, token }, messages: current.messages, handover };
}

/** Who opened a session and when: the agent's id and the time, never the answers, the session or the address. */
export function agentOpened(s: Pick<Services, 'logger' | 'clock'>, agent: Terminal, how: 'new' | 'handover') {
  s.logger.info({ agent: agent.id, at: s.clock.now().toISOString(), how }, 'an agent opened a session');
}
