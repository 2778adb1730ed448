import type { Config } from '../config';
import { presentedTerminal } from '../edge/credentials';
import { errorBody, noteError } from '../edge/errors';
import { preferredLanguage } from '../edge/language';
import { clientAddress } from '../edge/limits';
import type { Services } from '../edge/services';
import type { ChatSocket } from './socket';

/**
 * The handshake: who connects (an address, or a kiosk terminal or agent with its key), within the limits.
 * A refusal reaches the client as connect_error, with the code as its message and { code, message } as data.
 */
export function handshake(s: Services, config: Config) {
  return (socket: ChatSocket, next: (err?: Error) => void) => {
    const address = clientAddress(socket.request, config.TRUST_PROXY);
    const auth = (socket.handshake.auth ?? {}) as { agentKey?: unknown; kioskKey?: unknown };
    const preferredLang = preferredLanguage(socket.handshake.headers['accept-language'], s.content);
    presentedTerminal(s, address, { agent: auth.agentKey, kiosk: auth.kioskKey })
      .then(async (terminal) => {
        const client = { address, preferredLang, ...(terminal ? { terminal } : {}) };
        await s.limits.connection(client);
        socket.data.client = client;
        next();
      })
      .catch((err: unknown) => {
        const e = noteError(s, err, 'socket', 'handshake');
        next(Object.assign(new Error(e.code), { data: errorBody(e, s, preferredLang) }));
      });
  };
}
