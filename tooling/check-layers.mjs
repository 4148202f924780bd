#!/usr/bin/env node
// `pnpm check:layers`: enforces the layering of DEVELOPERS.md on every workspace package's src/.
//   1. a package imports only @tgraph packages from a lower layer (never its own layer or above);
//   2. every bare import is declared in the package's dependencies or peerDependencies;
//   3. browser-safe code imports no `node:` module;
//   4. inside a package, folders listed in FOLDER_RULES import none of the folders they must not know
//      (the emulator's engine knows nothing of its HTTP front ends).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Layer of each package (lower layers never import higher ones) and where `node:` is allowed. */
export const LAYERS = {
  '@tgraph/emulator': { layer: 0, node: true },
  '@tgraph/protocol': { layer: 0 },
  '@tgraph/auth': { layer: 1 },
  '@tgraph/transport': { layer: 1 },
  '@tgraph/transport-node': { layer: 2, node: true },
  '@tgraph/transport-browser': { layer: 2 },
  '@tgraph/transport-deno': { layer: 2 },
  '@tgraph/api': { layer: 3 },
  // The facade's browser and shared entries stay node-free; only its Node entry may import node:.
  tgraph: { layer: 4, node: (file) => /(^|\/)node(\.|\/)/.test(file) },
  '@tgraph/cli': { layer: 5, node: true },
  '@tgraph/sample-service': { layer: 5, node: true },
  // Test harnesses over the whole stack (never imported by a package).
  '@tgraph/bench': { layer: 6, node: true, dev: true },
  '@tgraph/reliability': { layer: 6, node: true, dev: true },
  '@tgraph/tooling': { layer: 6, node: true, dev: true },
};

/** Per package: source folders (under src/) that must not import the listed folders. */
export const FOLDER_RULES = {
  '@tgraph/emulator': {
    from: ['store', 'query', 'gsql', 'loading'],
    not: ['http', 'restpp', 'gsqlserver'],
    why: 'the engine is independent of its HTTP front ends',
  },
};

/** Workspace packages outside packages/ and apps/ (one directory each at the root). */
const ROOT_PACKAGES = ['bench', 'reliability', 'tooling'];

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(=])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]/gm;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(c|m)?[jt]sx?$/.test(entry.name) && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(entry.name))
      yield path;
  }
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function workspacePackageDirs(root) {
  const dirs = [];
  for (const group of ['packages', 'apps']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      if (existsSync(join(base, name, 'package.json'))) dirs.push(join(base, name));
    }
  }
  for (const name of ROOT_PACKAGES) {
    if (existsSync(join(root, name, 'package.json'))) dirs.push(join(root, name));
  }
  return dirs;
}

/** The forbidden folder a relative import reaches, if the file's folder has a rule against it. */
function folderViolation(rule, srcDir, file, spec) {
  if (!rule) return undefined;
  const top = (path) => relative(srcDir, path).split(sep)[0];
  if (!rule.from.includes(top(file))) return undefined;
  const target = top(resolve(dirname(file), spec));
  return rule.not.includes(target) ? target : undefined;
}

/** Returns one message per violation found under `root` (an empty list means the layering holds). */
export function checkLayers(root) {
  const problems = [];
  for (const dir of workspacePackageDirs(root)) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const rule = LAYERS[pkg.name];
    const where = relative(root, dir);
    if (!rule) {
      problems.push(
        `${where}: package ${pkg.name} has no layer in tooling/check-layers.mjs; add it to LAYERS`,
      );
      continue;
    }
    // Harnesses (`dev: true`) are never installed by users, so their devDependencies count.
    const declared = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
      ...(rule.dev ? Object.keys(pkg.devDependencies ?? {}) : []),
    ]);
    const srcDir = join(dir, 'src');
    if (!existsSync(srcDir)) continue;
    for (const file of sourceFiles(srcDir)) {
      const rel = relative(dir, file);
      const text = stripComments(readFileSync(file, 'utf8'));
      for (const match of text.matchAll(IMPORT_RE)) {
        const spec = match[1] ?? match[2] ?? match[3];
        const at = `${where}/${rel}`;
        if (spec?.startsWith('.')) {
          const bad = folderViolation(FOLDER_RULES[pkg.name], srcDir, file, spec);
          if (bad)
            problems.push(`${at}: imports '${spec}' from src/${bad}/, but ${FOLDER_RULES[pkg.name].why}`);
        }
        if (!spec || spec.startsWith('.') || spec.startsWith('/')) continue;
        const isNode = spec.startsWith('node:') || builtinModules.includes(spec);
        if (isNode) {
          const nodeOk = typeof rule.node === 'function' ? rule.node(rel) : rule.node === true;
          if (!nodeOk)
            problems.push(
              `${at}: imports '${spec}', but ${pkg.name} must run in browsers (no node: modules)`,
            );
          if (!spec.startsWith('node:'))
            problems.push(`${at}: import Node built-ins with the node: prefix ('node:${spec}')`);
          continue;
        }
        const name = packageName(spec);
        if (name === pkg.name) continue;
        const target = LAYERS[name];
        if (target && target.layer >= rule.layer) {
          problems.push(
            `${at}: imports ${name} (layer ${target.layer}), but ${pkg.name} (layer ${rule.layer}) may only import lower layers`,
          );
        }
        if (!declared.has(name)) {
          problems.push(
            `${at}: imports '${name}', which is not in ${pkg.name}'s dependencies; add it with pnpm add`,
          );
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? join(fileURLToPath(import.meta.url), '../..');
  const problems = checkLayers(root);
  if (problems.length) {
    console.error(
      `check:layers found ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log('check:layers: every package imports only lower layers and its declared dependencies');
}
