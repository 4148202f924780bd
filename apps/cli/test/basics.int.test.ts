// The command itself: version, help with an example on every command, usage errors, completion.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { appDir, type Home, tempHome, tgraph } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const home: Home = tempHome();
afterAll(() => home.cleanup());

/** Every command path, read from the help output itself (so new commands are covered automatically). */
async function commandPaths(path: string[] = []): Promise<string[][]> {
  const r = await tgraph([...path, '--help'], { home });
  const section = r.stdout.split(/\nCommands:\n/)[1]?.split(/\n\n/)[0] ?? '';
  const names = section
    .split('\n')
    .map((l) => /^ {2}([a-z][\w-]*)/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined && n !== 'help');
  const below = await Promise.all(names.map((name) => commandPaths([...path, name])));
  return names.flatMap((name, i) => [[...path, name], ...below[i]!]);
}

describe('tgraph basics', () => {
  it('prints its version from package.json', async () => {
    const r = await tgraph(['--version'], { home });
    const pkg = JSON.parse(execFileSync('cat', [join(appDir, 'package.json')], { encoding: 'utf8' })) as {
      version: string;
    };
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('has --help with at least one example on every command', async () => {
    const paths = await commandPaths();
    expect(paths.map((p) => p.join(' '))).toEqual(
      expect.arrayContaining([
        'login',
        'profile list',
        'profile use',
        'profile show',
        'profile remove',
        'status',
        'doctor',
        'vertices list',
        'vertices get',
        'vertices count',
        'vertices upsert',
        'vertices delete',
        'edges list',
        'edges get',
        'edges count',
        'edges upsert',
        'edges delete',
        'query run',
        'query list',
        'query install',
        'query create',
        'query drop',
        'query status',
        'query result',
        'gsql',
        'schema show',
        'schema types',
        'schema diff',
        'load',
        'paths shortest',
        'vectors search',
        'vectors get',
        'vectors upsert',
        'vectors status',
        'vectors install',
        'paths all',
        'secrets create',
        'secrets list',
        'secrets drop',
        'token get',
        'token refresh',
        'token delete',
        'udt list',
        'system echo',
        'system version',
        'system endpoints',
        'system statistics',
        'codegen',
        'emulator start',
        'demo',
        'completion',
      ]),
    );
    // Four at a time: each is a separate process.
    const queue = [...paths];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let path = queue.shift(); path; path = queue.shift()) {
          const r = await tgraph([...path, '--help'], { home });
          expect(r.code, path.join(' ')).toBe(0);
          expect(r.stdout, path.join(' ')).toMatch(/Examples:\n {2}\$ .*tgraph /);
        }
      }),
    );
  }, 180_000);

  it('exits 2 with a message on stderr for an unknown command or option', async () => {
    const unknown = await tgraph(['verticez'], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'verticez'");
    expect(unknown.stderr).toContain('vertices');
    expect(unknown.stdout).toBe('');
    const badOption = await tgraph(['profile', 'list', '--bogus'], { home });
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("unknown option '--bogus'");
    const twoFormats = await tgraph(['--json', '--csv', 'profile', 'list'], { home });
    expect(twoFormats.code).toBe(2);
  });

  it('generates a bash completion script that completes commands and subcommands', async () => {
    const r = await tgraph(['completion', 'bash'], { home });
    expect(r.code).toBe(0);
    const file = join(home.dir, 'tgraph.bash');
    writeFileSync(file, r.stdout);
    const complete = (words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source "$0"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _tgraph; printf '%s\\n' "\${COMPREPLY[@]}"`,
          file,
        ],
        { encoding: 'utf8' },
      )
        .trim()
        .split('\n');
    expect(complete(['tgraph', 'vert'])).toEqual(['vertices']);
    expect(complete(['tgraph', 'profile', ''])).toEqual(
      expect.arrayContaining(['list', 'use', 'show', 'remove']),
    );
    expect(complete(['tgraph', '--json', 'vertices', 'li'])).toEqual(['list']);
    expect(complete(['tgraph', 'vertices', 'list', '--li'])).toEqual(['--limit']);
  });

  it('generates zsh and fish completion scripts for the same tree', async () => {
    const zsh = await tgraph(['completion', 'zsh'], { home });
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toMatch(/^#compdef tgraph\n/);
    expect(zsh.stdout).toContain("'vertices') subs=(");
    expect(zsh.stdout).toContain('compdef _tgraph tgraph');
    // `path` is zsh's PATH array: the script must not declare a local of that name.
    expect(zsh.stdout).not.toMatch(/local[^\n]*\bpath\b/);
    expect(zsh.stdout).toContain('_tgraph "$@"');
    const fish = await tgraph(['completion', 'fish'], { home });
    expect(fish.code).toBe(0);
    expect(fish.stdout).toContain("complete -c tgraph -n '__fish_use_subcommand' -a 'vertices'");
    expect(fish.stdout).toContain(
      "complete -c tgraph -n '__fish_seen_subcommand_from vertices; and not __fish_seen_subcommand_from",
    );
    const bad = await tgraph(['completion', 'powershell'], { home });
    expect(bad.code).toBe(2);
  });
});
