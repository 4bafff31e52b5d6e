/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, the terminal mode
 * otherwise. Configuration problems are reported in words, never a stack.
 */
import { openApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logging.js';
import { runTerminal } from './terminal/repl.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.DISCORD_TOKEN) {
    const { runBot } = await import('./bot/run.js');
    await runBot(config);
    return;
  }
  // In the terminal the prompt owns stdout; logs go to stderr, quietly.
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', stderr: true });
  await runTerminal(await openApp(config, logger));
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `error: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
