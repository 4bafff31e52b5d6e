/**
 * Cold start probe: opens the engine on `--seeds <dir>` (with `--cache <dir>`,
 * through the persisted build, as the app does) and prints
 * `ready <ms since process start> <paragraphs> <cache status>` once it can
 * answer. `bench/run.ts` times it from spawn, so the figure includes Node,
 * tsx and module loading too.
 */
import { parseArgs } from 'node:util';
import { Engine } from '../src/engine/engine.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: 'seeds' }, cache: { type: 'string' } } });
const engine = await Engine.open({ seedsDir: values.seeds, ...(values.cache ? { cacheDir: values.cache } : {}) });
engine.ask('ready?');
process.stdout.write(`ready ${Math.round(performance.now())} ${engine.build.search.size} ${engine.build.cache?.status ?? 'no-cache'}\n`);
