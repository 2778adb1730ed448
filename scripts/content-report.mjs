// The content report for service owners: `npm run content-report [-- --as-of 2027-01-15] [-- --json]`.
// Every legal parameter the rules use, with its status, its source, when the source was last checked and
// when the figure goes stale. Runs the compiled code (npm run content-report compiles it first).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const { loadContent } = require(path.join(dist, 'content', 'load.js'));
const { contentReport, contentReportText } = require(path.join(dist, 'content', 'report.js'));
const { systemClock, todayIn } = require(path.join(dist, 'clock.js'));

const args = process.argv.slice(2);
const at = args.indexOf('--as-of');
const asOf = at >= 0 ? args[at + 1] : todayIn(systemClock);
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '')) {
  console.error('usage: npm run content-report -- [--as-of YYYY-MM-DD] [--json]');
  process.exit(1);
}
const report = contentReport(loadContent(), asOf);
process.stdout.write(args.includes('--json') ? JSON.stringify(report, null, 2) + '\n' : contentReportText(report));
