// Colors only on a TTY, never with NO_COLOR (https://no-color.org) or --no-color or TERM=dumb.
import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

export function colorsFor(stream: { isTTY?: boolean }, disabled: boolean): Colors {
  const env = process.env;
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const enabled = !disabled && !noColor && stream.isTTY === true && env['TERM'] !== 'dumb';
  return picocolors.createColors(enabled);
}
