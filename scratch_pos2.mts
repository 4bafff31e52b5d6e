import { tokensOf } from './src/nlp/index.js';
const t = 'He clarified it. He maintained that. He alleged it. Asif had said so. Khan also said. He accused them. Mr Khan added: yes. The FO said, no. Mr Khan called his comments. It asserted that. She stressed. They warned. he noted. Adding that. The Pentagon on Monday said it. Pakistan Foreign Office today said.';
console.log(tokensOf(t).map(t => `${t.value}/${t.pos}/${t.lemma}`).join(' '));
