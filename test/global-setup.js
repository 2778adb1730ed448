// Before the run: the pages the server serves from dist/public (the browser tests load them), and the server
// itself in dist/ (the durability test runs it as a process of its own). tsc is incremental: a few seconds once,
// then only what changed.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-web.mjs')], { stdio: 'inherit' });
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      path.join(root, 'tsconfig.build.json'),
      '--incremental',
      '--tsBuildInfoFile',
      path.join(root, 'dist', '.tsbuildinfo'),
    ],
    {
      stdio: 'inherit',
    },
  );
};
