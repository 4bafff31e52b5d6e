/**
 * What Discord rejects with 400 "Invalid Form Body" (code 50035): message
 * and embed limits, component limits, autocomplete choices, command
 * definitions. Returns the problems as `path: message` strings.
 */
const MESSAGE = { content: 2000, embeds: 10, total: 6000 };
const EMBED = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, author: 256 };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

export function messageProblems(body: Obj): string[] {
  const problems: string[] = [];
  if (len(body.content) > MESSAGE.content) problems.push(`content: must be ${MESSAGE.content} or fewer in length`);
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > MESSAGE.embeds) problems.push(`embeds: must be ${MESSAGE.embeds} or fewer in length`);
  let total = 0;
  embeds.forEach((e, i) => {
    if (!isObj(e)) return problems.push(`embeds.${i}: must be an object`);
    const check = (path: string, value: unknown, max: number) => {
      if (len(value) > max) problems.push(`embeds.${i}.${path}: must be ${max} or fewer in length`);
      total += len(value);
    };
    check('title', e.title, EMBED.title);
    check('description', e.description, EMBED.description);
    if (isObj(e.footer)) check('footer.text', e.footer.text, EMBED.footer);
    if (isObj(e.author)) check('author.name', e.author.name, EMBED.author);
    const fields = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > EMBED.fields) problems.push(`embeds.${i}.fields: must be ${EMBED.fields} or fewer in length`);
    fields.forEach((f, j) => {
      if (!isObj(f)) return;
      if (len(f.name) === 0) problems.push(`embeds.${i}.fields.${j}.name: required`);
      if (len(f.value) === 0) problems.push(`embeds.${i}.fields.${j}.value: required`);
      check(`fields.${j}.name`, f.name, EMBED.fieldName);
      check(`fields.${j}.value`, f.value, EMBED.fieldValue);
    });
    if (e.url !== undefined && !(typeof e.url === 'string' && /^https?:\/\//.test(e.url))) {
      problems.push(`embeds.${i}.url: Not a well formed URL.`);
    }
  });
  if (total > MESSAGE.total) problems.push(`embeds: total embed size must be ${MESSAGE.total} or fewer`);
  const rows = Array.isArray(body.components) ? body.components : [];
  if (rows.length > 5) problems.push('components: must be 5 or fewer in length');
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const items = isObj(row) && Array.isArray(row.components) ? row.components : [];
    if (items.length === 0 || items.length > 5) problems.push(`components.${i}.components: must be between 1 and 5 in length`);
    items.forEach((c, j) => {
      if (!isObj(c)) return;
      const id = c.custom_id;
      if (typeof id === 'string') {
        if (id.length > 100) problems.push(`components.${i}.components.${j}.custom_id: must be 100 or fewer in length`);
        if (ids.has(id)) problems.push(`components.${i}.components.${j}.custom_id: Component custom id cannot be duplicated`);
        ids.add(id);
      }
      if (len(c.label) > 80) problems.push(`components.${i}.components.${j}.label: must be 80 or fewer in length`);
    });
  });
  if (body.allowed_mentions !== undefined && !isObj(body.allowed_mentions)) problems.push('allowed_mentions: must be an object');
  return problems;
}

export function choiceProblems(body: Obj): string[] {
  const choices = Array.isArray(body.choices) ? body.choices : [];
  const problems: string[] = [];
  if (choices.length > 25) problems.push('choices: must be 25 or fewer in length');
  choices.forEach((c, i) => {
    if (!isObj(c)) return;
    if (len(c.name) < 1 || len(c.name) > 100) problems.push(`choices.${i}.name: must be between 1 and 100 in length`);
    if (typeof c.value === 'string' && c.value.length > 100) problems.push(`choices.${i}.value: must be 100 or fewer in length`);
  });
  return problems;
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export function commandProblems(commands: unknown): string[] {
  if (!Array.isArray(commands)) return ['body: must be an array'];
  const problems: string[] = [];
  if (commands.length > 100) problems.push('body: must be 100 or fewer in length');
  const names = new Set<string>();
  commands.forEach((c, i) => {
    if (!isObj(c)) return problems.push(`${i}: must be an object`);
    // User and message context-menu commands (types 2, 3): a display name of 1–32 characters, no description, no options.
    const contextMenu = c.type === 2 || c.type === 3;
    if (contextMenu) {
      if (len(c.name) < 1 || len(c.name) > 32) problems.push(`${i}.name: must be between 1 and 32 in length`);
      if (len(c.description) > 0) problems.push(`${i}.description: context menu commands cannot have a description`);
      if (Array.isArray(c.options) && c.options.length > 0) problems.push(`${i}.options: context menu commands cannot have options`);
    } else if (typeof c.name !== 'string' || !NAME.test(c.name) || c.name !== c.name.toLowerCase()) problems.push(`${i}.name: invalid`);
    const key = `${contextMenu ? c.type : 1}:${String(c.name)}`;
    if (names.has(key)) problems.push(`${i}.name: Application command names must be unique`);
    names.add(key);
    if (!contextMenu && (len(c.description) < 1 || len(c.description) > 100)) problems.push(`${i}.description: must be between 1 and 100 in length`);
    const options = Array.isArray(c.options) ? c.options : [];
    if (options.length > 25) problems.push(`${i}.options: must be 25 or fewer in length`);
    let optional = false;
    options.forEach((o, j) => {
      if (!isObj(o)) return;
      if (typeof o.name !== 'string' || !NAME.test(o.name)) problems.push(`${i}.options.${j}.name: invalid`);
      if (len(o.description) < 1 || len(o.description) > 100) problems.push(`${i}.options.${j}.description: must be between 1 and 100 in length`);
      if (o.required === true && optional) problems.push(`${i}.options.${j}.required: Required options must be placed before non-required options`);
      if (o.required !== true) optional = true;
    });
  });
  return problems;
}
