// Checks labels.json against the article files in this folder (adapted from
// ../../../../shared/dev-corpora/bbc-politics/check_labels.mjs, plus furniture labels).
// Every snippet must occur verbatim (whitespace squashed) inside a single
// paragraph (blank-line separated block) of its article. In addition:
//   - body: `first` and `last` each occur in exactly one paragraph, first before last;
//   - furniture_inside: the block lies strictly between first and last;
//   - ask, quote and timeline snippets must sit in body text only (between first and
//     last, and not in a furniture_inside block): labels never point at furniture.
// Exit code 1 on any failure.
//   node check_labels.mjs            # check
//   node check_labels.mjs --spans    # also list quoted spans no quote label covers
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const paras = Object.fromEntries(
  files.map((f) => [f, readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map(squash).filter(Boolean)]),
);
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
let failures = 0;
const fail = (msg) => { failures++; console.log('FAIL ' + msg); };
const indexes = (f, snippet) =>
  (paras[f] ?? []).flatMap((p, i) => (p.includes(squash(snippet)) ? [i] : []));
const where = (snippet, only) => (only ? [only] : files).filter((f) => indexes(f, snippet).length > 0);
const lengthOk = (what, s) => {
  if (s.length < 15 || s.length > 60) fail(`${what} snippet length ${s.length}: ${s}`);
};

for (const f of files) if (!sources[f]) fail(`sources.json has no entry for ${f}`);
for (const k of Object.keys(sources)) if (!k.startsWith('$') && !files.includes(k)) fail(`sources.json names missing file ${k}`);
for (const [k, v] of Object.entries(sources)) {
  if (k.startsWith('$')) continue;
  const shown = /^\d{4}-\d{2}-\d{2}$/.test(v.published) ? 'day' : /^\d{4}-\d{2}$/.test(v.published) ? 'month' : /^\d{4}$/.test(v.published) ? 'year' : null;
  if (shown !== v.precision) fail(`sources.json ${k}: published ${v.published} does not match precision ${v.precision}`);
}

// Body spans and furniture blocks, per article: the paragraph indexes that are body.
const bodyParas = {};
for (const f of files) {
  const spans = (labels.body ?? []).filter((b) => b.article === f);
  if (spans.length !== 1) { fail(`body: ${spans.length} entries for ${f} (want 1)`); continue; }
  const { first, last } = spans[0];
  lengthOk(`body ${f} first`, first);
  lengthOk(`body ${f} last`, last);
  const a = indexes(f, first);
  const z = indexes(f, last);
  if (a.length !== 1) fail(`body ${f}: first snippet in ${a.length} paragraphs: ${first}`);
  if (z.length !== 1) fail(`body ${f}: last snippet in ${z.length} paragraphs: ${last}`);
  if (a.length !== 1 || z.length !== 1) continue;
  if (a[0] > z[0]) fail(`body ${f}: first comes after last`);
  bodyParas[f] = new Set();
  for (let i = a[0]; i <= z[0]; i += 1) bodyParas[f].add(i);
}
for (const [i, x] of (labels.furniture_inside ?? []).entries()) {
  if (!files.includes(x.article)) { fail(`furniture_inside[${i}] unknown article ${x.article}`); continue; }
  if (!['caption', 'credit', 'byline', 'dateline', 'bio', 'signoff', 'related', 'share', 'ad', 'nav', 'other'].includes(x.kind))
    fail(`furniture_inside[${i}] unknown kind ${x.kind}`);
  const at = indexes(x.article, x.text);
  // A furniture block shorter than 15 characters ("View all (23)") is given whole.
  const whole = (paras[x.article] ?? []).some((p) => p === squash(x.text));
  if (!whole) lengthOk(`furniture_inside[${i}]`, x.text);
  if (at.length === 0) fail(`furniture_inside[${i}] not in ${x.article}: ${x.text}`);
  // The same block may also occur outside the body (a repeated caption or player notice).
  const inside = at.filter((k) => bodyParas[x.article]?.has(k));
  if (at.length > 0 && inside.length === 0) fail(`furniture_inside[${i}] outside the body span of ${x.article}: ${x.text}`);
  for (const k of inside) bodyParas[x.article].delete(k);
}
// A label snippet must occur in body text only: never in furniture, so that a furniture
// passage can never count as the answer, the quotation or the event.
const inBody = (snippet, only) =>
  (only ? [only] : files).every((f) => indexes(f, snippet).every((k) => bodyParas[f]?.has(k)));

labels.ask.forEach((a, i) => {
  if (!a.relevant?.length) fail(`ask[${i}] has no relevant snippet`);
  for (const s of a.relevant ?? []) {
    lengthOk(`ask[${i}]`, s);
    if (where(s).length === 0) fail(`ask[${i}] snippet not found in any paragraph: ${s}`);
    else if (!inBody(s)) fail(`ask[${i}] snippet also in furniture: ${s}`);
  }
});
for (const [i, q] of labels.quotes.entries()) {
  if (!files.includes(q.article)) fail(`quotes[${i}] unknown article ${q.article}`);
  else if (where(q.text, q.article).length === 0) fail(`quotes[${i}] not in ${q.article}: ${q.text}`);
  else if (!inBody(q.text, q.article)) fail(`quotes[${i}] also in furniture of ${q.article}: ${q.text}`);
}
for (const [i, q] of (labels.quoted_terms ?? []).entries())
  if (where(q.text, q.article).length === 0) fail(`quoted_terms[${i}] not in ${q.article}: ${q.text}`);
const speakers = new Set(labels.quotes.map((q) => q.speaker).filter(Boolean));
for (const q of labels.quote_queries) if (!speakers.has(q.speaker)) fail(`quote_queries: no quote by ${q.speaker}`);
const dateRe = /^\d{4}(-\d{2}(-\d{2})?)?$/;
for (const [i, t] of labels.timeline.entries()) {
  if (!dateRe.test(t.date)) fail(`timeline[${i}] bad date ${t.date}`);
  lengthOk(`timeline[${i}]`, t.snippet);
  if (!files.includes(t.article)) fail(`timeline[${i}] unknown article ${t.article}`);
  else if (where(t.snippet, t.article).length === 0) fail(`timeline[${i}] not in ${t.article}: ${t.snippet}`);
  else if (!inBody(t.snippet, t.article)) fail(`timeline[${i}] also in furniture of ${t.article}: ${t.snippet}`);
}

if (process.argv.includes('--spans')) {
  // Text between successive double quotes (straight or curly), per body paragraph:
  // a rough list of quoted spans (it cannot tell an opening mark from a closing one).
  for (const f of files) {
    const mine = [...labels.quotes, ...(labels.quoted_terms ?? [])].filter((q) => q.article === f).map((q) => squash(q.text));
    for (const [k, p] of paras[f].entries()) {
      if (!bodyParas[f]?.has(k)) continue;
      const parts = p.split(/["“”]|’’/);
      for (let j = 1; j < parts.length; j += 2) {
        const span = parts[j].trim();
        if (span.length < 3 || /^[,.;:]?\s*$/.test(span)) continue;
        if (!mine.some((m) => span.includes(m) || m.includes(span))) console.log(`UNCOVERED? ${f}: ${span.slice(0, 80)}`);
      }
    }
  }
}

const n = (xs) => (xs ?? []).length;
console.log(
  `${files.length} articles; ask ${n(labels.ask)} (${labels.ask.filter((a) => a.paraphrase).length} paraphrased), ` +
    `unanswerable ${n(labels.ask_unanswerable)}, quotes ${n(labels.quotes)} (${labels.quotes.filter((q) => q.speaker === null).length} anonymous), ` +
    `quoted_terms ${n(labels.quoted_terms)}, quote_queries ${n(labels.quote_queries)}, timeline ${n(labels.timeline)} ` +
    `(${labels.timeline.filter((t) => t.forward).length} forward), body ${n(labels.body)}, furniture_inside ${n(labels.furniture_inside)}; ` +
    `failures ${failures}`,
);
process.exit(failures ? 1 : 0);
