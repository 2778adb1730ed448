// A minimal Socket.IO client for one namespace over a raw WebSocket: Engine.IO v4 and Socket.IO v5
// framing written out by hand (see engine.io-parser and socket.io-parser), text packets only. It does
// a tenth of what socket.io-client does (no polling, no reconnection, no buffering, no binary), so
// thousands of them fit in one process and the load generator is not what gets measured.
import WebSocket from 'ws';

// Engine.IO packet types (the first character of every frame).
const EIO_OPEN = '0';
const EIO_CLOSE = '1';
const EIO_PING = '2';
const EIO_PONG = '3';
const EIO_MESSAGE = '4';
// Socket.IO packet types (the character after EIO_MESSAGE).
const SIO_CONNECT = '0';
const SIO_DISCONNECT = '1';
const SIO_EVENT = '2';
const SIO_ACK = '3';
const SIO_CONNECT_ERROR = '4';

/** The WebSocket address of a Socket.IO server, skipping the HTTP long-polling handshake. */
export const socketUrl = (port, host = '127.0.0.1') => `ws://${host}:${port}/socket.io/?EIO=4&transport=websocket`;

/**
 * Reads a Socket.IO packet (the frame without its leading EIO_MESSAGE): type, namespace, ack id, data.
 * Format: <type>[<namespace>,][<ack id>][<JSON>], the namespace only when it is not "/".
 */
export function decodePacket(frame) {
  const type = frame[1];
  let i = 2;
  let nsp = '/';
  if (frame[i] === '/') {
    const comma = frame.indexOf(',', i);
    nsp = frame.slice(i, comma === -1 ? frame.length : comma);
    i = comma === -1 ? frame.length : comma + 1;
  }
  let id;
  const idStart = i;
  while (i < frame.length && frame.charCodeAt(i) >= 48 && frame.charCodeAt(i) <= 57) i++;
  if (i > idStart) id = Number(frame.slice(idStart, i));
  const data = i < frame.length ? JSON.parse(frame.slice(i)) : undefined;
  return { type, nsp, id, data };
}

/** The frame of an event with an acknowledgement id: 42/chat,17["answer",{...}]. */
export const encodeEvent = (nsp, id, event, payload) =>
  `${EIO_MESSAGE}${SIO_EVENT}${nsp},${id}${JSON.stringify([event, payload])}`;

export class ConnectError extends Error {}

/**
 * One connection to one namespace. `open()` resolves once the namespace has accepted it; `emit()`
 * calls back with the acknowledgement and the size of its frame. A close the client did not ask for
 * calls `onDisconnect` once. One pending acknowledgement at a time is all the driver needs, but
 * several are allowed.
 */
export class ChatConnection {
  constructor(port, { nsp = '/chat', host = '127.0.0.1', onDisconnect = () => {}, onServerEvent = () => {} } = {}) {
    this.port = port;
    this.host = host;
    this.nsp = nsp;
    this.onDisconnect = onDisconnect;
    this.onServerEvent = onServerEvent;
    this.nextId = 0;
    this.pending = new Map();
    this.closing = false;
    this.connected = false;
  }

  open(timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const fail = (err) => {
        clearTimeout(timer);
        if (this.connected) return;
        this.closing = true;
        this.ws?.terminate();
        reject(err instanceof Error ? err : new ConnectError(String(err)));
      };
      const ready = () => {
        clearTimeout(timer);
        this.connected = true;
        resolve(this);
      };
      const timer = setTimeout(() => fail(new ConnectError('connect timeout')), timeoutMs);
      // No compression (the server does not offer it: engine.io's default) and no UTF-8 check of what the
      // server sends: both cost the client CPU, and the client must not be what limits the run.
      this.ws = new WebSocket(socketUrl(this.port, this.host), { perMessageDeflate: false, skipUTF8Validation: true });
      this.ws.on('error', (err) => fail(err));
      this.ws.on('close', () => {
        if (!this.connected) return fail(new ConnectError('closed before connect'));
        this.lost('closed');
      });
      this.ws.on('message', (raw) => this.onFrame(raw.toString(), { ready, fail }));
    });
  }

  /** One Engine.IO frame: the handshake, pings, and the Socket.IO packets of this namespace. */
  onFrame(frame, { ready, fail }) {
    switch (frame[0]) {
      case EIO_OPEN:
        // The handshake {sid, pingInterval, ...}: ask for the namespace (no auth payload).
        this.ws.send(`${EIO_MESSAGE}${SIO_CONNECT}${this.nsp},`);
        return;
      case EIO_PING:
        // Engine.IO v4: the server pings, the client answers, or the server drops it after pingTimeout.
        this.ws.send(EIO_PONG);
        return;
      case EIO_CLOSE:
        this.lost('engine close');
        return;
      case EIO_MESSAGE:
        break;
      default:
        return; // noop, upgrade: nothing to do on a WebSocket-only connection
    }
    const packet = decodePacket(frame);
    if (packet.nsp !== this.nsp) return;
    switch (packet.type) {
      case SIO_CONNECT:
        ready();
        return;
      case SIO_CONNECT_ERROR:
        fail(new ConnectError(packet.data?.message ?? 'connect_error'));
        return;
      case SIO_ACK: {
        const waiting = this.pending.get(packet.id);
        if (!waiting) return; // abandoned after a timeout
        this.pending.delete(packet.id);
        waiting(packet.data?.[0], frame.length);
        return;
      }
      case SIO_EVENT:
        this.onServerEvent(packet.data?.[0], packet.data?.[1]);
        return;
      case SIO_DISCONNECT:
        this.lost('namespace disconnect');
        return;
    }
  }

  /** Sends an event; `onAck(result, frameBytes)` is called with its acknowledgement. Returns the ack id. */
  emit(event, payload, onAck) {
    const id = this.nextId++;
    this.pending.set(id, onAck);
    this.ws.send(encodeEvent(this.nsp, id, event, payload));
    return id;
  }

  /** Forgets an acknowledgement the caller gave up on (a timeout): if it comes later, it is dropped. */
  abandon(id) {
    this.pending.delete(id);
  }

  lost(reason) {
    if (this.closing) return;
    this.closing = true;
    this.connected = false;
    this.pending.clear();
    this.ws.terminate();
    this.onDisconnect(reason);
  }

  close() {
    this.closing = true;
    this.pending.clear();
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.close();
    else this.ws?.terminate();
  }
}
