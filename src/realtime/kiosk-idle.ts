import type { Config } from '../config';
import type { Services } from '../edge/services';
import type { ChatSocket } from './socket';

/** Kiosk inactivity: a warning, then the session is erased and the terminal told to reset. Other channels: nothing. */
export function kioskIdleTimer(socket: ChatSocket, s: Services, config: Config) {
  let warn: NodeJS.Timeout | undefined;
  let end: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(warn);
    clearTimeout(end);
  };
  const touch = () => {
    stop();
    const session = socket.data.session;
    if (session?.channel !== 'kiosk') return;
    const idleMs = config.KIOSK_IDLE_SECONDS * 1000;
    const warningMs = Math.min(config.KIOSK_WARNING_SECONDS, config.KIOSK_IDLE_SECONDS) * 1000;
    warn = setTimeout(() => socket.emit('session:expiring', { secondsLeft: warningMs / 1000 }), idleMs - warningMs);
    end = setTimeout(() => {
      void s.dialogue
        .erase(session.id, session.token)
        .catch(() => undefined)
        .finally(() => {
          socket.data.session = undefined;
          socket.emit('session:ended', { reason: 'inactivity' });
        });
    }, idleMs);
  };
  return { touch, stop };
}
