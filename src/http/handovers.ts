import { Router } from 'express';
import { presentedTerminal } from '../edge/credentials';
import { createHandover, openHandover } from '../edge/handover';
import * as input from '../edge/schemas';
import type { Services } from '../edge/services';
import { bearerToken } from './bearer';

/**
 * Handing over to a human: the person's session asks for a code (POST /sessions/:id/handover, with its token); an agent
 * opens the conversation with it (POST /handovers, with the agent's key).
 */
export function handoversRouter(s: Services): Router {
  const router = Router();

  router.post('/sessions/:id/handover', async (req, res) => {
    const client = { address: req.ip ?? 'unknown' };
    res.status(201).json(await createHandover(s, String(req.params.id), bearerToken(req), client));
  });

  router.post('/handovers', async (req, res) => {
    const address = req.ip ?? 'unknown';
    const terminal = await presentedTerminal(s, address, { agent: req.get('x-agent-key') });
    const { code } = input.handoverCode.parse(req.body ?? {});
    res.status(201).json(await openHandover(s, code, { address, ...(terminal ? { terminal } : {}) }));
  });

  return router;
}
