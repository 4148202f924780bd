// A tiny spinner on stderr (TTY only; the caller decides). Cleared without a trace when stopped.
import type { Colors } from './colors.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Spinner {
  stop(): void;
}

export function startSpinner(stream: NodeJS.WriteStream, text: string, colors: Colors): Spinner {
  let frame = 0;
  const draw = () => stream.write(`\r${colors.cyan(FRAMES[frame++ % FRAMES.length]!)} ${text}`);
  draw();
  const timer = setInterval(draw, 80);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
    },
  };
}
