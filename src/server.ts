import { createApplication } from './app';
import { ConfigError, loadConfig } from './config';
import { ContentError } from './content/load';
import { createLogger } from './logger';

/** Entry point: settings from the environment, then listen. A wrong setting or content file stops here with why. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let application;
  try {
    application = createApplication(config, { logger });
  } catch (err) {
    if (err instanceof ContentError) {
      logger.fatal({ err: { message: err.message } }, 'content/ is invalid');
      process.exit(1);
    }
    throw err;
  }
  const port = await application.listen();
  logger.info({ port, host: config.HOST, store: config.STORE_URL.split(':')[0], node: process.version }, 'listening');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await application.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: { message: String(reason) } }, 'unhandled rejection'),
  );
}

void main();
