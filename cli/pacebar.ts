#!/usr/bin/env node
// Entry point of the `pacebar` command (bundled to out/cli/pacebar.js by scripts/build-cli.mjs).
import { main } from './main';

const interrupt = new AbortController();
// `on`, not `once`: signal-exit (under conf's atomic writes and the refresh lock) re-sends a signal
// to the process once it is the only listener left, which would kill it before the "Sign-in was
// cancelled" line. A waiting sign-in stops and says so; anything still running after that is cut
// short; more Ctrl-Cs change nothing.
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) return;
  interrupt.abort();
  setTimeout(() => process.exit(130), 500).unref();
});

const code = await main(process.argv.slice(2), {
  env: process.env,
  platform: process.platform,
  stdin: process.stdin,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  errText: (text) => process.stderr.write(text),
  signal: interrupt.signal,
}).catch(() => 1);

process.exitCode = code;
// Leave once output is flushed, even if a library left a handle open.
setTimeout(() => process.exit(code), 2000).unref();
