/**
 * Parses a terminal line the way Discord shows a slash command:
 * `/timeline from:2018 to:2019 about:"military aid"`. Words that are not
 * `name:value` options form the command's main text. A line without a slash
 * is a question, as if typed after `/ask` — except a bare `help`, `quit` or
 * `exit`, which people type expecting just that.
 */
export interface CommandLine {
  command: string;
  /** The words that are not options, joined. */
  text: string;
  options: Record<string, string>;
}

const BARE_COMMANDS = new Set(['help', 'quit', 'exit']);

export function parseCommandLine(line: string, optionNames: readonly string[]): CommandLine | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  if (!trimmed.startsWith('/')) {
    const word = trimmed.toLowerCase();
    return BARE_COMMANDS.has(word) ? { command: word, text: '', options: {} } : { command: 'ask', text: trimmed, options: {} };
  }
  const match = /^\/(\w+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return null;
  const command = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  const options: Record<string, string> = {};
  const names = optionNames.join('|');
  const text = names
    ? rest.replace(new RegExp(`(?:^|\\s)(${names}):(?:"([^"]*)"|(\\S+))`, 'gi'), (_, name: string, quoted?: string, bare?: string) => {
        options[name.toLowerCase()] = quoted ?? bare ?? '';
        return ' ';
      })
    : rest;
  return { command, text: text.replace(/\s+/g, ' ').trim(), options };
}
