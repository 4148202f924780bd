// What every command action receives: the output channel, the global options, and a lazily opened
// connection (so commands that need no server, like `profile list`, never load the SDK).
import type { Command } from 'commander';
import type { Session } from './connect.js';
import { CliError, EXIT } from './exit-codes.js';
import { explain } from './explain.js';
import { type Format, Io } from './output/io.js';
import type { GlobalOptions, Settings } from './settings.js';

export interface CommandContext {
  io: Io;
  globals: GlobalOptions;
  command: Command;
  /** Opens (once) the connection this command uses; closed by the runner when the action ends. */
  session(): Promise<Session>;
}

export type Action<O> = (ctx: CommandContext, args: string[], options: O) => Promise<void>;

/** Wraps an action for commander: builds the context, runs it, and always closes the session. */
export function action<O = Record<string, unknown>>(fn: Action<O>) {
  return async (...received: unknown[]): Promise<void> => {
    const command = received.at(-1) as Command;
    const options = received.at(-2) as O;
    const args = received
      .slice(0, -2)
      .flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
    const globals = command.optsWithGlobals<GlobalOptions>();
    const io = createIo(globals);
    let opened: Promise<Session> | undefined;
    const ctx: CommandContext = {
      io,
      globals,
      command,
      session: () => {
        opened ??= import('./connect.js').then((m) => m.openSession(globals, io));
        return opened;
      },
    };
    try {
      await fn(ctx, args, options);
    } catch (error) {
      throw explain(error, await settingsFor(opened, globals), command.name());
    } finally {
      if (opened) await (await opened.catch(() => undefined))?.close();
    }
  };
}

/** The settings a failed command ran with (for its hint), or undefined when they cannot be known. */
async function settingsFor(
  opened: Promise<Session> | undefined,
  globals: GlobalOptions,
): Promise<Settings | undefined> {
  const session = await opened?.catch(() => undefined);
  if (session) return session.settings;
  try {
    // Loaded only after a failure: the command tree (and --help) stays free of the profile code.
    const { resolveSettings } = await import('./settings.js');
    return resolveSettings(globals);
  } catch {
    return undefined;
  }
}

export function createIo(globals: GlobalOptions): Io {
  const formats = (['json', 'ndjson', 'csv', 'table'] as const).filter((f) => globals[f]);
  if (formats.length > 1) {
    throw new CliError(
      `choose one output format, got ${formats.map((f) => `--${f}`).join(' and ')}`,
      EXIT.invalidInput,
    );
  }
  return new Io({
    format: formats[0] as Format | undefined,
    quiet: globals.quiet,
    verbose: globals.verbose,
    noColor: globals.color === false,
    wide: globals.wide,
  });
}
