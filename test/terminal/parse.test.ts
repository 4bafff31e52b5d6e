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

  it('takes a line without a slash as a question, options and all, except a bare help, quit or exit', () => {
    expect(parseCommandLine('why did the ferry stop running?', names)).toEqual({ command: 'ask', text: 'why did the ferry stop running?', options: {} });
    expect(parseCommandLine('ask what time:now is it', names)).toEqual({ command: 'ask', text: 'ask what time:now is it', options: {} });
    expect(parseCommandLine('  Help ', names)).toEqual({ command: 'help', text: '', options: {} });
    expect(parseCommandLine('quit', names)?.command).toBe('quit');
    expect(parseCommandLine('help me find the ferry story', names)?.command).toBe('ask');
  });

  it('returns null for a line that is not a command', () => {
    expect(parseCommandLine('   ', names)).toBeNull();
    expect(parseCommandLine('/???', names)).toBeNull();
  });
});
