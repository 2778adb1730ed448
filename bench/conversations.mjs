// What a virtual person answers. The driver reads the server's last message and looks up its
// procedure and node here; free text where people would type, values where they would tap a button.
// A node missing here (the flows change while the benchmark stays) gets a valid typed value read
// from the question's own `input`, so a conversation always reaches its outcome.

/** The procedures a client cycles through, one conversation after another (BENCH_PROCEDURES). */
export const PROCEDURES = ['return-aid', 'asylum-filing', 'family-reunification', 'elderly-migrant-aid', 'triage'];

/** A calendar date n days before today in Paris, written as people type it (25/11/2026). */
function daysAgo(n) {
  const d = new Date(Date.now() - n * 86_400_000);
  const [{ value: day }, , { value: month }, , { value: year }] = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(d);
  return `${day}/${month}/${year}`;
}

// An entry is an answer, a function of nothing (for dates relative to today), or a list of such
// that conversations take in turn, so that several paths of a flow are walked.
export const SCRIPTS = {
  triage: {
    need: [
      { text: "je veux demander l'asile" },
      { text: 'je veux rentrer dans mon pays' },
      { text: 'faire venir ma femme et mes enfants' },
      { text: 'je suis retraité et je vis dans un foyer' },
    ],
  },
  'return-aid': {
    territory: [{ text: 'en métropole' }, { value: 'mainland' }],
    nationality: [{ text: 'Algérie' }, { text: 'marocain' }, { text: 'Kosovo' }],
    'received-before': { text: 'non' },
    'has-oqtf': { text: 'oui' },
    'oqtf-notified-on': () => ({ text: daysAgo(40) }),
    'validation-date': { text: "aujourd'hui" },
    'has-return-ban': { text: 'non' },
    'three-months-residence': { text: 'oui' },
    derogation: { value: 'none' },
    adults: { text: '2' },
    minors: [{ text: '1' }, { text: '0' }],
    'has-travel-document': { text: 'oui' },
  },
  'asylum-filing': {
    location: { text: 'en France' },
    stage: [{ value: 'registered' }, { value: 'incomplete-letter' }, { value: 'closed' }],
    'attestation-issued-on': { text: 'hier' },
    'letter-received-on': () => ({ text: daysAgo(3) }),
    'closure-notified-on': () => ({ text: daysAgo(100) }),
    'reopened-before': { text: 'non' },
  },
  'family-reunification': {
    nationality: [{ text: 'Maroc' }, { text: 'Sénégal' }],
    'regular-stay': { text: 'oui' },
    permit: { value: 'multi-year' },
    commune: [{ text: 'Montreuil 93' }, { text: 'Lyon' }],
    'permit-validity-months': { text: '48' },
    'residence-months': { text: '30 mois' },
    'family-abroad': { text: 'oui' },
    'spouse-joining': { text: 'oui' },
    'spouse-age': { text: '34' },
    'children-ages': [{ text: '3, 7 et 12' }, { text: 'aucun' }],
    'household-size': { text: '4' },
    'housing-surface': { text: '62 m²' },
    'monthly-resources': { text: '2 100 € par mois' },
    'receives-aah-asi': { text: 'non' },
    'applicant-age': { text: '41' },
    'marriage-years': { text: '6' },
  },
  'elderly-migrant-aid': {
    nationality: [{ text: 'Tunisie' }, { text: 'algérien' }],
    age: { text: '68 ans' },
    'unfit-for-work': { text: 'non' },
    'residence-years': { text: '25' },
    'lives-alone': { text: 'oui' },
    'first-request': { text: 'oui' },
    housing: { value: 'migrant-worker-hostel' },
    'pensions-claimed': { text: 'oui' },
    'annual-resources': { text: '7 000 €' },
  },
};

/** A valid typed value for a question, from its input alone: the first option, the lowest number, the latest date. */
export function typedAnswer(input = {}) {
  switch (input.kind) {
    case 'confirm':
      return { value: true };
    case 'yesno':
      return { value: true };
    case 'number':
      return { value: input.min ?? 0 };
    case 'numbers':
      return { value: input.options?.[0]?.value ?? [] };
    case 'date':
      // today is always allowed unless a bound says otherwise
      return { value: input.maxDate ?? input.minDate ?? new Date().toISOString().slice(0, 10) };
    case 'country':
      return { value: 'DZ' };
    case 'commune':
      return { value: 'unknown' };
    case 'text':
      return { text: 'x' };
    default:
      return input.options?.length ? { value: input.options[0].value } : { text: 'oui' };
  }
}

/**
 * The answer to a question message: `confirm` is always yes; otherwise the script's entry for its
 * procedure and node (the `variant`-th when there are several), else a typed value. The answer names
 * the question it answers (node, turn), as the pages do.
 */
export function answerTo(message, variant = 0) {
  let answer;
  if (message.input?.kind === 'confirm') answer = { value: true };
  else {
    let entry = SCRIPTS[message.procedure]?.[message.node];
    if (Array.isArray(entry)) entry = entry[variant % entry.length];
    if (typeof entry === 'function') entry = entry();
    answer = entry ?? typedAnswer(message.input);
  }
  return {
    ...answer,
    ...(message.node ? { node: message.node } : {}),
    ...(message.turn !== undefined ? { turn: message.turn } : {}),
  };
}

/** The answer after a refusal ({ ok: false } with the question again): a typed value, which cannot be misread. */
export const fallbackTo = (message) => ({
  ...typedAnswer(message.input),
  ...(message.node ? { node: message.node } : {}),
  ...(message.turn !== undefined ? { turn: message.turn } : {}),
});
