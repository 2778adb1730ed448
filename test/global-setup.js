// The browser tests load the pages the server serves from dist/public: build them once before the run.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-web.mjs')], { stdio: 'inherit' });
};
