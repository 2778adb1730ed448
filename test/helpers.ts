import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApplication, type Application, type Overrides } from '../src/app';
import { fixedClock } from '../src/clock';
import { configWith, type Config } from '../src/config';
import { loadContent, type Content } from '../src/content/load';
import { FlowEngine } from '../src/dialogue/engine';
import { createFlows } from '../flows';
import { createI18n } from '../src/i18n';

/** Content is read once per test file, as the server reads it once at start-up. */
let cached: Content | undefined;
export const content = (): Content => (cached ??= loadContent());

export const engine = () => new FlowEngine(createFlows({ content: content() }));
export const i18n = () => createI18n(content());

/** The tests' "now": Monday 23 November 2026, 10:00 in Paris. */
export const NOW = '2026-11-23T09:00:00Z';
export const TODAY = '2026-11-23';

export function testApp(settings: Partial<Record<keyof Config, string>> = {}, overrides: Overrides = {}): Application {
  return createApplication(configWith({ STORE_URL: 'memory:', LOG_LEVEL: 'silent', PORT: '0', ...settings }), {
    clock: fixedClock(NOW),
    content: content(),
    ...overrides,
  });
}

export const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
