import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/terminal/parse.js';

const names = ['speaker', 'about', 'from', 'to'];

describe('parseCommandLine', () => {
  it('reads the command and its text', () => {
    expect(parseCommandLine('/ask why did it happen?', names)).toEqual({ command: 'ask', text: 'why did it happen?', options: {} });
  });

  it('reads name:value options, quoted or bare, and leaves the rest as text', () => {
    expect(parseCommandLine('/timeline from:2018 about:"military aid" to:2019', names)).toEqual({
      command: 'timeline',
      text: '',
      options: { from: '2018', about: 'military aid', to: '2019' },
    });
    expect(parseCommandLine('/quote Khan about:russia', names)).toEqual({ command: 'quote', text: 'Khan', options: { about: 'russia' } });
  });

  it('accepts a command without its slash and ignores words that only look like options', () => {
    expect(parseCommandLine('ask what time:now is it', names)).toEqual({ command: 'ask', text: 'what time:now is it', options: {} });
  });

  it('returns null for a line that is not a command', () => {
    expect(parseCommandLine('   ', names)).toBeNull();
    expect(parseCommandLine('???', names)).toBeNull();
  });
});
