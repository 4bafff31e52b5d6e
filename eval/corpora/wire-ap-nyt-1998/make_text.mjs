// Rebuilds the story files here from NLTK's IE-ER sample (see SOURCES.md), byte for byte:
//   git -C <nltk_data clone> show 5db857e6f7df11eabb5e5665836db9ec8df07e28:packages/corpora/ieer.zip > ieer.zip
//   unzip ieer.zip && node make_text.mjs ieer
// Headline, blank line, one paragraph per block (the wire indents each with a tab); NIST's
// entity tags and <ANNOTATION> dropped, &AMP; as &, the wire's `` and '' as ", ` as '.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ieer = process.argv[2];
if (!ieer) {
  console.error('usage: node make_text.mjs <folder of the unzipped ieer sample>');
  process.exit(1);
}
const stories = {
  '000_kenya_tax_protest_ap.txt': 'APW19980314.0391',
  '001_vatican_holocaust_document_ap.txt': 'APW19980314.0434',
  '002_moro_kidnapping_anniversary_ap.txt': 'APW19980314.0442',
  '003_un_council_africa_debate_ap.txt': 'APW19980424.0864',
  '004_malawi_coin_teacher_court_ap.txt': 'APW19980424.0872',
  '005_somalia_red_cross_hostages_ap.txt': 'APW19980424.0875',
  '006_russia_swiss_crime_pact_ap.txt': 'APW19980424.0879',
  '007_krasnoyarsk_lebed_campaign_ap.txt': 'APW19980424.0898',
  '008_moodys_japan_outlook_nyt.txt': 'NYT19980403.0453',
  '009_treasury_prices_jobs_nyt.txt': 'NYT19980403.0465',
  '010_wtc_bomber_sentenced_nyt.txt': 'NYT19980403.0495',
  '011_blair_ulster_talks_nyt.txt': 'NYT19980407.0256',
};
const element = (doc, tag) => doc.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1] ?? '';
const untag = (s) => s.replace(/<[be]_(?:enamex|numex|timex)[^>]*>/g, '').replace(/<\/?ANNOTATION>/g, '').replace(/&AMP;/g, '&');
const quotes = (s) => s.replaceAll('``', '"').replaceAll("''", '"').replaceAll('`', "'");
const squash = (s) => s.replace(/\s+/g, ' ').trim();

for (const [file, docno] of Object.entries(stories)) {
  const [, wire, day] = docno.match(/^([A-Z]+)(\d{8})/);
  const raw = readFileSync(join(ieer, `${wire}_${day}`), 'latin1');
  const doc = [...raw.matchAll(/<DOC>([\s\S]*?)<\/DOC>/g)].map((m) => m[1]).find((d) => squash(element(d, 'DOCNO')) === docno);
  if (!doc) throw new Error(`${docno} not found`);
  const headline = quotes(squash(untag(element(doc, 'HEADLINE'))));
  const paragraphs = `\n${untag(element(doc, 'TEXT'))}`.split('\n\t').map((p) => quotes(squash(p))).filter(Boolean);
  writeFileSync(join(here, file), `${headline}\n\n${paragraphs.join('\n\n')}\n`);
}
