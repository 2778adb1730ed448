import type { Server as HttpServer } from 'node:http';
import { Server as IoServer } from 'socket.io';
import type { Config } from '../config';
import type { Services } from '../edge/services';
import { attachChat } from './chat';

/**
 * Socket.IO on the HTTP server, with /chat; browsers may connect from this server's own pages or a configured origin.
 */
export function createSocketServer(httpServer: HttpServer, s: Services, config: Config): IoServer {
  const io = new IoServer(httpServer, {
    maxHttpBufferSize: config.MAX_BODY_BYTES,
    cors: { origin: config.CORS_ORIGINS },
    serveClient: false,
    // A WebSocket handshake ignores CORS: the origin is checked here.
    allowRequest: (req, callback) =>
      callback(null, originAllowed(req.headers.origin, req.headers.host, config.CORS_ORIGINS)),
  });
  attachChat(io, s, config);
  return io;
}

/**
 * A browser's WebSocket may come from this server's own pages or a configured origin; non-browser clients send no
 * Origin.
 */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]) {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
