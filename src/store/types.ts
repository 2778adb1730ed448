/** What the store keeps of a conversation. No names, addresses or document numbers are ever asked, so none are here. */
export interface StoredAnswer {
  procedure: string;
  node: string;
  field: string;
  /** absent when the answer was "I don't know" */
  value?: unknown;
  /** the person said they do not know: the fact stays absent, and the question was asked */
  unknown?: true;
}

/** What waits at the current question: a reading to confirm, or candidates to choose from. */
export type Pending = { kind: 'confirm'; value: unknown; text: string } | { kind: 'choose'; candidates: unknown[] };

export type Channel = 'web' | 'kiosk' | 'agent';

export interface SessionRecord {
  id: string;
  /** SHA-256 of the bearer token; the token itself is never stored */
  tokenHash: string;
  /** the procedure the session started with (replays start there) */
  startProcedure: string;
  /** the procedure now being asked about (after a triage hand-over) */
  procedure: string;
  lang: string;
  channel: Channel;
  /** the current machine snapshot, as JSON: { value, context } */
  snapshot: { value: string; context: Record<string, unknown> };
  answers: StoredAnswer[];
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** bumped on every write; writes compare and set on it */
  version: number;
  /** bumped on every step (answer, change, back, restart); each question carries it, and answers may name it */
  turn: number;
  /** the last step taken, so that the same step sent again (a double tap, a retry) is answered idempotently */
  lastStep?: LastStep;
  /** a reading waiting to be confirmed, or candidates to choose from, at the current question */
  pending?: Pending;
  /** free-text answers in a row that triage could not place (the second leads to a referral) */
  misses?: number;
  /** set on the copy of a conversation handed over to a human (src/dialogue/handover.ts) */
  handover?: Handover;
}

/** A conversation the person agreed to hand over: waiting for an agent until `expiresAt`, then opened once. */
export interface Handover {
  /** the channel the person used */
  from: Channel;
  consentedAt: string;
  /** the code's time limit */
  expiresAt: string;
  openedAt?: string;
}

export interface LastStep {
  kind: 'answer' | 'back';
  /** the turn the step was taken at (the session's turn is now one more) */
  turn: number;
  /** the node it was taken at */
  node: string;
  /** a digest of the answer as sent (its value or text), for answers */
  digest?: string;
  /** the procedure at that node (a hand-over changes it) */
  procedure: string;
  /** what was understood of free text, said back with the next question */
  said?: string;
}

export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>;
  create(record: SessionRecord): Promise<void>;
  /** Writes `record` (version already bumped) only if the stored version is `record.version - 1`. */
  update(record: SessionRecord): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Deletes every session whose expiresAt is at or before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
