/** The screenshot page draws what Discord would: markdown read as Discord reads it, escapes shown as typed. */
import { describe, expect, test } from 'vitest';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import type { APIMessage } from 'discord-api-types/v10';
import { escapeText, maskedLink } from '../../src/bot/render.js';
import { discordPage, markdownToHtml } from '../../scripts/screenshots/discord-html.js';

describe('markdownToHtml', () => {
  test('reads bold, italic, code and masked links', () => {
    expect(markdownToHtml('Before. **The answer.** After *this* and `/ask`.')).toBe(
      'Before. <strong>The answer.</strong> After <em>this</em> and <code>/ask</code>.',
    );
    expect(markdownToHtml('— [A title](https://example.org/a) · Outlet')).toBe('— <a href="https://example.org/a">A title</a> · Outlet');
  });

  test('shows text the bot escaped exactly as it was typed, and HTML as text', () => {
    const typed = 'a *starred* word, a_snake_name, [not a link](x) and <b>tags</b>';
    expect(markdownToHtml(escapeText(typed))).toBe(
      'a *starred* word, a_snake_name, [not a link](x) and &lt;b&gt;tags&lt;/b&gt;',
    );
    expect(markdownToHtml(maskedLink('Title [with] *marks*', 'https://example.org/t'))).toBe('<a href="https://example.org/t">Title [with] *marks*</a>');
  });
});

describe('discordPage', () => {
  const message = (flags: number): APIMessage =>
    ({
      id: '1',
      channel_id: '2',
      author: { id: '3', username: 'newsquote', discriminator: '0', global_name: null, avatar: null, bot: true },
      content: '**Question:** why',
      timestamp: '2026-01-01T12:34:00.000Z',
      embeds: [{ color: 0x2b6cb0, description: 'The **answer**.\n— [T](https://example.org) · Outlet · 1 Jan 2026 · ¶2' }],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, label: '◀ Prev', custom_id: 'p', disabled: true },
            { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Share', custom_id: 's' },
          ],
        },
      ],
      flags,
    }) as unknown as APIMessage;

  test('draws the invocation, the APP tag, the embed colour, buttons by style and state', () => {
    const html = discordPage([{ message: message(0), invokedBy: 'reader', command: 'ask' }], 760);
    expect(html).toContain('reader</span> used <span class="command">/ask</span>');
    expect(html).toContain('<span class="app">APP</span>');
    expect(html).toContain('border-left-color:#2b6cb0');
    expect(html).toContain('<button class="secondary disabled"><span>◀ Prev</span></button>');
    expect(html).toContain('<button class="primary"><span>Share</span></button>');
    expect(html).toContain('Today at 12:34');
    expect(html).not.toContain('Only you can see this');
  });

  test('marks an ephemeral reply as Discord does', () => {
    expect(discordPage([{ message: message(MessageFlags.Ephemeral), invokedBy: 'reader', command: 'ask' }], 390)).toContain('Only you can see this');
  });
});
