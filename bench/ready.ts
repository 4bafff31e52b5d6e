/**
 * Cold start probe: opens the engine on `--seeds <dir>` the way the app does
 * (model load included) and prints `ready <ms since process start>` once it
 * can answer. `bench/run.ts` times it from spawn, so the figure includes
 * Node, tsx and module loading too.
 */
import { parseArgs } from 'node:util';
import { Engine } from '../src/engine.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: 'seeds' } } });
const engine = await Engine.open({ seedsDir: values.seeds });
engine.ask('ready?');
process.stdout.write(`ready ${Math.round(performance.now())} ${engine.build.search.size}\n`);
