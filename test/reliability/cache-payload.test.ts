/**
 * Issue 13 row 10: a cache file whose checksum is valid but whose payload has
 * the wrong shape (`"timeline": null`) or does not fit the articles is never
 * served: the engine rebuilds, says why, and every command works.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { copyOfSeeds } from '../helpers/seeds.js';

type Payload = Record<string, unknown> & { quotes: { quotations: { paragraphId: string }[] } };

/** Rewrites the cache file's payload and its header to match, so only the payload's content is wrong. */
async function tamper(file: string, change: (payload: Payload) => void): Promise<void> {
  const bytes = await readFile(file);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, newline).toString()) as Record<string, unknown>;
  const payload = JSON.parse(bytes.subarray(newline + 1).toString()) as Payload;
  change(payload);
  const body = Buffer.from(JSON.stringify(payload));
  const fixed = { ...header, sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
  await writeFile(file, Buffer.concat([Buffer.from(`${JSON.stringify(fixed)}\n`), body]));
}

let seeds: string;
let fresh: Engine;

beforeAll(async () => {
  seeds = await copyOfSeeds();
  fresh = await Engine.open({ seedsDir: seeds });
});

describe('a cache file with a valid checksum and a bad payload', () => {
  test.each([
    ['"timeline": null', (p: Payload) => void (p.timeline = null), /timeline/],
    ['a quotation with no text', (p: Payload) => void delete (p.quotes.quotations[0] as Record<string, unknown>).text, /quotes\.quotations\.0\.text/],
    ['no search index', (p: Payload) => void delete p.search, /search/],
    ['a quotation from a paragraph that is not there', (p: Payload) => void ((p.quotes.quotations[0] as { paragraphId: string }).paragraphId = 'nowhere#1'), /nowhere#1/],
  ])('%s: rebuilt, never served', async (_what, change, reason) => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'cache-'));
    const first = await Engine.open({ seedsDir: seeds, cacheDir });
    await tamper(first.build.cache?.file as string, change);

    const engine = await Engine.open({ seedsDir: seeds, cacheDir });
    expect(engine.build.cache?.status).toBe('rebuilt');
    expect(engine.build.cache?.reason).toMatch(reason);
    expect(engine.timeline()).toEqual(fresh.timeline());
    expect(engine.timeline().events.length).toBeGreaterThan(0);
    expect(engine.quote('Khan')).toEqual(fresh.quote('Khan'));
    expect(engine.ask('military aid suspended')).toEqual(fresh.ask('military aid suspended'));

    const again = await Engine.open({ seedsDir: seeds, cacheDir });
    expect(again.build.cache?.status).toBe('hit');
  });
});
