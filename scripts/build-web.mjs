// Builds the three pages (the widget's loader and frame, the kiosk, the agent console) into dist/public with
// esbuild: browser bundles of web/*.ts (socket.io-client and qrcode included), and the HTML and CSS copied as they are;
// and the fonts of every script the service writes, served by the server itself (dist/public/fonts.css).
import { build } from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'public');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ['widget', 'frame', 'kiosk', 'agent'].map((name) => path.join(root, 'web', `${name}.ts`)),
  outdir: out,
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.css': 'text' },
});
cpSync(path.join(root, 'web', 'pages'), out, { recursive: true });
cpSync(path.join(root, 'web', 'styles'), out, { recursive: true });

/*
 * Noto fonts from npm (@fontsource): Latin and Cyrillic, Arabic script (Arabic, Dari, Pashto), Ethiopic (Tigrinya).
 * Each face keeps its unicode-range, so a browser downloads only the files for the characters a page shows. Only
 * woff2 (every browser the pages support reads it), regular and bold.
 */
const FONTS = ['noto-sans', 'noto-sans-arabic', 'noto-sans-ethiopic'];
const fontsOut = path.join(out, 'fonts');
mkdirSync(fontsOut, { recursive: true });
const faces = [];
for (const pkg of FONTS) {
  const dir = path.join(root, 'node_modules', '@fontsource', pkg);
  for (const weight of [400, 700]) {
    const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8').replace(
      /src: url\(\.\/files\/([\w-]+\.woff2)\) format\('woff2'\)(, url\([^)]*\) format\('woff'\))?;/g,
      (_, file) => {
        copyFileSync(path.join(dir, 'files', file), path.join(fontsOut, file));
        return `src: url(/fonts/${file}) format('woff2');`;
      },
    );
    faces.push(css);
  }
}
// Latin and Cyrillic first; a character none of their faces covers falls to the Arabic, then the Ethiopic faces.
// The pages' own styles set their text in var(--text-font) (the widget's launcher, on the host's page, keeps
// the system's font: the host's document has not loaded these faces).
const stack = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Ethiopic', system-ui, sans-serif";
const family = `:root { --text-font: ${stack}; }\nhtml { font-family: var(--text-font); }`;
writeFileSync(path.join(out, 'fonts.css'), [...faces, family].join('\n'));
