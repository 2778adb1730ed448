import { z } from 'zod';
import type { Answer } from '../dialogue/answers';

/**
 * What clients send, checked at the edge with zod, the same for HTTP bodies and Socket.IO payloads.
 * Unknown keys are refused so typos surface.
 */
const channelSchema = z.enum(['web', 'kiosk', 'agent']);
const lang = z.string().max(35);
const turn = z.number().int().min(0).max(1_000_000);

/** POST /sessions, `session:start` */
export const startSession = z.strictObject({
  procedure: z.string().max(64).optional(),
  lang: lang.optional(),
  channel: channelSchema.optional(),
});

/** `session:resume` */
export const resumeSession = z.strictObject({ id: z.string().max(64), token: z.string().max(128) });

/**
 * POST /sessions/:id/answers, `answer`: a typed value, or free text to read in the session's language;
 * optionally the node and turn of the question it answers (a repeat or a stale answer is recognised).
 */
const answeredQuestion = { node: z.string().max(100).optional(), turn: turn.optional() };
export const answer = z.union([
  z.strictObject({ value: z.unknown(), ...answeredQuestion }),
  z.strictObject({ text: z.string().max(500), ...answeredQuestion }),
]) satisfies z.ZodType<Answer>;

/** The position of an answer in the order given (0-based): PUT /sessions/:id/answers/:index, `answer:change`. */
export const answerIndex = z.coerce.number().int().min(0).max(500);
export const changeAnswer = z.union([
  z.strictObject({ index: answerIndex, value: z.unknown() }),
  z.strictObject({ index: answerIndex, text: z.string().max(500) }),
]);

/** POST /sessions/:id/back, `back`: the turn it was pressed at, so pressing it twice goes back once. */
export const back = z.strictObject({ turn: turn.optional() });

/** PATCH /sessions/:id, `lang:set` */
export const setLanguage = z.strictObject({ lang });

/** `feedback`: only the yes/no is counted; the comment is read and dropped (it could hold personal details). */
export const feedback = z.strictObject({ helpful: z.boolean(), comment: z.string().max(1000).optional() });

/** POST /handovers, `handover:open`: the code the person gave (case, spaces and dashes do not matter) */
export const handoverCode = z.strictObject({ code: z.string().max(32) });

/** POST /procedures/:id/evaluate */
export const evaluate = z.strictObject({
  facts: z.record(z.string(), z.unknown()),
  asOf: z.iso.date().optional(),
  lang: lang.optional(),
});
