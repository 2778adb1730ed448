import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '../src/http/openapi/document';
import { handlers } from '../src/realtime/handlers';
import { guidedProcedures } from '../src/procedures/registry';

/**
 * docs/PROTOCOL.md is the public contract (additions in docs/protocol-additions.md): the server does what it
 * names. Every HTTP call is in the OpenAPI document (itself checked against the routes), every Socket.IO event
 * has a handler, every fact the contract names exists in its procedure's schema.
 */
const root = path.join(__dirname, '..');
const protocol = readFileSync(path.join(root, 'docs', 'PROTOCOL.md'), 'utf8');

test('the contract in docs/ is the shared contract, word for word, when the shared copy is at hand', () => {
  const shared = path.join(root, '..', 'shared', 'PROTOCOL.md');
  if (existsSync(shared)) expect(protocol).toBe(readFileSync(shared, 'utf8'));
  expect(protocol).toMatch(/^# Public interface contract/);
});

test('every HTTP call of the contract is served (and documented in the OpenAPI document)', () => {
  const paths = (openApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> }).paths;
  const calls = [...protocol.matchAll(/`(GET|POST|PATCH|PUT|DELETE) (\/[\w/:.-]*)`/g)].map(
    (m) => [m[1]!.toLowerCase(), m[2]!] as const,
  );
  expect(calls.length).toBeGreaterThan(10);
  for (const [method, p] of calls) {
    if (p === '/metrics') continue; // operators' metrics: on their own port or behind a token (README)
    const full = (
      p.startsWith('/healthz') || p.startsWith('/readyz') || p.startsWith('/api/v1') ? p : `/api/v1${p}`
    ).replace(/:(\w+)/g, '{$1}');
    expect({ call: `${method} ${full}`, served: Boolean(paths[full]?.[method]) }).toEqual({
      call: `${method} ${full}`,
      served: true,
    });
  }
});

test('every Socket.IO event of the contract has a handler', () => {
  const section = protocol.slice(protocol.indexOf('## Socket.IO'), protocol.indexOf('## Running'));
  const events = [...section.matchAll(/^\| `([a-z:]+)`(?:, `([a-z:]+)`)? \|/gm)].flatMap((m) =>
    [m[1]!, m[2]].filter(Boolean),
  ) as string[];
  expect(events).toEqual(
    expect.arrayContaining(['session:start', 'session:resume', 'answer', 'back', 'restart', 'lang:set', 'feedback']),
  );
  for (const e of events) expect(Object.keys(handlers)).toContain(e);
});

test("every fact the contract names exists in its procedure's facts schema", () => {
  const section = protocol.slice(protocol.indexOf('## Facts'), protocol.indexOf('## Decision'));
  for (const p of guidedProcedures) {
    const item = section.match(new RegExp(`- \`${p.id}\`:([\\s\\S]*?)(?=\\n- \`|\\n\\n)`))?.[1] ?? '';
    const facts = [...item.matchAll(/`([a-zA-Z]+)`(?= \(|,|\s|$)/g)]
      .map((m) => m[1]!)
      .filter(
        (f) =>
          /^[a-z][a-zA-Z]+$/.test(f) &&
          ![
            'mainland',
            'mayotte',
            'none',
            'temporary',
            'resident',
            'retired',
            'ict',
            'other',
            'abroad',
            'france',
            'registered',
            'closed',
          ].includes(f),
      );
    expect(facts.length).toBeGreaterThan(3);
    for (const f of facts)
      expect({ procedure: p.id, fact: f, known: f in p.factsSchema.shape }).toEqual({
        procedure: p.id,
        fact: f,
        known: true,
      });
  }
});
