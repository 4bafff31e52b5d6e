import { loadCorpus } from './src/corpus/load.js';
import { sentencesOf, tokensOf } from './src/nlp/index.js';
const c = await loadCorpus('seeds');
const want = new Set(process.argv.slice(2));
for (const a of c.articles) for (const p of a.paragraphs) {
  if (!want.has(p.id)) continue;
  console.log('##', p.id);
  for (const s of sentencesOf(p.text)) console.log('  S', s.start, s.end, JSON.stringify(s.text), p.text.slice(s.start, s.end) === s.text);
  console.log('  ', tokensOf(p.text).map(t => `${t.value}/${t.pos}/${t.lemma}`).join(' '));
}
