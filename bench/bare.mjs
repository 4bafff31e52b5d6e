/**
 * The floor a cold start is compared with: a bare node process that loads
 * MiniSearch's saved index (JSON) and answers one query.
 * `node bench/bare.mjs <index.json> <question>`; plain JavaScript so no loader is timed.
 */
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';

const [file, question] = process.argv.slice(2);
if (!file || !question) throw new Error('usage: node bench/bare.mjs <index.json> <question>');
const index = MiniSearch.loadJSON(readFileSync(file, 'utf8'), { fields: ['text'] });
process.stdout.write(`${JSON.stringify(index.search(question).slice(0, 3).map((r) => r.id))}\n`);
