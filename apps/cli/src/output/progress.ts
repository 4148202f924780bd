// A one-line progress display on stderr for loading: bytes and lines sent, rate, and percent when
// the total size is known. Redrawn at most ten times a second; TTY only (the caller decides).
import type { Colors } from './colors.js';

export interface Progress {
  update(bytes: number, lines: number): void;
  done(): void;
}

export function startProgress(
  stream: NodeJS.WriteStream,
  label: string,
  totalBytes: number | undefined,
  colors: Colors,
): Progress {
  const started = Date.now();
  let last = 0;
  let bytes = 0;
  let lines = 0;
  const draw = () => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = `${formatBytes(bytes / seconds)}/s`;
    let bar = '';
    if (totalBytes && totalBytes > 0) {
      const ratio = Math.min(bytes / totalBytes, 1);
      const filled = Math.round(ratio * 20);
      bar = `[${colors.cyan('='.repeat(filled))}${' '.repeat(20 - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% `;
    }
    const size = totalBytes ? `${formatBytes(bytes)} / ${formatBytes(totalBytes)}` : formatBytes(bytes);
    stream.write(`\r\x1b[2K${label} ${bar}${size}, ${formatCount(lines)} lines, ${rate}`);
  };
  return {
    update(b, l) {
      bytes = b;
      lines = l;
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        draw();
      }
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}

/** A count as people read it (1,234,567), the same in the progress line and the summary. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
