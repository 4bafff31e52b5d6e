/**
 * `npm start` with DISCORD_TOKEN set: opens the core, loads the commands,
 * logs in, and answers interactions through the one handler until SIGINT or
 * SIGTERM — then stops taking interactions, finishes those in flight,
 * flushes the logs, destroys the client and exits 0. SIGHUP reopens the
 * query log (logrotate).
 */
import { once } from 'node:events';
import { Events, RESTEvents } from 'discord.js';
import type { Client } from 'discord.js';
import { openApp } from '../app.js';
import type { App } from '../app.js';
import type { Config } from '../config.js';
import { createLogger } from '../logging.js';
import type { Logger } from '../logging.js';
import { createClient, guardInteractionPackets } from './client.js';
import type { Command } from './command.js';
import { Cooldowns } from './cooldown.js';
import { InteractionDispatcher } from './dispatch.js';
import { loadCommands } from './loader.js';
import { PageStore } from './pages.js';
import { scrubError, scrubText } from './scrub.js';

export interface BotOptions {
  /** Default: a logger on stdout (pretty in a terminal, JSON otherwise) at LOG_LEVEL. */
  logger?: Logger;
  /** Stop on SIGINT/SIGTERM and exit. Default: true. */
  handleSignals?: boolean;
  /** Called after a signal-driven stop. Default: `process.exit`. */
  exit?: (code: number) => void;
  /** Default: the files in `commands/`. */
  commands?: Map<string, Command>;
  /** How long shutdown waits for interactions in flight, in ms. Default: 10 s. */
  drainMs?: number;
  /** Default: a new page store with 10-minute buttons. */
  pages?: PageStore;
}

export interface Bot {
  client: Client<true>;
  app: App;
  handler: InteractionDispatcher;
  /** Graceful stop; safe to call more than once. */
  stop(reason?: string): Promise<void>;
}

export class BotError extends Error {
  constructor(message: string) {
    super(`bot: ${message}`);
    this.name = 'BotError';
  }
}

export async function runBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new BotError('DISCORD_TOKEN is not set');
  const secrets = [token];
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const handleSignals = options.handleSignals ?? true;
  // logrotate moves the query log, then sends SIGHUP (its postrotate): open a new file at the path and
  // keep serving. Node's default for SIGHUP is to end the process, so the listener is in place before the
  // index is built (a cold build can take minutes) and stays until exit.
  let queryLog: App['queryLog'] | undefined;
  if (handleSignals) {
    process.on('SIGHUP', () => {
      if (queryLog?.reopen()) logger.info({ path: config.QUERY_LOG }, 'query log reopened');
    });
  }
  const app = await openApp(config, logger);
  queryLog = app.queryLog;
  const commands = options.commands ?? (await loadCommands());
  const client = createClient(config);
  const handler = new InteractionDispatcher({
    rest: client.rest,
    app,
    commands,
    pages: options.pages ?? new PageStore(),
    cooldowns: new Cooldowns(config.COOLDOWN_SECONDS),
    secrets,
  });

  guardInteractionPackets(client, handler);
  client.on(Events.InteractionCreate, (interaction) => void handler.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: scrubError(error, secrets) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: scrubText(message, secrets) }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.debug({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global }, 'rate limited'),
  );
  // RateLimited fires only when discord.js holds a request back itself; a 429 it did not see coming
  // (the usual kind: shared or global limits) is retried after retry-after, and logged here.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    const retryAfter = Number(response.headers.get('retry-after'));
    const global = response.headers.get('x-ratelimit-global') === 'true';
    logger.warn({ route: request.route, method: request.method, retryAfter, global }, 'rate limited');
  });

  const ready = once(client, Events.ClientReady) as Promise<[Client<true>]>;
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw new BotError(`could not log in to Discord: ${scrubText((error as Error).message, secrets)}`);
  }
  const readyClient = client as Client<true>;
  logger.info(
    { user: readyClient.user.id, guilds: readyClient.guilds.cache.size, commands: [...commands.keys()] },
    'bot ready',
  );

  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  let stopping: Promise<void> | null = null;
  const stop = (reason = 'stop requested'): Promise<void> =>
    (stopping ??= (async () => {
      for (const s of signals) process.off(s, onSignal);
      handler.close();
      logger.info({ reason, inFlight: handler.pending }, 'shutting down: no new interactions');
      const finished = await handler.drain(options.drainMs ?? 10_000);
      if (!finished) logger.warn({ inFlight: handler.pending }, 'shutdown: gave up waiting for interactions in flight');
      await client.destroy();
      // The gateway is closed, so nothing new arrives: wait for the replies still on their way (the
      // "restarting" ones to late arrivals), whose lines are written only once Discord has accepted them.
      await handler.drain(3_000);
      logger.info('stopped');
      app.queryLog.flush();
      logger.flush();
    })());
  const exit = options.exit ?? ((code: number) => process.exit(code));
  function onSignal(signal: NodeJS.Signals): void {
    stop(signal).then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: scrubError(error, secrets) }, 'shutdown failed');
        logger.flush();
        exit(1);
      },
    );
  }
  if (handleSignals) {
    for (const s of signals) process.once(s, onSignal);
    // A rejected promise nobody awaited leaves no half-done state behind: log it and keep serving.
    process.on('unhandledRejection', (reason) => logger.error({ err: scrubError(reason, secrets) }, 'unhandled rejection (kept running)'));
    // A synchronous throw may have left anything half done: log it, finish what is in flight, exit non-zero.
    process.once('uncaughtException', (error) => {
      logger.fatal({ err: scrubError(error, secrets) }, 'uncaught exception: stopping');
      stop('uncaught exception').finally(() => exit(1));
    });
  }

  return { client: readyClient, app, handler, stop };
}
