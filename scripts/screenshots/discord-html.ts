/**
 * Draws captured Discord messages (the API payloads the bot sent) as a
 * Discord client shows them in its dark theme: the "used /command" line, the
 * bot's name with its APP tag, the content, embeds with their colour bar,
 * buttons, and the "Only you can see this" line of an ephemeral reply. Only
 * the markdown the bot writes is read: backslash escapes, **bold**, *italic*,
 * `code` and [masked](links).
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIMessage } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Discord markdown as HTML: what is escaped with a backslash is shown as typed. */
export function markdownToHtml(text: string): string {
  const literals: string[] = [];
  // Private-use characters hold escaped characters out of the markdown rules until the end.
  const held = text.replace(/\\([^A-Za-z0-9\s])/g, (_m, c: string) => `\uE000${literals.push(c) - 1}\uE001`);
  const html = escapeHtml(held)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => `<a href="${url}">${label}</a>`)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([\s\S]+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*\n]+)\*/g, '<em>$1</em>')
    .replace(/\n/g, '<br>');
  return html.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => escapeHtml(literals[Number(i)] ?? ''));
}

function embedHtml(e: APIEmbed): string {
  const color = `#${(e.color ?? 0x1e1f22).toString(16).padStart(6, '0')}`;
  const title = e.title ? `<div class="embed-title">${e.url ? `<a href="${escapeHtml(e.url)}">${markdownToHtml(e.title)}</a>` : markdownToHtml(e.title)}</div>` : '';
  const description = e.description ? `<div class="embed-description">${markdownToHtml(e.description)}</div>` : '';
  const fields = (e.fields ?? [])
    .map((f) => `<div class="embed-field${f.inline ? ' inline' : ''}"><div class="field-name">${markdownToHtml(f.name)}</div><div class="field-value">${markdownToHtml(f.value)}</div></div>`)
    .join('');
  const footer = e.footer?.text ? `<div class="embed-footer">${escapeHtml(e.footer.text)}</div>` : '';
  return `<div class="embed" style="border-left-color:${color}">${title}${description}${fields ? `<div class="embed-fields">${fields}</div>` : ''}${footer}</div>`;
}

const BUTTON_CLASS: Partial<Record<ButtonStyle, string>> = {
  [ButtonStyle.Primary]: 'primary',
  [ButtonStyle.Secondary]: 'secondary',
  [ButtonStyle.Success]: 'success',
  [ButtonStyle.Danger]: 'danger',
  [ButtonStyle.Link]: 'secondary',
};

function rowHtml(row: APIActionRowComponent<APIComponentInMessageActionRow>): string {
  const buttons = row.components
    .map((c) => {
      if (c.type !== ComponentType.Button) return '';
      const emoji = 'emoji' in c && c.emoji?.name ? `<span class="emoji">${escapeHtml(c.emoji.name)}</span>` : '';
      const label = 'label' in c && c.label ? `<span>${escapeHtml(c.label)}</span>` : '';
      return `<button class="${BUTTON_CLASS[c.style] ?? 'secondary'}${c.disabled ? ' disabled' : ''}">${emoji}${label}</button>`;
    })
    .join('');
  return `<div class="row">${buttons}</div>`;
}

export interface DrawnMessage {
  message: APIMessage;
  /** Who ran the command and how, for the line above the reply: `reader used /ask`. */
  invokedBy: string;
  command: string;
}

function avatar(name: string, color: string, size: number): string {
  return `<div class="avatar" style="width:${size}px;height:${size}px;background:${color};font-size:${Math.round(size / 2.2)}px">${escapeHtml(name.slice(0, 1).toUpperCase())}</div>`;
}

function messageHtml({ message, invokedBy, command }: DrawnMessage): string {
  const time = new Date(message.timestamp);
  const clock = `${String(time.getUTCHours()).padStart(2, '0')}:${String(time.getUTCMinutes()).padStart(2, '0')}`;
  const ephemeral = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const rows = (message.components ?? []).filter((r): r is APIActionRowComponent<APIComponentInMessageActionRow> => r.type === ComponentType.ActionRow);
  return `<div class="message${ephemeral ? ' ephemeral' : ''}">
  <div class="invocation">${avatar(invokedBy, '#3ba55c', 16)}<span class="who">${escapeHtml(invokedBy)}</span> used <span class="command">/${escapeHtml(command)}</span></div>
  <div class="body">
    ${avatar(message.author.username, '#2b6cb0', 40)}
    <div class="main">
      <div class="header"><span class="name">${escapeHtml(message.author.username)}</span><span class="app">APP</span><span class="time">Today at ${clock}</span></div>
      ${message.content ? `<div class="content">${markdownToHtml(message.content)}</div>` : ''}
      ${message.embeds.map(embedHtml).join('\n')}
      ${rows.map(rowHtml).join('\n')}
      ${ephemeral ? '<div class="only-you"><span class="eye">👁</span> Only you can see this • <a>Dismiss message</a></div>' : ''}
    </div>
  </div>
</div>`;
}

/** The Discord dark theme, written once beside the pages that use it. */
export const DISCORD_CSS = `  * { box-sizing: border-box; }
  html, body { margin: 0; background: #313338; }
  body { padding: 16px 0 20px; font-family: "gg sans", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; color: #dbdee1; font-size: 16px; line-height: 1.375; -webkit-font-smoothing: antialiased; }
  a { color: #00a8fc; text-decoration: none; }
  .message { padding: 2px 48px 6px 16px; margin-bottom: 18px; }
  .narrow .message { padding: 2px 12px 6px 12px; }
  .message.ephemeral { background: rgba(88, 101, 242, 0.06); }
  .invocation { display: flex; align-items: center; gap: 4px; font-size: 14px; color: #949ba4; margin: 0 0 4px 56px; }
  .invocation .who { color: #c9cdfb; }
  .invocation .command { color: #c9cdfb; }
  .invocation .avatar { margin-right: 2px; }
  .body { display: flex; gap: 16px; }
  .avatar { flex: none; border-radius: 50%; color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 600; }
  .main { min-width: 0; flex: 1; }
  .header { display: flex; align-items: baseline; gap: 6px; }
  .name { color: #f2f3f5; font-weight: 500; }
  .app { background: #5865f2; color: #fff; font-size: 10px; font-weight: 600; padding: 1px 4px; border-radius: 3px; position: relative; top: -2px; }
  .time { color: #949ba4; font-size: 12px; margin-left: 2px; }
  .content { white-space: normal; overflow-wrap: anywhere; }
  strong { font-weight: 700; color: #f2f3f5; }
  code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 85%; background: #2b2d31; border: 1px solid #1e1f22; border-radius: 4px; padding: 0 3px; }
  .embed { max-width: 520px; margin-top: 8px; background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; }
  .embed-title { color: #f2f3f5; font-weight: 600; font-size: 16px; margin-top: 8px; }
  .embed-description { font-size: 14px; line-height: 1.375; margin-top: 8px; overflow-wrap: anywhere; }
  .embed-fields { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-top: 8px; }
  .embed-field { flex: 1 1 100%; font-size: 14px; }
  .embed-field.inline { flex: 1 1 28%; }
  .field-name { color: #f2f3f5; font-weight: 600; margin-bottom: 2px; }
  .embed-footer { font-size: 12px; color: #b5bac1; margin-top: 8px; }
  .row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
  button { font: inherit; font-size: 14px; font-weight: 500; color: #fff; border: 0; border-radius: 8px; height: 32px; min-width: 60px; padding: 2px 16px; display: inline-flex; align-items: center; gap: 6px; }
  button.secondary { background: #4e5058; }
  button.primary { background: #5865f2; }
  button.success { background: #248046; }
  button.danger { background: #da373c; }
  button.disabled { opacity: 0.5; }
  .emoji { font-family: "Noto Color Emoji", sans-serif; }
  .only-you { font-size: 12px; color: #949ba4; margin-top: 6px; }
  .only-you .eye { font-family: "Noto Color Emoji", sans-serif; }
`;

/** The width under which the page is drawn as on a phone. */
const PHONE_WIDTH = 500;

/**
 * A whole page holding `messages`, `width` pixels wide (a desktop chat
 * column, or a phone), styled by `cssHref` (a file holding `DISCORD_CSS`).
 */
export function discordPage(messages: DrawnMessage[], width: number, cssHref = 'discord.css'): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>newsquote on Discord</title>
<link rel="stylesheet" href="${escapeHtml(cssHref)}">
</head>
<body class="${width < PHONE_WIDTH ? 'narrow' : 'wide'}" style="width:${width}px">
${messages.map(messageHtml).join('\n')}
<script>document.body.dataset.height = String(Math.ceil(document.body.getBoundingClientRect().bottom));</script>
</body></html>`;
}
