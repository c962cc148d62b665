// A yes/no question on the terminal (stderr), answered with a line on stdin. Anything but y or yes
// is no, and so is the end of input: nothing is done on a guess.
import { createInterface } from 'node:readline';

export function askYesNo(question: string, stdin: NodeJS.ReadableStream, write: (text: string) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: stdin, terminal: false });
    let answered = false;
    // Listening before asking: an answer typed ahead (or piped) must not be missed.
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(/^\s*y(es)?\s*$/i.test(line));
    });
    lines.once('close', () => {
      if (!answered) resolve(false);
    });
    write(`${question} [y/N] `);
  });
}
