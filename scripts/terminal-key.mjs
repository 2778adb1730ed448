// A new key for an agent or a kiosk terminal: `npm run terminal-key -- agent agent-07`.
// Prints the key (give it to the agent, or put it in the kiosk's address: /kiosk#key=...) and the line
// to add to TERMINALS_FILE, which holds only its SHA-256. The server reads the file again when it changes.
import { createHash, randomBytes } from 'node:crypto';

const [kind, id] = process.argv.slice(2);
if (!['agent', 'kiosk'].includes(kind ?? '') || !/^[\w.-]{1,64}$/.test(id ?? '')) {
  console.error('usage: npm run terminal-key -- agent|kiosk <id>   (id: letters, digits, . _ -)');
  process.exit(1);
}
const key = randomBytes(32).toString('base64url');
const keySha256 = createHash('sha256').update(key).digest('hex');
console.log(`key (give it to the ${kind}; it is not stored anywhere): ${key}`);
console.log(`add to "${kind}s" in TERMINALS_FILE: ${JSON.stringify({ id, keySha256 })}`);
