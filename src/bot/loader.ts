/**
 * Loads the slash commands: every `.ts`/`.js` file in `commands/`, each
 * checked to export `data` (with a name and `toJSON`) and `execute`.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Command } from './command.js';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export class CommandLoadError extends Error {
  constructor(file: string, problem: string) {
    super(`commands: ${file} ${problem}`);
    this.name = 'CommandLoadError';
  }
}

function check(file: string, mod: Record<string, unknown>): Command {
  const data = mod.data as { name?: unknown; toJSON?: unknown } | undefined;
  if (!data || typeof data.name !== 'string' || typeof data.toJSON !== 'function') {
    throw new CommandLoadError(file, 'does not export `data` (a SlashCommandBuilder)');
  }
  if (typeof mod.execute !== 'function') throw new CommandLoadError(file, 'does not export an `execute` function');
  if (mod.autocomplete !== undefined && typeof mod.autocomplete !== 'function') {
    throw new CommandLoadError(file, 'exports `autocomplete` that is not a function');
  }
  return mod as unknown as Command;
}

/** The commands by name. Throws a `CommandLoadError` naming the file at fault. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.d\.ts$|\.test\./.test(f)).sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const command = check(file, (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>);
    if (commands.has(command.data.name)) throw new CommandLoadError(file, `repeats the command name "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  return commands;
}
