// Runs one `pacebar` invocation: parse, dispatch, and turn every failure into an exit code and
// one `pacebar: ` line on stderr. Nothing escapes: no stack traces, no secrets.
import { parseCommandLine, type Command } from './args';
import { createContext, type Context, type Io } from './context';
import { describeFailure } from './exitCodes';
import { helpText } from './usage';
import { VERSION } from './version';
import { runSetup } from './commands/setup';
import { runLogin } from './commands/login';
import { runStatus } from './commands/status';
import { runLogout } from './commands/logout';
import { runConfig } from './commands/config';
import { runGoals } from './commands/goals';

async function dispatch(command: Command, ctx: Context): Promise<number> {
  switch (command.kind) {
    case 'help':
      ctx.io.out(helpText(command.topic).trimEnd());
      return 0;
    case 'version':
      ctx.io.out(VERSION);
      return 0;
    case 'setup':
      return runSetup(ctx, command);
    case 'login':
      return runLogin(ctx, command);
    case 'status':
      return runStatus(ctx, command);
    case 'logout':
      return runLogout(ctx, command);
    case 'config':
      return runConfig(ctx, command.action);
    case 'goals':
      return runGoals(ctx, command.action);
  }
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const ctx = createContext(io);
  try {
    return await dispatch(parseCommandLine(argv), ctx);
  } catch (error) {
    const failure = describeFailure(error);
    io.err(`pacebar: ${failure.message}`);
    return failure.exitCode;
  } finally {
    await ctx.close().catch(() => {});
  }
}
