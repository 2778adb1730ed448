import { ConfigError, loadConfig } from '../src/config';

test('defaults need nothing set: SQLite under data/, port 3000, local host', () => {
  expect(loadConfig({})).toMatchObject({
    PORT: 3000,
    HOST: '127.0.0.1',
    STORE_URL: 'sqlite:data/sessions.db',
    CORS_ORIGINS: [],
  });
});

test.each([
  [{ PORT: 'eighty' }, /PORT/],
  [{ STORE_URL: 'mongodb://x' }, /memory:[\s\S]*STORE_URL/],
  [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  [{ KIOSK_IDLE_SECONDS: '-5' }, /KIOSK_IDLE_SECONDS/],
])('a wrong setting %j stops the start, saying which', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});

test('widget origins are a comma-separated list', () => {
  expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
    'https://a.example',
    'https://b.example',
  ]);
});
