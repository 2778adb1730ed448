// Builds the three pages (the widget's loader and frame, the kiosk, the agent console) into dist/public with
// esbuild: browser bundles of web/*.ts (socket.io-client and qrcode included), and the HTML and CSS copied as they are.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
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
