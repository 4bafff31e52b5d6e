/** The buttons on a message the bot sent, as tests read them. */
import type { APIMessage } from 'discord-api-types/v10';

export interface ButtonSeen {
  label: string;
  customId: string;
  disabled: boolean;
}

/** Every button on `m`, row by row; `kinds` keeps only those whose custom id starts with one of them (`page:`, `vote:`, …). */
export function buttonsOf(m: APIMessage, kinds?: readonly string[]): ButtonSeen[] {
  const all = (m.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.map((b) => ({
          label: 'label' in b ? (b.label ?? '') : '',
          customId: 'custom_id' in b ? b.custom_id : '',
          disabled: 'disabled' in b ? Boolean(b.disabled) : false,
        }))
      : [],
  );
  return kinds ? all.filter((b) => kinds.some((k) => b.customId.startsWith(k))) : all;
}
