// Type-checks in-memory files (`/virtual/*.ts`) with the TypeScript compiler, strict as the repo
// is; `@tgraph/api/<subpath>` resolves to this package's sources. Returns the diagnostics.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCES: Record<string, string> = {
  '@tgraph/api/schema-types': fileURLToPath(new URL('../src/schema-types.ts', import.meta.url)),
  '@tgraph/api/queries': fileURLToPath(new URL('../src/queries.ts', import.meta.url)),
};

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  types: [],
};

function resolve(name: string, containing: string, host: ts.CompilerHost) {
  const source = SOURCES[name];
  if (source !== undefined) return { resolvedFileName: source, extension: ts.Extension.Ts };
  if (name.startsWith('./') && containing.startsWith('/virtual/')) {
    return {
      resolvedFileName: `/virtual/${name.slice(2).replace(/\.js$/, '.ts')}`,
      extension: ts.Extension.Ts,
    };
  }
  return ts.resolveModuleName(name, containing, OPTIONS, host).resolvedModule;
}

/** Diagnostics of the virtual files, as `file: message` (only those of `/virtual/` files). */
export function typeCheck(files: Record<string, string>): string[] {
  const host = ts.createCompilerHost(OPTIONS);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => files[f] ?? read(f);
  host.fileExists = (f) => f in files || exists(f);
  host.getSourceFile = (f, lang) => {
    const text = files[f] ?? read(f);
    return text === undefined ? undefined : ts.createSourceFile(f, text, lang, true);
  };
  host.resolveModuleNames = (names, containing) => names.map((name) => resolve(name, containing, host));
  const program = ts.createProgram(Object.keys(files), OPTIONS, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || d.file.fileName.startsWith('/virtual/'))
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
