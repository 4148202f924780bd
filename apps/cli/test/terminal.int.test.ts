// What people and scripts see: output formats, colors only on a terminal, exit codes, --quiet,
// --verbose with redacted logs, the embedded emulator (--local, `emulator start`, `demo`) and the
// interactive GSQL shell in a pseudo-terminal.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { baseEnv, bin, type Home, plain, tempHome, tgraph, tgraphPty } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let em: RunningEmulator;
let home: Home;
let env: Record<string, string>;
const list = ['vertices', 'list', 'Patient', '--limit', '3', '--select', 'birth_year,sex'];

beforeAll(async () => {
  em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
  home = tempHome();
  env = { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' };
});
afterAll(async () => {
  await em.stop();
  home.cleanup();
});

describe('output formats', () => {
  it('--json (also the default when piped) is the full result', async () => {
    const piped = await tgraph(list, { home, env });
    const explicit = await tgraph([...list, '--json'], { home, env });
    expect(piped.stdout).toBe(explicit.stdout);
    expect(JSON.parse(explicit.stdout)).toEqual([
      { v_id: '6100000100', v_type: 'Patient', attributes: { birth_year: 1959, sex: 'male' } },
      { v_id: '6023000024', v_type: 'Patient', attributes: { birth_year: 0, sex: '' } },
      { v_id: '6022000024', v_type: 'Patient', attributes: { birth_year: 1978, sex: 'female' } },
    ]);
    expect(piped.stderr).toBe('');
  });

  it('--ndjson prints one object per line', async () => {
    const r = await tgraph([...list, '--ndjson'], { home, env });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toEqual({
      v_id: '6100000100',
      v_type: 'Patient',
      attributes: { birth_year: 1959, sex: 'male' },
    });
  });

  it('--csv flattens attributes into columns', async () => {
    const r = await tgraph([...list, '--csv'], { home, env });
    expect(r.stdout).toBe(
      'v_id,v_type,birth_year,sex\n6100000100,Patient,1959,male\n6023000024,Patient,0,\n6022000024,Patient,1978,female\n',
    );
  });

  it('--table aligns columns and right-aligns numbers', async () => {
    const r = await tgraph([...list, '--table'], { home, env });
    expect(r.stdout).toBe(
      [
        'V_ID        V_TYPE   BIRTH_YEAR  SEX',
        '6100000100  Patient        1959  male',
        '6023000024  Patient           0',
        '6022000024  Patient        1978  female',
        '',
      ].join('\n'),
    );
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('a table on a terminal is colored, but never with NO_COLOR or --no-color', async () => {
    const colored = await tgraphPty(list, [], { home, env });
    expect(colored.code).toBe(0);
    expect(colored.output).toContain('\x1b[1mV_ID');
    expect(plain(colored.output)).toContain('6100000100  Patient        1959  male');
    // Spinners still move the cursor; what must not appear are color (SGR) sequences.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
    const sgr = /\x1b\[[0-9;]*m/;
    const noColor = await tgraphPty(list, [], { home, env: { ...env, NO_COLOR: '1' } });
    expect(noColor.output).not.toMatch(sgr);
    expect(noColor.output).toContain('V_ID');
    const flag = await tgraphPty([...list, '--no-color'], [], { home, env });
    expect(flag.output).not.toMatch(sgr);
  });

  it('--quiet keeps results and drops notes', async () => {
    const loud = await tgraph(['secrets', 'create', 'quiet_a'], { home, env });
    expect(loud.stderr).toContain('store the secret now');
    const quiet = await tgraph(['secrets', 'create', 'quiet_b', '--quiet'], { home, env });
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout)).toMatchObject({ alias: 'quiet_b' });
  });
});

describe('tables on a terminal', () => {
  it("are cut to the terminal's width (120 columns here), and --wide keeps every cell whole", async () => {
    // The spinner's frames share the first screen line (each redrawn after a carriage return).
    const longest = (text: string) =>
      Math.max(
        ...plain(text)
          .split('\n')
          .map((l) => [...l.replace(/^.*Reading Patient/, '')].length),
      );
    const cut = await tgraphPty(['vertices', 'list', 'Patient', '--limit', '3'], [], { home, env });
    expect(cut.code).toBe(0);
    expect(longest(cut.output)).toBeLessThanOrEqual(120);
    expect(plain(cut.output)).toContain('…');
    expect(plain(cut.output)).toContain('--wide shows them whole');
    const wide = await tgraphPty(['vertices', 'list', 'Patient', '--limit', '3', '--wide'], [], {
      home,
      env,
    });
    expect(wide.code).toBe(0);
    expect(longest(wide.output)).toBeGreaterThan(120);
  });

  it('status labels its fields in words', async () => {
    const r = await tgraphPty(['status'], [], { home, env });
    const screen = plain(r.output);
    expect(r.code, screen).toBe(0);
    expect(screen).toMatch(/^host from +env$/m);
    expect(screen).toMatch(/^token expires +\(no token\)$/m);
    expect(screen).not.toMatch(/hostFrom|tokenExpires/);
  });
});

describe('spinners and progress (stderr, terminal only)', () => {
  it('shows a spinner while reading and a bytes/lines progress line while loading; nothing when piped', async () => {
    em.gsql(
      'CREATE LOADING JOB tty_load FOR GRAPH MyGraph { DEFINE FILENAME f; LOAD f TO VERTEX Province VALUES ($0, $1, $2, $3) USING SEPARATOR=",", HEADER="false"; }',
    );
    const file = join(home.dir, 'many.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Array.from({ length: 2000 }, (_, i) => `tty_${i},P${i},${i},1.5`).join('\n') + '\n');
    const r = await tgraphPty(['load', 'tty_load', 'f', file], [], { home, env });
    const screen = plain(r.output);
    expect(r.code, screen).toBe(0);
    expect(screen).toMatch(/Loading .*many\.csv \[=+ *\] 100% [\d.]+ KB \/ [\d.]+ KB, 2,000 lines, /);
    expect(screen).toContain('Loaded');
    // Numbers are written alike in the progress line and the summary.
    expect(screen).toContain('2,000 lines: 2,000 accepted');
    expect(screen).toContain('vertex Province: 2,000 loaded');
    const piped = await tgraph(['load', 'tty_load', 'f', file, '--table'], { home, env });
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toContain('2,000 accepted');

    const spinning = await tgraphPty(list, [], { home, env });
    expect(spinning.output).toContain('Reading Patient');
  });
});

describe('exit codes', () => {
  it('0 ok, 2 invalid input, 3 auth, 4 not found, 5 server error, 6 network', async () => {
    expect((await tgraph(['vertices', 'count', 'Patient'], { home, env })).code).toBe(0);

    const invalid = await tgraph(['vertices', 'list', 'Patient', '--limit', 'lots'], { home, env });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("--limit must be a whole number, got 'lots'");

    const auth = await tgraph(['vertices', 'count', 'Patient'], {
      home,
      env: { ...env, TG_PASSWORD: 'not-the-password' },
    });
    expect(auth.code).toBe(3);
    expect(auth.stderr).toMatch(/^error: /);
    expect(auth.stderr).not.toContain('AuthError');
    expect(auth.stderr).not.toContain('not-the-password');

    const notFound = await tgraph(['vertices', 'get', 'Patient', 'no-such-id'], { home, env });
    expect(notFound.code).toBe(4);

    const server = await tgraph(['query', 'run', 'infection_chain'], { home, env });
    expect(server.code).toBe(5);
    expect(server.stderr).toContain('Parameter p is NULL');

    const network = await tgraph(['vertices', 'count', 'Patient', '--timeout', '3000'], {
      home,
      env: { ...env, TG_HOST: 'http://127.0.0.1:9' },
    });
    expect(network.code).toBe(6);
    expect(network.stderr).toContain('connection refused');
    expect(network.stderr).toContain('tgraph doctor');
  });
});

describe('--verbose', () => {
  it('logs each request and response on stderr with credentials redacted', async () => {
    const r = await tgraph(['-v', ...list, '--json'], { home, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`→ GET ${em.gsUrl}/restpp/graph/MyGraph/vertices/Patient?`);
    expect(r.stderr).toMatch(/← 200 GET .*\/vertices\/Patient.* \(\d+ ms\)/);
    expect(r.stderr).toContain('Authorization: Basic ***');
    expect(r.stderr).not.toContain(Buffer.from('tigergraph:tigergraph').toString('base64'));
    expect(JSON.parse(r.stdout)).toHaveLength(3);
  });

  it('redacts a secret and the token exchanged for it', async () => {
    const secret = /The secret: (\S+)/.exec(em.gsql('CREATE SECRET verbose_s'))![1]!;
    const r = await tgraph(['-v', 'token', 'get', '--json'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_SECRET: secret },
    });
    expect(r.code, r.stderr).toBe(0);
    const { token } = JSON.parse(r.stdout) as { token: string };
    expect(r.stderr).toContain('→ POST');
    expect(r.stderr).not.toContain(secret);
    expect(r.stderr).not.toContain(token);
  });
});

describe('embedded emulator', () => {
  it('--local (and no host at all) runs the command against an in-process emulator', async () => {
    const local = await tgraph(['--local', 'vertices', 'count', 'Patient', '--json'], { home, env });
    expect(JSON.parse(local.stdout)).toEqual([{ type: 'Patient', count: 24 }]);
    const fresh = tempHome();
    try {
      const none = await tgraph(
        ['vertices', 'list', 'Patient', '--limit', '5', '--select', 'birth_year', '--csv'],
        { home: fresh },
      );
      expect(none.code, none.stderr).toBe(0);
      expect(none.stdout).toBe(
        'v_id,v_type,birth_year\n6100000100,Patient,1959\n6023000024,Patient,0\n6022000024,Patient,1978\n6020000020,Patient,0\n6015000008,Patient,0\n',
      );
      const status = JSON.parse((await tgraph(['status', '--json'], { home: fresh })).stdout) as Record<
        string,
        string
      >;
      expect(status).toMatchObject({ hostFrom: 'local', graph: 'MyGraph', version: '4.2.0' });
    } finally {
      fresh.cleanup();
    }
  });

  it('`emulator start` serves in the foreground until SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'emulator', 'start', '--port', '0', '--restpp-port', '0', '--server-version', '3.10', '--json'],
      {
        env: baseEnv(home.env),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const info = await new Promise<{ host: string; version: string; graph: string }>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(info).toMatchObject({ version: '3.10.0', graph: 'MyGraph' });
    const r = await tgraph(['vertices', 'count', 'Patient', '--json'], {
      home,
      env: { TG_HOST: info.host, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' },
    });
    expect(JSON.parse(r.stdout)).toEqual([{ type: 'Patient', count: 24 }]);
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('`demo` walks secret → token → Bearer → GSQL-Secret, printing requests and responses without credentials', async () => {
    const r = await tgraph(['demo'], { home: tempHome() });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    for (const text of [
      'Step 1  Create a secret',
      '→ POST http://127.0.0.1:',
      '/gsql/v1/secrets?alias=demo_secret',
      'Step 2  Request a token that lives 100000 seconds',
      '"lifetime": "100000"',
      'Step 3  List 5 patients and their birth_year with the token',
      '/restpp/graph/MyGraph/vertices/Patient?select=birth_year&limit=5',
      'authorization: Bearer ***',
      'Step 4  The same request with the secret itself',
      'authorization: GSQL-Secret ***',
      '6100000100  Patient        1959',
      '✔ Done.',
    ]) {
      expect(out).toContain(text);
    }
    // Nothing that looks like a 32-character secret or a JWT is printed.
    expect(out).not.toMatch(/"(secret|value|token)": "(?!\*\*\*)/);
    expect(out).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});

describe('interactive GSQL shell (pseudo-terminal)', () => {
  it('runs statements, multi-line BEGIN…END, completes type names with Tab, Ctrl-C drops the line, and keeps history', async () => {
    const shellHome = tempHome();
    try {
      const r = await tgraphPty(
        ['gsql'],
        [
          { expect: 'GSQL \\(MyGraph\\) > ', send: 'ls\r' },
          { expect: 'Graph MyGraph[\\s\\S]*GSQL \\(MyGraph\\) > ', send: 'BEGIN\r' },
          { expect: '\\.\\.\\. > ', send: 'CREATE QUERY shell_q() FOR GRAPH MyGraph {\r' },
          { expect: '\\.\\.\\. > ', send: '  PRINT "hi" AS greeting;\r' },
          { expect: '\\.\\.\\. > ', send: '}\r' },
          { expect: '\\.\\.\\. > ', send: 'END\r' },
          { expect: 'GSQL \\(MyGraph\\) > ', send: 'SHOW QUERY shell_\t' },
          { expect: 'shell_q', send: '\r' },
          { expect: 'GSQL \\(MyGraph\\) > ', send: 'SELECT Infec\t' },
          { expect: 'InfectionCase', send: '\x03' },
          { expect: '\\^C\\s+GSQL \\(MyGraph\\) > ', send: 'exit\r' },
        ],
        { home: shellHome, env },
      );
      const screen = plain(r.output);
      expect(r.timedOut, screen).toBe(false);
      expect(r.code, screen).toBe(0);
      expect(screen).toContain('tgraph GSQL shell');
      expect(screen).toContain('VERTEX Patient(PRIMARY_ID patient_id STRING');
      expect(screen).toContain('CREATE QUERY shell_q() FOR GRAPH MyGraph {');
      expect(screen).toContain('SELECT InfectionCase');
      const created = em.requests.find(
        (q) => q.path === '/gsql/v1/statements' && q.body.includes('CREATE QUERY shell_q'),
      );
      expect(created?.body).toBe(
        'USE GRAPH MyGraph\nCREATE QUERY shell_q() FOR GRAPH MyGraph {\n  PRINT "hi" AS greeting;\n}',
      );
      const historyFile = join(shellHome.dir, 'data', 'tgraph', 'gsql_history');
      expect(existsSync(historyFile)).toBe(true);
      expect(readFileSync(historyFile, 'utf8')).toContain('ls\n');
    } finally {
      shellHome.cleanup();
    }
  });
});
