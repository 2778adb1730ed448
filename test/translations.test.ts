import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir, loadContent } from '../src/content/load';
import { tempDir } from './helpers';

/** The translators' workflow: a language to XLIFF and back, unchanged; a file that breaks a placeholder is refused. */
const script = path.join(__dirname, '..', 'scripts', 'translations.mjs');

function workspace() {
  const dir = tempDir('translations-');
  const contentDir = path.join(dir, 'content');
  cpSync(defaultContentDir(), contentDir, { recursive: true });
  const env = { ...process.env, TRANSLATIONS_CONTENT: contentDir, TRANSLATIONS_OUT: path.join(dir, 'out') };
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { env, encoding: 'utf8' });
  return { contentDir, out: path.join(dir, 'out'), run };
}

test('export then import gives back the same texts, and a review is recorded', () => {
  const w = workspace();
  expect(w.run('export', 'ar').status).toBe(0);
  const xlf = readFileSync(path.join(w.out, 'ar.xlf'), 'utf8');
  expect(xlf).toMatch(/srcLang="fr" trgLang="ar"/);
  expect(xlf).toMatch(/<note>return-aid › questions › has-oqtf › text; keep in French: OQTF/);
  const before = loadContent(w.contentDir).locales.ar;
  const imported = w.run(
    'import',
    'ar',
    path.join(w.out, 'ar.xlf'),
    '--reviewed-by',
    'A. Translator',
    '--on',
    '2026-11-25',
  );
  expect({ status: imported.status, err: imported.stderr }).toEqual({ status: 0, err: '' });
  expect(loadContent(w.contentDir).locales.ar).toEqual(before);
  expect(
    JSON.parse(readFileSync(path.join(w.contentDir, 'locales', 'ar', 'language.json'), 'utf8')).translation,
  ).toEqual({ status: 'reviewed', by: 'A. Translator', on: '2026-11-25' });
});

test('a file with a placeholder lost, or a text missing, is refused and nothing is written', () => {
  const w = workspace();
  w.run('export', 'ar');
  const file = path.join(w.out, 'ar.xlf');
  const xlf = readFileSync(file, 'utf8');
  writeFileSync(file, xlf.replace(/(<target>[^<]*)\{\{procedure\}\}/, '$1'));
  const r = w.run('import', 'ar', file);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/placeholders/);
  void execFileSync;
});
