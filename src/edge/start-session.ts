import type { z } from 'zod';
import { AppError } from '../errors';
import { agentOpened } from './handover';
import { languageOf } from './language';
import type { Client } from './limits';
import type { startSession as startSessionSchema } from './schemas';
import type { Services } from './services';

/**
 * Starting a session, the same on both transports: the language offered, a procedure that exists, an
 * agent's credential for an agent session, and the client's limit of session starts.
 */
export async function startSession(s: Services, input: z.infer<typeof startSessionSchema>, client: Client) {
  const lang = languageOf(input.lang, s.content, client.preferredLang);
  const procedure = input.procedure ?? 'triage';
  if (!s.dialogue.hasProcedure(procedure)) throw new AppError('UNKNOWN_PROCEDURE', { lang });
  // Agent sessions live a working day and carry the agent's script: they need an agent's credential.
  if (input.channel === 'agent' && client.terminal?.kind !== 'agent') {
    throw new AppError('AGENT_CREDENTIAL_REQUIRED', { lang });
  }
  await s.limits.sessionStart(client, lang);
  const started = await s.dialogue.start({ procedure, lang, channel: input.channel ?? 'web' });
  if (input.channel === 'agent') agentOpened(s, client.terminal!, 'new');
  return started;
}
