/**
 * The one home for verbs that report speech, shared by every feature (features never import one
 * another). Lemmas, lower-case. Each feature reads the set that fits its job: `REPORTING_VERBS`
 * where a verb must plainly report words (dating a sentence, finding who spoke), `SPEECH_VERBS`
 * where any stance taken in words counts (`slammed`, `hailed`, `called … "…"`).
 */

/** Verbs that do nothing but report words: `said`, `told`, `added`, `wrote`. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'add', 'announce', 'state', 'claim', 'insist', 'warn', 'note', 'confirm', 'explain', 'write',
]);

/** Every verb that introduces someone's words, the plain reporting ones included. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...REPORTING_VERBS,
  'tweet', 'declare', 'maintain', 'allege', 'argue', 'clarify', 'assert', 'accuse', 'call', 'describe', 'urge', 'reply',
  'respond', 'remark', 'comment', 'stress', 'emphasise', 'emphasize', 'acknowledge', 'admit',
  'deny', 'suggest', 'complain', 'conclude', 'vow', 'pledge', 'promise', 'threaten',
  'reiterate', 'observe', 'brand', 'dub', 'term', 'label', 'slam', 'criticise', 'criticize', 'praise',
  'concede', 'recall', 'predict', 'post', 'quote', 'cite', 'repeat', 'answer', 'retort', 'boast',
  'lament', 'caution', 'demand', 'contend', 'charge', 'proclaim', 'affirm', 'mention', 'estimate',
  'counter', 'ask', 'testify', 'recount', 'liken', 'dismiss', 'assure', 'joke', 'quip', 'shout', 'plead', 'decry',
  'deride', 'condemn', 'denounce', 'blast', 'hail', 'tout', 'attack',
  'welcome', 'appeal', 'express',
]);

/**
 * Written forms of speech verbs that the regular endings (`-s`, `-ed`, `-ing`) miss, by lemma, for
 * whoever matches the words as written rather than their lemmas.
 */
export const IRREGULAR_SPEECH_FORMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['say', ['said']],
  ['tell', ['told']],
  ['write', ['wrote', 'written']],
  ['speak', ['spoke']],
]);
