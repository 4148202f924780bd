#!/usr/bin/env node
// tgraph-emulator: refuse a Node older than 22 with a clear message (JSON.rawJSON, used to write
// 64-bit integers digit for digit, arrives in Node 22), then run the command line.
export const MIN_NODE_MAJOR = 22;

const major = Number(process.versions.node.split('.')[0]);
if (major < MIN_NODE_MAJOR) {
  process.stderr.write(
    `tgraph-emulator needs Node.js ${MIN_NODE_MAJOR} or newer; this is Node.js ${process.versions.node}.\n`,
  );
  process.exit(1);
} else {
  await import('./cli.js');
}
