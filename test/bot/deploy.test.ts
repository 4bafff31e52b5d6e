/** `npm run deploy`'s logic against the emulator: register on change only. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { REST, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../../src/bot/command.js';
import { deployCommands, normaliseCommand, sameCommands } from '../../src/bot/deploy.js';
import { loadCommands } from '../../src/bot/loader.js';
import { DiscordEmulator } from '../discord/emulator.js';

let emu: DiscordEmulator;
let rest: REST;
beforeEach(async () => {
  emu = await DiscordEmulator.start();
  rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
});
afterEach(async () => {
  await emu.close();
});

const GUILD_ROUTE = 'PUT /applications/:id/guilds/:id/commands';

describe('deployCommands', () => {
  test('registers every command in commands/ to the guild when none are registered', async () => {
    const commands = await loadCommands();
    const result = await deployCommands({ rest, applicationId: emu.applicationId, guildId: emu.guild.id, commands: commands.values() });
    expect(result).toEqual({ scope: 'guild', changed: true, names: ['ask', 'Find in the articles', 'help', 'insights', 'quote', 'reload', 'sources', 'timeline'] });
    const find = emu.guildCommands.get(emu.guild.id)?.find((c) => c.name === 'Find in the articles');
    expect(find?.type).toBe(3); // a message context-menu command
    const insights = emu.guildCommands.get(emu.guild.id)?.find((c) => c.name === 'insights');
    expect(insights?.default_member_permissions).toBe('32'); // Manage Server, as /reload
    expect(emu.requestsTo(GUILD_ROUTE)).toHaveLength(1);
    const reload = emu.guildCommands.get(emu.guild.id)?.find((c) => c.name === 'reload');
    expect(reload?.default_member_permissions).toBe('32'); // Manage Server
    const quote = emu.guildCommands.get(emu.guild.id)?.find((c) => c.name === 'quote');
    expect(quote?.options?.[0]).toMatchObject({ name: 'speaker', autocomplete: true, required: true });
    for (const name of ['ask', 'quote', 'timeline']) {
      const hide = emu.guildCommands.get(emu.guild.id)?.find((c) => c.name === name)?.options?.find((o) => o.name === 'hide');
      expect(hide, name).toMatchObject({ type: 5, required: false }); // an optional boolean
    }
  });

  test('does not PUT when the registered definitions are the same', async () => {
    const commands = [...(await loadCommands()).values()];
    await deployCommands({ rest, applicationId: emu.applicationId, guildId: emu.guild.id, commands });
    const again = await deployCommands({ rest, applicationId: emu.applicationId, guildId: emu.guild.id, commands });
    expect(again.changed).toBe(false);
    expect(emu.requestsTo(GUILD_ROUTE)).toHaveLength(1);
    expect(emu.requestsTo('GET /applications/:id/guilds/:id/commands')).toHaveLength(2);
  });

  test('PUTs again when a definition changed, was added or was removed', async () => {
    const make = (description: string): Command => ({
      data: new SlashCommandBuilder().setName('ping').setDescription(description),
      execute: async () => {},
    });
    const base = [...(await loadCommands()).values()];
    await deployCommands({ rest, applicationId: emu.applicationId, guildId: emu.guild.id, commands: [...base, make('one')] });
    expect((await deployCommands({ rest, applicationId: emu.applicationId, guildId: emu.guild.id, commands: [...base, make('two')] })).changed).toBe(true);
    expect((await deployCommands({ rest, applicationId: emu.applicationId, guildId: emu.guild.id, commands: base })).changed).toBe(true);
    expect(emu.requestsTo(GUILD_ROUTE)).toHaveLength(3);
  });

  test('registers globally when no guild is given', async () => {
    const result = await deployCommands({ rest, applicationId: emu.applicationId, commands: (await loadCommands()).values() });
    expect(result.scope).toBe('global');
    expect(emu.requestsTo('PUT /applications/:id/commands')).toHaveLength(1);
    expect(emu.globalCommands).toHaveLength(8);
  });
});

describe('sameCommands', () => {
  const local = new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask')
    .addStringOption((o) => o.setName('question').setDescription('Q').setRequired(true))
    .toJSON();

  test('ignores what Discord adds (ids, versions, defaults)', () => {
    const remote = {
      ...local,
      id: '1',
      application_id: '2',
      version: '3',
      dm_permission: true,
      nsfw: false,
      default_member_permissions: null,
      type: 1,
      options: [{ type: 3, name: 'question', description: 'Q', required: true }],
    };
    expect(sameCommands([local], [remote])).toBe(true);
  });

  test('sees a changed option, a changed permission and a missing command', () => {
    const changedOption = { ...local, options: [{ type: 3, name: 'question', description: 'Q', required: false }] };
    expect(sameCommands([local], [changedOption])).toBe(false);
    expect(sameCommands([local], [{ ...local, default_member_permissions: '32' }])).toBe(false);
    expect(sameCommands([local], [])).toBe(false);
    expect(normaliseCommand({ name: 'x', description: 'y' })).toEqual({ type: 1, name: 'x', description: 'y', options: [], default_member_permissions: null });
  });
});
