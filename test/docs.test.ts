import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../src/config';
import { errorCodes, errorStatus } from '../src/errors';

/** The documentation and the code say the same thing. */

const root = path.join(__dirname, '..');

test('every error code is documented with its status, and nothing else is', () => {
  const doc = readFileSync(path.join(root, 'docs', 'errors.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
  expect(Object.fromEntries(rows)).toEqual(errorStatus);
  expect(rows.length).toBe(errorCodes.length);
});

test('every setting is in the README', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const key of Object.keys(configSchema.shape).filter((k) => k !== 'NODE_ENV'))
    expect({ key, documented: readme.includes(`\`${key}\``) }).toEqual({ key, documented: true });
});
