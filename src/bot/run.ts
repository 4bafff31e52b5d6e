import type { Config } from '../config.js';

/** Placeholder until the Discord adapter lands: says so rather than pretending. */
export async function runBot(_config: Config): Promise<void> {
  throw new Error('the Discord bot is not built yet; unset DISCORD_TOKEN to use the terminal mode');
}
