// Reads the Client Secret: all of stdin (--client-secret-stdin), or a prompt on the terminal that
// does not echo what is typed. Never from argv.
import { UsageError, CliError, EXIT } from './exitCodes';

const MAX_SECRET_CHARS = 4096;

export async function readAllStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_SECRET_CHARS) throw new UsageError('Standard input is far too long to be a Client Secret.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** Hidden prompt: raw mode, nothing echoed; Enter ends, Backspace edits, Ctrl-C / Ctrl-D cancel. */
export function promptHidden(prompt: string, stdin: NodeJS.ReadStream, write: (text: string) => void): Promise<string> {
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') {
    return Promise.reject(new UsageError('No terminal to ask for the Client Secret: pipe it in with --client-secret-stdin.'));
  }
  return new Promise((resolve, reject) => {
    let value = '';
    write(prompt);
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      write('\n');
      outcome();
    };
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n') return done(() => resolve(value.trim()));
        if (char === '\u0003' || char === '\u0004') return done(() => reject(new CliError('Setup cancelled; nothing was stored.', EXIT.failure)));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char === '\u0015') value = ''; // Ctrl-U
        else if (char >= ' ' && value.length < MAX_SECRET_CHARS) value += char;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readClientSecret(options: { fromStdin: boolean; stdin: NodeJS.ReadStream; write: (text: string) => void }): Promise<string> {
  const secret = options.fromStdin ? await readAllStdin(options.stdin) : await promptHidden('Client Secret (typing is hidden): ', options.stdin, options.write);
  if (!secret) throw new UsageError(options.fromStdin ? 'Standard input was empty: pipe the Client Secret in.' : 'No Client Secret entered; nothing was stored.');
  return secret;
}
