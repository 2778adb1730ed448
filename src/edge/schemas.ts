import { z } from 'zod';

/** Request bodies, checked at the edge. Unknown keys are refused so typos surface. */
export const channelSchema = z.enum(['web', 'kiosk', 'agent']);

export const startSessionBody = z.strictObject({
  procedure: z.string().max(64).optional(),
  lang: z.string().max(35).optional(),
  channel: channelSchema.optional(),
});

/** The position of an answer in the order given (0-based), from the URL. */
export const answerIndex = z.coerce.number().int().min(0).max(500);

export const setLanguageBody = z.strictObject({ lang: z.string().max(35) });

export const evaluateBody = z.strictObject({
  facts: z.record(z.string(), z.unknown()),
  asOf: z.iso.date().optional(),
  lang: z.string().max(35).optional(),
});

/** `back` may name the turn it was pressed at, so pressing it twice goes back once. */
export const backBody = z.strictObject({ turn: z.number().int().min(0).max(1_000_000).optional() });
