// Interactive prompts for `tgraph login` (@clack/prompts, loaded only when a terminal is attached).
// Cancelling (Ctrl-C / Esc) exits with code 130.
import * as p from '@clack/prompts';
import { CliError, EXIT } from '../exit-codes.js';

function check<T>(value: T): Exclude<T, symbol> {
  if (typeof value === 'symbol') {
    p.cancel('login cancelled');
    throw new CliError('login cancelled', EXIT.interrupted);
  }
  return value as Exclude<T, symbol>;
}

export const intro = (title: string) => p.intro(title);
export const outro = (message: string) => p.outro(message);

export async function text(message: string, initial: string, optional = false): Promise<string> {
  return check(
    await p.text({
      message,
      initialValue: initial,
      validate: (v) => (optional || (v ?? '').trim() !== '' ? undefined : 'required'),
    }),
  ).trim();
}

export async function password(message: string): Promise<string> {
  return check(
    await p.password({ message, mask: '•', validate: (v) => ((v ?? '') === '' ? 'required' : undefined) }),
  );
}

export async function select<T extends string>(
  message: string,
  options: { value: T; label: string }[],
): Promise<T> {
  return check(await p.select<T>({ message, options: options as never }));
}

export async function spin<T>(message: string, task: () => Promise<T>): Promise<T> {
  const s = p.spinner();
  s.start(message);
  try {
    const result = await task();
    s.stop(`${message}: ok`);
    return result;
  } catch (error) {
    s.error(`${message}: failed`);
    throw error;
  }
}
