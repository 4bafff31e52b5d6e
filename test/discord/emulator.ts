/**
 * A Discord API emulator on 127.0.0.1 for end-to-end tests: the REST routes
 * a bot uses (under `/api/v10`) and a WebSocket gateway speaking the real
 * protocol (HELLO, IDENTIFY, heartbeats and ACKs, READY, GUILD_CREATE,
 * RESUME, dispatches). It records every request, enforces what Discord
 * enforces (auth, the 3-second callback window, one acknowledgement per
 * interaction, message and embed limits), and lets a test send interactions
 * and await what the bot sent back.
 *
 * Hooks for fault and load tests: `intercept()` answers a request in place of
 * the emulator (429 with retry-after, 500s, delays); `sessions` exposes the
 * gateway connections (`close(code)`, `terminate()`); `heartbeatIntervalMs`
 * and `callbackDeadlineMs` are options.
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommand,
  ApplicationFlags,
  APIApplicationCommandOptionChoice,
  APIGatewayBotInfo,
  APIInteraction,
  APIMessage,
  APIUser,
  GatewayIdentifyData,
  GatewayReadyDispatchData,
  GatewayReceivePayload,
  GatewaySendPayload,
} from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import {
  MEMBER_PERMISSIONS,
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  commandOptions,
  guildCreate,
  member,
  message as messagePayload,
  messageCommandInteraction,
  role,
  snowflake,
  textChannel,
  user,
} from './payloads.js';
import type { GuildSetup, InteractionContext, OptionValue } from './payloads.js';
import { choiceProblems, commandProblems, messageProblems } from './validate.js';

type Obj = Record<string, unknown>;

export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** The path after `/api/v10`, e.g. `/interactions/123/abc/callback`. */
  path: string;
  /** The path with ids and tokens generalised, e.g. `POST /interactions/:id/:token/callback`. */
  route: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
  status?: number;
  response?: unknown;
  at: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers a request in place of the emulator, or returns undefined to let it through. */
export type Interceptor = (request: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>;

export interface EmulatorOptions {
  /** The bot token the emulator accepts. Default: a random fake token. */
  token?: string;
  applicationId?: string;
  /** HELLO's heartbeat interval. Default: 41,250 ms, as Discord. */
  heartbeatIntervalMs?: number;
  /** How long a bot has to acknowledge an interaction. Default: 3,000 ms, as Discord. */
  callbackDeadlineMs?: number;
  /** How long follow-ups and edits work after an interaction. Default: 15 minutes, as Discord. */
  tokenLifetimeMs?: number;
  /** Intents the application may use beyond the unprivileged ones. Default: none. */
  privilegedIntents?: number;
}

export interface Callback {
  type: InteractionResponseType;
  data?: Obj;
}

export interface InteractionState {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  createdAt: number;
  callbacks: Callback[];
  /** The id of the message the interaction's `@original` refers to. */
  originalId: string | null;
  followUps: string[];
  /** Bodies of PATCH `@original`, in order. */
  edits: Obj[];
}

/** Someone who sends interactions: a user with roles and channel permissions. */
export interface Actor {
  user: APIUser;
  roles: string[];
  permissions: bigint;
}

const PRIVILEGED = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

export class EmulatorTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`emulator: timed out after ${ms} ms waiting for ${what}`);
    this.name = 'EmulatorTimeoutError';
  }
}

/** One gateway connection. */
export class GatewaySession {
  seq = 0;
  identify: GatewayIdentifyData | null = null;
  readonly sessionId = randomBytes(16).toString('hex');
  heartbeats = 0;
  resumed = 0;
  readonly received: GatewaySendPayload[] = [];

  constructor(
    readonly socket: WebSocket,
    readonly query: URLSearchParams,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(payload: GatewayReceivePayload): void {
    if (this.open) this.socket.send(JSON.stringify(payload));
  }

  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    this.send({ op: GatewayOpcodes.Dispatch, t, d, s: this.seq } as GatewayReceivePayload);
  }

  /** Closes the connection with a gateway close code (fault tests). */
  close(code: number = GatewayCloseCodes.UnknownError, reason = ''): void {
    this.socket.close(code, reason);
  }

  /** Drops the connection without a close frame (fault tests). */
  terminate(): void {
    this.socket.terminate();
  }
}

export class InteractionHandle {
  constructor(
    private readonly emulator: DiscordEmulator,
    readonly state: InteractionState,
  ) {}

  get id(): string {
    return this.state.id;
  }

  get payload(): APIInteraction {
    return this.state.payload;
  }

  /** The bot's first callback (reply, defer, update or autocomplete result). */
  callback(timeoutMs?: number): Promise<Callback> {
    return this.emulator.waitFor(() => this.state.callbacks[0], `the callback to interaction ${this.id}`, timeoutMs);
  }

  /**
   * The message the user ends up seeing: the reply itself, or — after a
   * deferral — the message once the bot has edited it.
   */
  async response(timeoutMs?: number): Promise<APIMessage> {
    const cb = await this.callback(timeoutMs);
    const deferred = cb.type === InteractionResponseType.DeferredChannelMessageWithSource || cb.type === InteractionResponseType.DeferredMessageUpdate;
    return this.emulator.waitFor(
      () => {
        if (deferred && this.state.edits.length === 0) return undefined;
        return this.state.originalId ? this.emulator.messages.get(this.state.originalId) : undefined;
      },
      `the response to interaction ${this.id}`,
      timeoutMs,
    );
  }

  /** The n-th follow-up message (1-based). */
  followUp(n = 1, timeoutMs?: number): Promise<APIMessage> {
    return this.emulator.waitFor(
      () => {
        const id = this.state.followUps[n - 1];
        return id ? this.emulator.messages.get(id) : undefined;
      },
      `follow-up ${n} to interaction ${this.id}`,
      timeoutMs,
    );
  }

  /** The autocomplete choices the bot answered with. */
  async choices(timeoutMs?: number): Promise<APIApplicationCommandOptionChoice[]> {
    const cb = await this.callback(timeoutMs);
    if (cb.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
      throw new Error(`emulator: interaction ${this.id} was answered with callback type ${cb.type}, not autocomplete`);
    }
    return (cb.data?.choices ?? []) as APIApplicationCommandOptionChoice[];
  }

  /** Every request the bot made about this interaction (callback, edits, follow-ups). */
  requests(): RecordedRequest[] {
    return this.emulator.requests.filter((r) => r.path.includes(`/${this.state.token}`));
  }
}

const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({ status, body, ...(headers ? { headers } : {}) });
const discordError = (status: number, code: number, message: string, errors?: string[]): Reply =>
  json(status, { code, message, ...(errors ? { errors: Object.fromEntries(errors.map((e) => [e.split(':')[0], { _errors: [{ code: 'BASE_TYPE_INVALID', message: e }] }])) } : {}) });
const invalidForm = (problems: string[]): Reply => discordError(400, 50035, 'Invalid Form Body', problems);

export class DiscordEmulator {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guild: GuildSetup;
  readonly everyone: string;
  readonly moderatorRole: string;
  readonly requests: RecordedRequest[] = [];
  readonly sessions: GatewaySession[] = [];
  readonly interactions = new Map<string, InteractionState>();
  readonly messages = new Map<string, APIMessage>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly events = new EventEmitter();
  private readonly interceptors: Interceptor[] = [];
  private readonly options: Required<Omit<EmulatorOptions, 'token' | 'applicationId'>>;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private port = 0;

  private constructor(options: EmulatorOptions) {
    this.token = options.token ?? `${Buffer.from(snowflake()).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;
    this.applicationId = options.applicationId ?? snowflake();
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      callbackDeadlineMs: options.callbackDeadlineMs ?? 3_000,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
      privilegedIntents: options.privilegedIntents ?? 0,
    };
    this.botUser = user('newsquote', this.applicationId, true);
    const guildId = snowflake();
    this.everyone = guildId;
    this.moderatorRole = snowflake();
    this.guild = {
      id: guildId,
      name: 'Newsroom',
      ownerId: snowflake(),
      roles: [role(guildId, '@everyone', MEMBER_PERMISSIONS), role(guildId, 'Moderators', MEMBER_PERMISSIONS, this.moderatorRole)],
      channels: [textChannel(guildId, 'news')],
    };
    this.events.setMaxListeners(0);
  }

  static async start(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await emulator.listen();
    return emulator;
  }

  /** The REST base to give the bot as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get channel() {
    return this.guild.channels[0]!;
  }

  /** Adds an interceptor; returns a function that removes it. */
  intercept(interceptor: Interceptor): () => void {
    this.interceptors.push(interceptor);
    return () => {
      const i = this.interceptors.indexOf(interceptor);
      if (i >= 0) this.interceptors.splice(i, 1);
    };
  }

  /**
   * Answers the next `times` requests on `route` (e.g. `POST /interactions/:id/:token/callback`)
   * with `reply` — a 429 with retry-after, a 500 — then lets them through. Returns a remover.
   */
  failNext(route: string, reply: Reply, times = 1): () => void {
    let left = times;
    const remove = this.intercept((r) => {
      if (r.route !== route || left <= 0) return undefined;
      left -= 1;
      if (left === 0) queueMicrotask(remove);
      return reply;
    });
    return remove;
  }

  /** A 429 as Discord sends it, for `failNext`. */
  static rateLimited(retryAfterSeconds: number, global = false): Reply {
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
      headers: {
        'retry-after': String(Math.ceil(retryAfterSeconds)),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    };
  }

  /** A user to send interactions as: a member with `@everyone` permissions unless told otherwise. */
  actor(name: string, options: { roles?: string[]; permissions?: bigint } = {}): Actor {
    return { user: user(name), roles: options.roles ?? [], permissions: options.permissions ?? MEMBER_PERMISSIONS };
  }

  /** A member with Manage Server. */
  admin(name: string): Actor {
    return this.actor(name, { permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild });
  }

  private context(actor: Actor): InteractionContext {
    return {
      applicationId: this.applicationId,
      guildId: this.guild.id,
      channel: this.channel,
      member: member(actor.user, actor.roles, actor.permissions),
    };
  }

  /** The registered command (guild first, then global), or an unregistered stand-in. */
  command(name: string): APIApplicationCommand | { id: string; name: string } {
    return (
      (this.guildCommands.get(this.guild.id) ?? []).find((c) => c.name === name) ??
      this.globalCommands.find((c) => c.name === name) ?? { id: snowflake(), name }
    );
  }

  /** Sends a slash command the way Discord does: an INTERACTION_CREATE dispatch. */
  slash(name: string, options: Record<string, OptionValue> = {}, actor: Actor = this.actor('reader')): InteractionHandle {
    const command = this.command(name);
    const definition = 'application_id' in command ? command : undefined;
    return this.send(chatInputInteraction(this.context(actor), command, commandOptions(options, definition)));
  }

  /** Sends an autocomplete request while `focused` is being typed. */
  autocomplete(name: string, options: Record<string, OptionValue>, focused: string, actor: Actor = this.actor('reader')): InteractionHandle {
    const command = this.command(name);
    const definition = 'application_id' in command ? command : undefined;
    return this.send(autocompleteInteraction(this.context(actor), command, commandOptions(options, definition, focused)));
  }

  /** Runs a message context-menu command (right-click → Apps → `name`) on `target`. */
  messageCommand(name: string, target: APIMessage, actor: Actor = this.actor('reader')): InteractionHandle {
    return this.send(messageCommandInteraction(this.context(actor), this.command(name), target));
  }

  /** A message someone posted in the channel, for context-menu commands to act on. */
  userMessage(content: string, author: Actor = this.actor('poster')): APIMessage {
    const posted = { ...messagePayload({ channelId: this.channel.id, author: author.user, applicationId: this.applicationId, body: { content }, type: MessageType.Default }) };
    const { application_id: _a, webhook_id: _w, ...plain } = posted;
    this.messages.set(plain.id, plain);
    return plain;
  }

  /** Presses a button on a message the bot sent. */
  press(message: APIMessage, customId: string, actor: Actor = this.actor('reader')): InteractionHandle {
    return this.send(buttonInteraction(this.context(actor), message, customId));
  }

  /** Dispatches any interaction payload to every identified gateway session. */
  send(payload: APIInteraction): InteractionHandle {
    const state: InteractionState = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      createdAt: Date.now(),
      callbacks: [],
      originalId: null,
      followUps: [],
      edits: [],
    };
    this.interactions.set(payload.id, state);
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return new InteractionHandle(this, state);
  }

  /** Sends a dispatch to every identified session. Throws when the bot is not connected. */
  dispatch(t: string, d: unknown): void {
    const live = this.sessions.filter((s) => s.open && s.identify);
    if (live.length === 0) throw new Error(`emulator: no bot is connected to the gateway to receive ${t}`);
    for (const s of live) s.dispatch(t, d);
  }

  /** Resolves with the first truthy value of `check`, re-checked after every request and gateway event. */
  waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5_000): Promise<T> {
    const now = check();
    if (now) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const onChange = (): void => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new EmulatorTimeoutError(what, timeoutMs));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('change', onChange);
      };
      this.events.on('change', onChange);
    });
  }

  /** Waits for a bot to identify on the gateway. */
  waitForIdentify(timeoutMs?: number): Promise<GatewaySession> {
    return this.waitFor(() => this.sessions.find((s) => s.identify), 'a gateway IDENTIFY', timeoutMs);
  }

  /** Requests matching a route such as `PUT /applications/:id/guilds/:id/commands`. */
  requestsTo(route: string): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ——— server ———

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway') {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url.searchParams));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.wss = wss;
  }

  private changed(): void {
    this.events.emit('change');
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const prefix = '/api/v10';
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
    const recorded: RecordedRequest = {
      seq: this.requests.length + 1,
      method: req.method ?? 'GET',
      path,
      route: `${req.method} ${generalise(path)}`,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
      body: parseBody(raw, req.headers['content-type']),
      at: Date.now(),
    };
    this.requests.push(recorded);
    this.changed();
    let reply: Reply;
    try {
      reply = !url.pathname.startsWith(prefix) ? json(404, { message: '404: Not Found', code: 0 }) : await this.answer(recorded);
    } catch (error) {
      reply = json(500, { message: `emulator: ${(error as Error).message}`, code: 0 });
    }
    recorded.status = reply.status;
    recorded.response = reply.body;
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.body !== undefined) headers['content-type'] = 'application/json';
    res.writeHead(reply.status, headers);
    res.end(reply.body !== undefined ? JSON.stringify(reply.body) : undefined);
    this.changed();
  }

  private async answer(r: RecordedRequest): Promise<Reply> {
    for (const interceptor of this.interceptors) {
      const replaced = await interceptor(r);
      if (replaced) return replaced;
    }
    const route = ROUTES.find(([, pattern]) => pattern.test(r.path));
    if (!route) return json(404, { message: '404: Not Found', code: 0 });
    const handlers = ROUTES.filter(([, pattern]) => pattern.test(r.path));
    const match = handlers.find(([method]) => method === r.method);
    if (!match) return json(405, { message: '405: Method Not Allowed', code: 0 });
    const [, pattern, auth, handler] = match;
    if (auth && r.headers.authorization !== `Bot ${this.token}`) return json(401, { message: '401: Unauthorized', code: 0 });
    return handler.call(this, r, pattern.exec(r.path)!.slice(1));
  }

  // ——— REST handlers ———

  gatewayBot(): Reply {
    const info: APIGatewayBotInfo = {
      url: this.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    };
    return json(200, info);
  }

  putCommands(r: RecordedRequest, guildId: string | null): Reply {
    const problems = commandProblems(r.body);
    if (problems.length) return invalidForm(problems);
    const existing = guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
    const next = (r.body as Obj[]).map((c) => this.storeCommand(c, existing, guildId));
    if (guildId) this.guildCommands.set(guildId, next);
    else this.globalCommands.splice(0, this.globalCommands.length, ...next);
    return json(200, next);
  }

  private storeCommand(body: Obj, existing: APIApplicationCommand[], guildId: string | null): APIApplicationCommand {
    const before = existing.find((c) => c.name === body.name);
    const stored = {
      id: before?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: ApplicationCommandType.ChatInput,
      dm_permission: true,
      nsfw: false,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: null,
      ...stripNulls(body),
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
    return stored;
  }

  callback(r: RecordedRequest, [id, token]: string[]): Reply {
    const state = this.interactions.get(id!);
    if (!state || state.token !== token) return discordError(404, 10062, 'Unknown interaction');
    if (state.callbacks.length > 0) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - state.createdAt > this.options.callbackDeadlineMs) return discordError(404, 10062, 'Unknown interaction');
    const body = (r.body ?? {}) as { type?: number; data?: Obj };
    const data = body.data ?? {};
    const channelId = this.channel.id;
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const problems = messageProblems(data);
        if (problems.length) return invalidForm(problems.map((p) => `data.${p}`));
        const msg = messagePayload({ channelId, author: this.botUser, applicationId: this.applicationId, body: data, type: messageType(state) });
        this.messages.set(msg.id, msg);
        state.originalId = msg.id;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = ((data.flags as number | undefined) ?? 0) | MessageFlags.Loading;
        const msg = messagePayload({ channelId, author: this.botUser, applicationId: this.applicationId, body: { flags }, type: messageType(state) });
        this.messages.set(msg.id, msg);
        state.originalId = msg.id;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (state.type !== InteractionType.MessageComponent && state.type !== InteractionType.ModalSubmit) {
          return discordError(400, 40043, 'Interaction callback type is not valid for this interaction type');
        }
        const target = (state.payload as { message?: APIMessage }).message;
        if (!target) return discordError(400, 50035, 'Invalid Form Body', ['type: no message to update']);
        state.originalId = target.id;
        if (!this.messages.has(target.id)) this.messages.set(target.id, target);
        if (body.type === InteractionResponseType.UpdateMessage) {
          const problems = messageProblems(data);
          if (problems.length) return invalidForm(problems.map((p) => `data.${p}`));
          this.editMessage(target.id, data);
        }
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (state.type !== InteractionType.ApplicationCommandAutocomplete) {
          return discordError(400, 40043, 'Interaction callback type is not valid for this interaction type');
        }
        const problems = choiceProblems(data);
        if (problems.length) return invalidForm(problems.map((p) => `data.${p}`));
        break;
      }
      case InteractionResponseType.Modal:
        break;
      default:
        return invalidForm([`type: Value "${String(body.type)}" is not a valid enum value.`]);
    }
    state.callbacks.push({ type: body.type, ...(body.data ? { data: body.data } : {}) });
    if (r.query.with_response === 'true') {
      const msg = state.originalId ? this.messages.get(state.originalId) : undefined;
      return json(200, {
        interaction: {
          id: state.id,
          type: state.type,
          activity_instance_id: null,
          response_message_id: msg?.id ?? null,
          response_message_loading: body.type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: Boolean((msg?.flags ?? 0) & MessageFlags.Ephemeral),
        },
        resource: { type: body.type, ...(msg ? { message: msg } : {}) },
      });
    }
    return json(204);
  }

  private webhookState(appId: string, token: string): InteractionState | null {
    if (appId !== this.applicationId) return null;
    for (const state of this.interactions.values()) {
      if (state.token === token) return Date.now() - state.createdAt > this.options.tokenLifetimeMs ? null : state;
    }
    return null;
  }

  private editMessage(id: string, body: Obj): APIMessage {
    const old = this.messages.get(id)!;
    const flags = (old.flags ?? 0) & ~MessageFlags.Loading;
    const next: APIMessage = {
      ...old,
      ...(typeof body.content === 'string' ? { content: body.content } : {}),
      ...(Array.isArray(body.embeds) ? { embeds: body.embeds as APIMessage['embeds'] } : {}),
      ...(Array.isArray(body.components) ? { components: body.components as APIMessage['components'] } : {}),
      flags,
      edited_timestamp: new Date().toISOString(),
    };
    this.messages.set(id, next);
    return next;
  }

  webhookMessage(r: RecordedRequest, [appId, token, which]: string[]): Reply {
    const state = this.webhookState(appId!, token!);
    if (!state) return discordError(404, 10015, 'Unknown Webhook');
    if (state.callbacks.length === 0) return discordError(404, 10015, 'Unknown Webhook');
    const id = which === '@original' ? state.originalId : which!;
    const msg = id ? this.messages.get(id) : undefined;
    if (!id || !msg) return discordError(404, 10008, 'Unknown Message');
    if (r.method === 'GET') return json(200, msg);
    if (r.method === 'DELETE') {
      this.messages.delete(id);
      return json(204);
    }
    const body = (r.body ?? {}) as Obj;
    const problems = messageProblems(body);
    if (problems.length) return invalidForm(problems);
    if (which === '@original') state.edits.push(body);
    return json(200, this.editMessage(id, body));
  }

  followUp(r: RecordedRequest, [appId, token]: string[]): Reply {
    const state = this.webhookState(appId!, token!);
    if (!state || state.callbacks.length === 0) return discordError(404, 10015, 'Unknown Webhook');
    const body = (r.body ?? {}) as Obj;
    const problems = messageProblems(body);
    if (problems.length) return invalidForm(problems);
    if (!body.content && !(Array.isArray(body.embeds) && body.embeds.length)) return discordError(400, 50006, 'Cannot send an empty message');
    const msg = messagePayload({ channelId: this.channel.id, author: this.botUser, applicationId: this.applicationId, body, type: MessageType.Default });
    this.messages.set(msg.id, msg);
    state.followUps.push(msg.id);
    return r.query.wait === 'true' ? json(200, msg) : json(204);
  }

  // ——— gateway ———

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    const session = new GatewaySession(ws, query);
    this.sessions.push(session);
    if (query.get('v') !== '10') {
      session.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      session.close(GatewayCloseCodes.DecodeError, 'Only JSON encoding is emulated');
      return;
    }
    ws.on('message', (data) => {
      let payload: GatewaySendPayload;
      try {
        payload = JSON.parse(String(data)) as GatewaySendPayload;
      } catch {
        session.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      session.received.push(payload);
      this.onGatewayPayload(session, payload);
      this.changed();
    });
    ws.on('close', () => this.changed());
    session.send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null } as GatewayReceivePayload);
    this.changed();
  }

  private onGatewayPayload(session: GatewaySession, payload: GatewaySendPayload): void {
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        session.heartbeats += 1;
        session.send({ op: GatewayOpcodes.HeartbeatAck } as GatewayReceivePayload);
        return;
      case GatewayOpcodes.Identify: {
        if (session.identify) return session.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
        const d = payload.d;
        if (d.token !== this.token && d.token !== `Bot ${this.token}`) return session.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
        if (typeof d.intents !== 'number') return session.close(GatewayCloseCodes.DecodeError, 'intents is required');
        if ((d.intents & PRIVILEGED & ~this.options.privilegedIntents) !== 0) {
          return session.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
        }
        session.identify = d;
        const ready: GatewayReadyDispatchData = {
          v: 10,
          user: this.botUser,
          guilds: [{ id: this.guild.id, unavailable: true }],
          session_id: session.sessionId,
          resume_gateway_url: this.gatewayUrl,
          shard: d.shard ?? [0, 1],
          application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
        };
        session.dispatch(GatewayDispatchEvents.Ready, ready);
        if (d.intents & GatewayIntentBits.Guilds) session.dispatch(GatewayDispatchEvents.GuildCreate, guildCreate(this.guild, this.applicationId));
        return;
      }
      case GatewayOpcodes.Resume: {
        const known = this.sessions.find((s) => s.sessionId === payload.d.session_id && s !== session && s.identify);
        if (!known || payload.d.token.replace(/^Bot /, '') !== this.token) {
          session.send({ op: GatewayOpcodes.InvalidSession, d: false } as GatewayReceivePayload);
          return;
        }
        session.identify = known.identify;
        session.seq = known.seq;
        session.resumed += 1;
        session.dispatch(GatewayDispatchEvents.Resumed, {});
        return;
      }
      default:
        return; // presence updates, voice state, request guild members: accepted, not emulated
    }
  }
}

function messageType(state: InteractionState): MessageType {
  return state.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
}

type Handler = (this: DiscordEmulator, r: RecordedRequest, params: string[]) => Reply;

const ROUTES: [method: string, pattern: RegExp, auth: boolean, handler: Handler][] = [
  ['GET', /^\/gateway\/bot$/, true, function () { return this.gatewayBot(); }],
  ['GET', /^\/gateway$/, false, function () { return json(200, { url: this.gatewayUrl }); }],
  ['GET', /^\/users\/@me$/, true, function () { return json(200, this.botUser); }],
  ['GET', /^\/applications\/@me$/, true, function () {
    return json(200, { id: this.applicationId, name: this.botUser.username, description: '', bot_public: false, bot_require_code_grant: false, verify_key: 'emulator', flags: 0, icon: null, team: null, bot: this.botUser });
  }],
  ['GET', /^\/applications\/(\d+)\/commands$/, true, function (_r, [app]) {
    return app === this.applicationId ? json(200, this.globalCommands) : json(403, { message: 'Missing Access', code: 50001 });
  }],
  ['PUT', /^\/applications\/(\d+)\/commands$/, true, function (r, [app]) {
    return app === this.applicationId ? this.putCommands(r, null) : json(403, { message: 'Missing Access', code: 50001 });
  }],
  ['GET', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, true, function (_r, [app, guild]) {
    if (app !== this.applicationId || guild !== this.guild.id) return json(403, { message: 'Missing Access', code: 50001 });
    return json(200, this.guildCommands.get(guild) ?? []);
  }],
  ['PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, true, function (r, [app, guild]) {
    if (app !== this.applicationId || guild !== this.guild.id) return json(403, { message: 'Missing Access', code: 50001 });
    return this.putCommands(r, guild!);
  }],
  ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, false, function (r, p) { return this.callback(r, p); }],
  ['GET', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, false, function (r, p) { return this.webhookMessage(r, p); }],
  ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, false, function (r, p) { return this.webhookMessage(r, p); }],
  ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, false, function (r, p) { return this.webhookMessage(r, p); }],
  ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, false, function (r, p) { return this.followUp(r, p); }],
];

/** `/interactions/123/abc/callback` → `/interactions/:id/:token/callback`. */
function generalise(path: string): string {
  return path
    .replace(/^\/(interactions|webhooks)\/(\d+)\/([^/]+)/, '/$1/:id/:token')
    .replace(/\/\d{15,}/g, '/:id');
}

function stripNulls(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, type: string | undefined): unknown {
  if (raw === '') return undefined;
  if (type?.includes('application/json')) return JSON.parse(raw) as unknown;
  if (type?.includes('multipart/form-data')) {
    const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return m ? (JSON.parse(m[1]!) as unknown) : raw;
  }
  return raw;
}
