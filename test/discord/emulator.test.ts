/** The emulator itself: the gateway protocol and the REST rules the bot tests rely on. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes, InteractionResponseType } from 'discord-api-types/v10';
import type { GatewayReceivePayload } from 'discord-api-types/v10';
import WebSocket from 'ws';
import { DiscordEmulator } from './emulator.js';

let emu: DiscordEmulator;
beforeEach(async () => {
  emu = await DiscordEmulator.start({ heartbeatIntervalMs: 100, callbackDeadlineMs: 200 });
});
afterEach(async () => {
  await emu.close();
});

interface Client {
  ws: WebSocket;
  received: GatewayReceivePayload[];
  next(pred: (p: GatewayReceivePayload) => boolean): Promise<GatewayReceivePayload>;
  closed: Promise<number>;
}

function connect(query = '?v=10&encoding=json'): Promise<Client> {
  const ws = new WebSocket(`${emu.gatewayUrl}${query}`);
  const received: GatewayReceivePayload[] = [];
  const waiters: [(p: GatewayReceivePayload) => boolean, (p: GatewayReceivePayload) => void][] = [];
  ws.on('message', (data) => {
    const p = JSON.parse(String(data)) as GatewayReceivePayload;
    received.push(p);
    for (const w of [...waiters]) if (w[0](p)) (waiters.splice(waiters.indexOf(w), 1), w[1](p));
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const next = (pred: (p: GatewayReceivePayload) => boolean) =>
    new Promise<GatewayReceivePayload>((resolve) => {
      const found = received.find(pred);
      if (found) resolve(found);
      else waiters.push([pred, resolve]);
    });
  return new Promise((resolve) => ws.on('open', () => resolve({ ws, received, next, closed })));
}

const identify = (token: string, intents: number = GatewayIntentBits.Guilds) =>
  JSON.stringify({ op: GatewayOpcodes.Identify, d: { token, intents, properties: { os: 'linux', browser: 'test', device: 'test' } } });

describe('the gateway', () => {
  test('says HELLO, then READY and GUILD_CREATE after a valid IDENTIFY', async () => {
    const c = await connect();
    const hello = await c.next((p) => p.op === GatewayOpcodes.Hello);
    expect(hello.d).toEqual({ heartbeat_interval: 100 });
    c.ws.send(identify(emu.token));
    const ready = await c.next((p) => p.op === GatewayOpcodes.Dispatch && p.t === GatewayDispatchEvents.Ready);
    expect(ready).toMatchObject({ s: 1, d: { v: 10, user: { id: emu.applicationId, bot: true }, guilds: [{ id: emu.guild.id, unavailable: true }] } });
    const guild = await c.next((p) => p.op === GatewayOpcodes.Dispatch && p.t === GatewayDispatchEvents.GuildCreate);
    expect(guild).toMatchObject({ s: 2, d: { id: emu.guild.id, channels: [{ name: 'news' }] } });
    c.ws.close();
  });

  test('acknowledges every heartbeat', async () => {
    const c = await connect();
    c.ws.send(JSON.stringify({ op: GatewayOpcodes.Heartbeat, d: null }));
    await c.next((p) => p.op === GatewayOpcodes.HeartbeatAck);
    expect(emu.sessions[0]?.heartbeats).toBe(1);
    c.ws.close();
  });

  test('closes with 4004 on a wrong token and 4014 on privileged intents', async () => {
    const bad = await connect();
    bad.ws.send(identify('not-the-token'));
    expect(await bad.closed).toBe(GatewayCloseCodes.AuthenticationFailed);
    const greedy = await connect();
    greedy.ws.send(identify(emu.token, GatewayIntentBits.Guilds | GatewayIntentBits.MessageContent));
    expect(await greedy.closed).toBe(GatewayCloseCodes.DisallowedIntents);
  });

  test('closes with 4012 on a wrong API version', async () => {
    const c = await connect('?v=6&encoding=json');
    expect(await c.closed).toBe(GatewayCloseCodes.InvalidAPIVersion);
  });

  test('dispatches interactions with increasing sequence numbers', async () => {
    const c = await connect();
    c.ws.send(identify(emu.token));
    await c.next((p) => p.op === GatewayOpcodes.Dispatch && p.t === GatewayDispatchEvents.GuildCreate);
    const handle = emu.slash('ask', { question: 'why' });
    const got = await c.next((p) => p.op === GatewayOpcodes.Dispatch && p.t === GatewayDispatchEvents.InteractionCreate);
    expect(got).toMatchObject({ s: 3, d: { id: handle.id, type: 2, data: { name: 'ask', options: [{ name: 'question', type: 3, value: 'why' }] } } });
    c.ws.close();
  });
});

describe('the REST API', () => {
  const api = (path: string, init: RequestInit = {}) => fetch(`${emu.apiUrl}/v10${path}`, init);
  const auth = () => ({ authorization: `Bot ${emu.token}`, 'content-type': 'application/json' });

  test('serves /gateway/bot with the gateway URL, only with the bot token', async () => {
    expect((await api('/gateway/bot')).status).toBe(401);
    const info = (await (await api('/gateway/bot', { headers: auth() })).json()) as { url: string; shards: number };
    expect(info).toMatchObject({ url: emu.gatewayUrl, shards: 1 });
    expect(emu.requests.map((r) => `${r.route} ${r.status}`)).toEqual(['GET /gateway/bot 401', 'GET /gateway/bot 200']);
  });

  async function identified(): Promise<Client> {
    const c = await connect();
    c.ws.send(identify(emu.token));
    await c.next((p) => p.op === GatewayOpcodes.Dispatch && p.t === GatewayDispatchEvents.GuildCreate);
    return c;
  }

  const callback = (h: { id: string; payload: { token: string } }, body: unknown) =>
    api(`/interactions/${h.id}/${h.payload.token}/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('acknowledges an interaction once: a second callback gets 40060', async () => {
    const c = await identified();
    const h = emu.slash('help');
    expect((await callback(h, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hi' } })).status).toBe(204);
    const again = await callback(h, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hi' } });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });
    expect((await h.response()).content).toBe('hi');
    c.ws.close();
  });

  test('a callback after the deadline gets 10062 Unknown interaction', async () => {
    const c = await identified();
    const h = emu.slash('help');
    await new Promise((r) => setTimeout(r, 250));
    const late = await callback(h, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'hi' } });
    expect(late.status).toBe(404);
    expect(await late.json()).toMatchObject({ code: 10062 });
    c.ws.close();
  });

  test('rejects messages over Discord limits with 50035 Invalid Form Body', async () => {
    const c = await identified();
    const h = emu.slash('help');
    const res = await callback(h, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'x'.repeat(2001) } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 50035 });
    const big = { description: 'x'.repeat(4000) };
    const res2 = await callback(h, { type: InteractionResponseType.ChannelMessageWithSource, data: { embeds: [big, big] } });
    expect(await res2.json()).toMatchObject({ code: 50035 });
    c.ws.close();
  });

  test('interceptors can answer in its place, e.g. a 429 with retry-after', async () => {
    const remove = emu.intercept((r) =>
      r.route === 'GET /users/@me' ? { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.25, global: false }, headers: { 'retry-after': '1' } } : undefined,
    );
    const limited = await api('/users/@me', { headers: auth() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    remove();
    expect((await api('/users/@me', { headers: auth() })).status).toBe(200);
  });

  test('failNext answers the next n requests on a route, then lets them through', async () => {
    emu.failNext('GET /users/@me', { status: 500, body: { message: '500: Internal Server Error', code: 0 } }, 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('/users/@me', { headers: auth() })).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(DiscordEmulator.rateLimited(0.5).headers).toMatchObject({ 'retry-after': '1' });
  });

  test('PUT of guild commands assigns ids and keeps them across re-registration', async () => {
    const route = `/applications/${emu.applicationId}/guilds/${emu.guild.id}/commands`;
    const body = JSON.stringify([{ name: 'ask', description: 'Ask', options: [] }]);
    const first = (await (await api(route, { method: 'PUT', headers: auth(), body })).json()) as { id: string }[];
    const second = (await (await api(route, { method: 'PUT', headers: auth(), body })).json()) as { id: string }[];
    expect(second[0]?.id).toBe(first[0]?.id);
    const bad = await api(route, { method: 'PUT', headers: auth(), body: JSON.stringify([{ name: 'Bad Name', description: '' }]) });
    expect(bad.status).toBe(400);
  });
});
