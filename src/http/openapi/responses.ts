import { z } from 'zod';
import { legalStatus } from '../../content/schemas';
import { errorCodes } from '../../errors';

/**
 * What the API answers, as zod schemas for the OpenAPI document (the requests' schemas are the edge's own,
 * src/edge/schemas.ts). Objects are open: a field added to the contract (docs/protocol-additions.md) is
 * allowed before it is described here; a test validates real responses against these.
 */
const open = z.looseObject;
const text = z.string();

export const errorResponse = open({
  error: open({
    code: z.enum(errorCodes),
    message: text,
    field: text.optional(),
    languages: z.array(open({ code: text, name: text })).optional(),
    retryAfter: z.number().int().optional().meta({ description: 'SERVER_BUSY: seconds to wait before trying again' }),
  }),
  messages: z.array(z.lazy(() => message)).optional(),
}).meta({
  id: 'Error',
  description:
    'A stable code from docs/errors.md, a message in the session language, the question again where input was refused',
});

const option = open({ value: z.unknown(), label: text, unknown: z.boolean().optional() });

export const decision = open({
  procedure: text,
  status: z.enum(['eligible', 'partly-eligible', 'ineligible', 'refer', 'incomplete']),
  asOf: z.iso.date(),
  conditions: z.array(
    open({
      id: text,
      status: z.enum(['met', 'not-met', 'unknown']),
      reference: text,
      explanation: text,
      figures: open({
        required: z.number(),
        actual: z.number().optional(),
        unit: z.enum(['months', 'years', 'm2', 'eur']),
        gap: z.number().optional(),
        written: open({ required: text, actual: text.optional(), gap: text.optional() }).meta({
          description: 'the same figures as the language writes them',
        }),
      }).optional(),
    }),
  ),
  amounts: z.array(
    open({
      id: text,
      maxEur: z.number(),
      maxEurText: text.meta({ description: 'the amount as the language writes it' }),
      per: text,
      reference: text,
      explanation: text,
    }),
  ),
  deadlines: z.array(
    open({
      id: text,
      title: text,
      date: z.iso.date(),
      daysLeft: z.number().int(),
      passed: z.boolean(),
      reference: text,
      explanation: text,
      actBy: text.meta({ description: 'the day to act by (actBefore, else date), written in full in the language' }),
    }),
  ),
  nextSteps: z.array(open({ id: text, text })),
  notices: z.array(open({ id: text, text })),
  referral: open({ to: text, name: text, contact: text, reason: text }).optional(),
  references: z.array(open({ id: text, title: text, url: text, inForceFrom: text, status: text })),
  lang: text,
  locale: text.meta({
    description: 'the Intl locale of its dates and amounts (Gregorian calendar, the language digits)',
  }),
  translationNotice: text.optional(),
}).meta({ id: 'Decision' });

const message = open({
  type: z.enum(['question', 'info', 'outcome', 'understood']),
  node: text,
  procedure: text,
  field: text.optional(),
  value: z.unknown().optional(),
  text,
  help: text.optional(),
  input: open({
    kind: text,
    options: z.array(option).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  }).optional(),
  understood: open({ field: text, value: z.unknown(), text }).optional(),
  urgent: open({
    situation: text,
    contacts: z.array(open({ id: text, name: text, number: text.optional(), text })),
    leaveQuickly: z.boolean(),
  }).optional(),
  decision: decision.optional(),
  french: open({ text, decision })
    .optional()
    .meta({ description: 'an outcome in an unreviewed translation: the French reference beside it' }),
  lang: text,
  dir: z.enum(['ltr', 'rtl']),
  canGoBack: z.boolean(),
  turn: z.number().int().optional(),
}).meta({ id: 'Message' });

export const messages = open({ messages: z.array(message) }).meta({ id: 'Messages' });

const sessionView = open({
  id: text,
  procedure: text,
  lang: text,
  channel: z.enum(['web', 'kiosk', 'agent']),
  expiresAt: text,
});

export const started = open({ session: sessionView.extend({ token: text }), messages: z.array(message) }).meta({
  id: 'SessionStarted',
});
export const current = open({
  session: sessionView,
  facts: z.record(text, z.unknown()),
  messages: z.array(message),
}).meta({ id: 'SessionState' });
export const summary = open({
  session: sessionView,
  answers: z.array(open({ procedure: text, node: text, field: text, question: text, answer: text })),
  decision: decision.optional(),
  generatedOn: z.iso.date(),
}).meta({ id: 'Summary' });
export const procedures = z.array(open({ id: text, title: text, summary: text })).meta({ id: 'Procedures' });
export const factsSchema = open({ type: z.literal('object') }).meta({
  id: 'FactsJsonSchema',
  description: 'A JSON Schema of the procedure facts',
});
export const script = open({
  procedure: text,
  title: text,
  lang: text,
  start: text,
  questions: z.array(open({ node: text })),
  outcomes: z.array(open({ node: text })),
}).meta({ id: 'Script' });
export const languages = z
  .array(
    open({
      code: text,
      name: text,
      dir: z.enum(['ltr', 'rtl']),
      purpose: text.meta({ description: 'what the service is for, in one line in this language' }),
      translation: open({
        status: z.enum(['reference', 'machine', 'reviewed']),
        by: text.optional(),
        on: text.optional(),
      }),
    }),
  )
  .meta({ id: 'Languages' });
export const uiTexts = open({
  lang: text,
  dir: z.enum(['ltr', 'rtl']),
  locale: text,
  ui: z.record(text, z.unknown()),
  translationNotice: text.optional(),
}).meta({
  id: 'UiTexts',
});
export const health = open({ status: text });

export const contentReport = open({
  asOf: z.iso.date(),
  parameters: z.array(
    open({
      id: text,
      family: text,
      value: z.unknown(),
      unit: text.nullable(),
      validFrom: z.iso.date().nullable(),
      validTo: z.iso.date().nullable(),
      inForce: z.boolean(),
      status: legalStatus.nullable(),
      note: text.nullable(),
      source: open({ reference: text, title: text, url: text, status: legalStatus }).nullable(),
      lastChecked: z.iso.date().nullable(),
      reviewBy: z.iso.date(),
      stale: z.boolean(),
      refer: text,
    }),
  ),
  summary: z.record(text, z.number().int()),
}).meta({
  id: 'ContentReport',
  description: 'every legal parameter, its status, source, last check and review horizon',
});

export const handoverCreated = open({ handover: open({ code: text, expiresAt: z.iso.datetime() }) }).meta({
  id: 'HandoverCode',
  description: 'the code to give an adviser, and until when it works',
});
export const handoverOpened = open({
  session: sessionView.extend({ token: text }),
  messages: z.array(message),
  handover: open({ from: text, consentedAt: z.iso.datetime(), expiresAt: z.iso.datetime() }),
}).meta({ id: 'HandoverOpened', description: "the caller's conversation, now the agent's session" });
