import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askYesNo } from '../../cli/confirm';

/** Asks, with `typed` arriving once the question is out (or `end` closing the input instead). */
async function ask(typed: string | null): Promise<{ answer: boolean; asked: string }> {
  const stdin = new PassThrough();
  let asked = '';
  const answer = await askYesNo('Sign in again?', stdin, (text) => {
    asked += text;
    if (typed === null) stdin.end();
    else stdin.write(typed);
  });
  return { answer, asked };
}

describe('askYesNo', () => {
  it('asks with the default shown, and only y or yes is yes', async () => {
    expect(await ask('y\n')).toEqual({ answer: true, asked: 'Sign in again? [y/N] ' });
    expect((await ask(' YES \n')).answer).toBe(true);
    for (const typed of ['\n', 'n\n', 'no\n', 'yep\n', 'sure\n']) expect((await ask(typed)).answer, typed).toBe(false);
  });

  it('the end of input is no', async () => {
    expect((await ask(null)).answer).toBe(false);
  });
});
