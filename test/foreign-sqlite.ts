import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

// Another process on the same SQLite file (what an operator's sqlite3 or a backup tool would be): it runs
// `begin`, then commits on "commit" and closes its connection when its stdin ends, saying when each is done.
const SCRIPT = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1]);
db.exec(process.argv[2]);
process.stdout.write('holding\\n');
require('node:readline').createInterface({ input: process.stdin })
  .on('line', () => { db.exec('COMMIT'); process.stdout.write('committed\\n'); })
  .on('close', () => db.close());
`;

export interface ForeignConnection {
  /** ends its transaction; the connection stays open */
  commit(): Promise<void>;
  /** closes the connection (SQLite checkpoints when the last one closes) and waits for the process to end */
  close(): Promise<void>;
  /** for cleanup after a failure */
  kill(): void;
}

/** `begin`: `BEGIN EXCLUSIVE` holds the write lock; `BEGIN; SELECT …` holds a read snapshot of the WAL. */
export async function foreignConnection(file: string, begin: string): Promise<ForeignConnection> {
  const child = spawn(process.execPath, ['-e', SCRIPT, file, begin], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const said = async (expected: string) => {
    const { value } = await lines.next();
    if (value !== expected) throw new Error(`foreign connection said ${value}, not ${expected}`);
  };
  await said('holding');
  return {
    commit: async () => {
      child.stdin.write('commit\n');
      await said('committed');
    },
    close: async () => {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
