import { describe, expect, test } from 'vitest';
import { Cooldowns } from '../../src/bot/cooldown.js';
import { moderatorVerdict } from '../../src/bot/moderators.js';
import { PAGE_TTL_MS, PageStore, pageButtons, parsePageId } from '../../src/bot/pages.js';
import { PermissionFlagsBits } from 'discord.js';

const pages = [{ embeds: [{ title: 'one' }] }, { embeds: [{ title: 'two' }] }];

describe('PageStore', () => {
  test('resolves a button it issued to its page', () => {
    const store = new PageStore();
    const key = store.put({ command: 'ask', pages, ids: [['a#1'], ['a#2']] });
    expect(store.resolve(`page:${key}:1`)?.answer.pages[1]).toEqual(pages[1]);
  });

  test('treats forged, malformed and out-of-range ids as expired', () => {
    const store = new PageStore();
    const key = store.put({ command: 'ask', pages, ids: [] });
    for (const id of [`page:${key}:2`, 'page:AAAAAAAAAAAA:1', `page:${key}:-1`, `page:${key}`, 'ask:1', `page:${key}:1:x`, '']) {
      expect(store.resolve(id), id).toBeNull();
    }
  });

  test('expires buttons after ten minutes', () => {
    let now = 1_000_000;
    const store = new PageStore({ now: () => now });
    const key = store.put({ command: 'ask', pages, ids: [] });
    now += PAGE_TTL_MS - 1;
    expect(store.resolve(`page:${key}:1`)).not.toBeNull();
    now += 1;
    expect(store.resolve(`page:${key}:1`)).toBeNull();
  });

  test('keeps at most `max` answers, dropping the oldest', () => {
    const store = new PageStore({ max: 2 });
    const first = store.put({ command: 'ask', pages, ids: [] });
    store.put({ command: 'ask', pages, ids: [] });
    store.put({ command: 'ask', pages, ids: [] });
    expect(store.size).toBe(2);
    expect(store.resolve(`page:${first}:1`)).toBeNull();
  });
});

describe('pageButtons', () => {
  test('shows the same Prev, position, Next on every page, the ends disabled; nothing for one page', () => {
    expect(pageButtons('k'.repeat(12), 0, 1)).toEqual([]);
    const labels = (index: number) => (pageButtons('k'.repeat(12), index, 3)[0]?.components ?? []).map((b) => ('label' in b ? b.label : ''));
    const disabled = (index: number) => (pageButtons('k'.repeat(12), index, 3)[0]?.components ?? []).map((b) => ('disabled' in b ? b.disabled : undefined));
    expect([labels(0), labels(1), labels(2)]).toEqual([
      ['◀ Prev', '1 / 3', 'Next ▶'],
      ['◀ Prev', '2 / 3', 'Next ▶'],
      ['◀ Prev', '3 / 3', 'Next ▶'],
    ]);
    expect([disabled(0), disabled(1), disabled(2)]).toEqual([
      [true, true, false],
      [false, true, false],
      [false, true, true],
    ]);
  });

  test('issues custom ids that fit 100 characters, are unique, and (the pressable ones) parse back', () => {
    const [row] = pageButtons('abcdefghijkl', 1, 3);
    const ids = (row?.components ?? []).map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(ids.filter((id) => parsePageId(id)).map((id) => parsePageId(id)?.index)).toEqual([0, 2]);
  });

  test('adds Share to a hidden answer, on every page and on a single one, pointing at the page shown', () => {
    const [row] = pageButtons('abcdefghijkl', 1, 3, { share: true });
    const share = row?.components.at(-1);
    expect(share && 'label' in share ? share.label : '').toBe('Share');
    expect(parsePageId(share && 'custom_id' in share ? share.custom_id : '')).toEqual({ action: 'share', key: 'abcdefghijkl', index: 1 });
    const single = pageButtons('abcdefghijkl', 0, 1, { share: true })[0]?.components ?? [];
    expect(single.map((b) => ('label' in b ? b.label : ''))).toEqual(['Share']);
  });
});

describe('Cooldowns', () => {
  test('lets a user go once per window and says how long to wait', () => {
    let now = 0;
    const c = new Cooldowns(5, () => now);
    expect(c.take('u')).toBe(0);
    now = 1200;
    expect(c.take('u')).toBe(4);
    expect(c.take('other')).toBe(0);
    now = 5000;
    expect(c.take('u')).toBe(0);
  });

  test('is off when set to zero seconds', () => {
    const c = new Cooldowns(0);
    expect([c.take('u'), c.take('u')]).toEqual([0, 0]);
  });
});

describe('moderatorVerdict', () => {
  const facts = (permissions: bigint, roles: string[] = []) => ({ inGuild: true, permissions, roles });

  test('allows Manage Server and Administrator', () => {
    expect(moderatorVerdict(facts(PermissionFlagsBits.ManageGuild), [])).toEqual({ ok: true, via: 'manage-guild' });
    expect(moderatorVerdict(facts(PermissionFlagsBits.Administrator), ['1'])).toEqual({ ok: true, via: 'manage-guild' });
  });

  test('allows a listed moderator role without Manage Server', () => {
    expect(moderatorVerdict(facts(0n, ['42']), ['42'])).toEqual({ ok: true, via: 'role' });
  });

  test('refuses everyone else, and anyone outside a server', () => {
    expect(moderatorVerdict(facts(0n, ['7']), ['42']).ok).toBe(false);
    expect(moderatorVerdict(facts(0n), []).ok).toBe(false);
    expect(moderatorVerdict({ inGuild: false, permissions: PermissionFlagsBits.ManageGuild, roles: [] }, []).ok).toBe(false);
  });
});
