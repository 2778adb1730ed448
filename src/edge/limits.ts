import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Terminal } from './credentials';

/**
 * Limits per client, the same on every transport: per address for the public, per terminal for kiosks
 * and agents that authenticated (a reception centre puts many kiosks behind one address). In memory,
 * per process: with several processes behind a balancer, an address gets at most that many times more.
 */
export interface Client {
  address: string;
  terminal?: Terminal;
  /** the language the client's Accept-Language prefers among the service's (edge/language.ts) */
  preferredLang?: string;
}

const keyOf = (c: Client) => (c.terminal ? `${c.terminal.kind}:${c.terminal.id}` : `address:${c.address}`);

export class ClientLimits {
  private readonly startsByAddress: RateLimiterMemory;
  private readonly startsByTerminal: RateLimiterMemory;
  private readonly connections: RateLimiterMemory;
  private readonly credentialFailures: RateLimiterMemory;

  constructor(
    config: Pick<
      Config,
      | 'SESSION_STARTS_PER_MINUTE'
      | 'SESSION_STARTS_PER_MINUTE_PER_TERMINAL'
      | 'SOCKET_CONNECTIONS_PER_MINUTE'
      | 'CREDENTIAL_FAILURES_PER_HOUR'
    >,
  ) {
    this.startsByAddress = new RateLimiterMemory({ points: config.SESSION_STARTS_PER_MINUTE, duration: 60 });
    this.startsByTerminal = new RateLimiterMemory({
      points: config.SESSION_STARTS_PER_MINUTE_PER_TERMINAL,
      duration: 60,
    });
    this.connections = new RateLimiterMemory({ points: config.SOCKET_CONNECTIONS_PER_MINUTE, duration: 60 });
    this.credentialFailures = new RateLimiterMemory({ points: config.CREDENTIAL_FAILURES_PER_HOUR, duration: 3600 });
  }

  /** A session start; RATE_LIMITED past the limit. */
  async sessionStart(client: Client, lang?: string): Promise<void> {
    await consume(client.terminal ? this.startsByTerminal : this.startsByAddress, keyOf(client), lang);
  }

  /** A Socket.IO connection. */
  async connection(client: Client): Promise<void> {
    await consume(this.connections, keyOf(client));
  }

  /** Refuses an address that has presented too many wrong credentials. */
  async checkCredentialAttempts(address: string, lang?: string): Promise<void> {
    const res = await this.credentialFailures.get(address);
    if (res && res.remainingPoints <= 0) throw new AppError('RATE_LIMITED', { lang });
  }

  /** Counts a wrong credential from an address. */
  async credentialFailed(address: string): Promise<void> {
    await this.credentialFailures.penalty(address, 1);
  }
}

async function consume(limiter: RateLimiterMemory, key: string, lang?: string) {
  try {
    await limiter.consume(key);
  } catch {
    throw new AppError('RATE_LIMITED', { lang });
  }
}

/** The client's address as express reads it with `trust proxy` set to a number of hops: for a Socket.IO handshake. */
export const clientAddress = (req: IncomingMessage, trustProxy: number): string =>
  proxyAddr(req, (_addr, hop) => hop < trustProxy);
