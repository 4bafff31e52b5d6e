import { loadCorpus } from './src/corpus/load.js';
const c = await loadCorpus('seeds');
for (const a of c.articles) {
  console.log(`\n===== ${a.articleId} | ${a.title} | ${a.published}`);
  for (const p of a.paragraphs) console.log(`[${p.id}] (${p.kind}) ${p.text}`);
}
