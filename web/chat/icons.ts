/**
 * Icons drawn for these pages (no icon set: nothing third-party), as inline SVG in the text's colour, for people who
 * read little: beside each procedure, yes and no, dates, and the kiosk's actions. Decorative: the label says it all.
 */
const SHAPES = {
  shield: [['path', 'M12 3 20 6v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z']],
  plane: [['path', 'M2 12 22 4l-6 16-4-6zM12 14l10-10']],
  family: [
    ['circle', '8 7 3'],
    ['circle', '16.5 8.5 2.5'],
    ['path', 'M2 21c0-6 12-6 12 0M13 15c4-1.5 9 0 9 6'],
  ],
  elder: [
    ['circle', '10 5 2.5'],
    ['path', 'M10 8v7l-3 6M10 15l3 6M10 10l5 2M17 12v9'],
  ],
  question: [
    ['circle', '12 12 9'],
    ['path', 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 1-1 1.7v1M12 17.5v.5'],
  ],
  yes: [['path', 'M5 12.5 10 17 19 7']],
  no: [['path', 'M6 6l12 12M18 6 6 18']],
  calendar: [
    ['rect', '3 5 18 16'],
    ['path', 'M3 10h18M8 3v4M16 3v4'],
  ],
  staff: [
    ['circle', '10 6 3'],
    ['path', 'M4 21c0-6 12-6 12 0M19 3v8M17 5l2-2 2 2'],
  ],
  headset: [
    ['path', 'M4 15v-3a8 8 0 0 1 16 0v3'],
    ['rect', '3 14 4 6'],
    ['rect', '17 14 4 6'],
  ],
  print: [
    ['rect', '6 3 12 6'],
    ['rect', '3 9 18 8'],
    ['rect', '7 14 10 7'],
  ],
  leave: [['path', 'M14 4H5v16h9M10 12h11M17 8l4 4-4 4']],
} as const;

export type IconName = keyof typeof SHAPES;

const NS = 'http://www.w3.org/2000/svg';

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24',
    class: 'icon',
    'aria-hidden': 'true',
    focusable: 'false',
  }))
    svg.setAttribute(k, v);
  for (const [tag, data] of SHAPES[name]) {
    const el = document.createElementNS(NS, tag);
    const n = data.split(' ').map(Number);
    if (tag === 'path') el.setAttribute('d', data);
    else if (tag === 'circle')
      [
        ['cx', n[0]],
        ['cy', n[1]],
        ['r', n[2]],
      ].forEach(([a, x]) => el.setAttribute(String(a), String(x)));
    else
      [
        ['x', n[0]],
        ['y', n[1]],
        ['width', n[2]],
        ['height', n[3]],
        ['rx', 1.5],
      ].forEach(([a, x]) => el.setAttribute(String(a), String(x)));
    svg.append(el);
  }
  return svg;
}

/** The icon for an answer, where one helps: the procedures, yes and no, "today", "I don't know". */
export function iconForAnswer(value: unknown): SVGSVGElement | undefined {
  const byValue: Record<string, IconName> = {
    'asylum-filing': 'shield',
    'return-aid': 'plane',
    'family-reunification': 'family',
    'elderly-migrant-aid': 'elder',
    other: 'question',
    true: 'yes',
    false: 'no',
    null: 'question',
    unknown: 'question',
  };
  const name = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'calendar' : byValue[String(value)];
  return name ? icon(name) : undefined;
}
