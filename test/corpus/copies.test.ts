import { describe, expect, it } from 'vitest';
import { copyGroups } from '../../src/corpus/copies.js';

describe('copyGroups', () => {
  const whole = 'Volunteers stack sandbags along the river wall in the town centre on Sunday as the water rises.';

  it('groups a block printed again, with a toggle, and cut short, and nothing else', () => {
    const texts = [whole, 'The council met on Monday.', `${whole} less`, 'Volunteers stack sandbags along the river wall in the town … more', whole];
    expect(copyGroups(texts)).toEqual([0, 1, 0, 0, 0]);
  });

  it('groups a whole block printed after its cut copy', () => {
    expect(copyGroups(['Volunteers stack sandbags along the river wall in the town …', whole])).toEqual([0, 0]);
  });

  it('does not group blocks that only open alike when neither is cut short', () => {
    expect(copyGroups([whole, 'Volunteers stack sandbags along the river wall in the town centre, officials said on Monday.'])).toEqual([0, 1]);
  });
});
