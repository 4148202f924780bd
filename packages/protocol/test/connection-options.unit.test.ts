import { describe, expect, it } from 'vitest';
import { connectionSecrets, resolveConnection, ValidationError } from '../src/index.ts';

function fails(options: unknown): ValidationError {
  try {
    resolveConnection(options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('resolveConnection: base URLs', () => {
  it('3.x self-hosted: RESTPP on :9000 at the root, GSQL on :14240', () => {
    const c = resolveConnection({ host: 'http://10.0.0.5', graph: 'MyGraph', version: '3.10.1' });
    expect(c.restppUrls).toEqual(['http://10.0.0.5:9000']);
    expect(c.gsqlUrl).toBe('http://10.0.0.5:14240');
    expect(c.line).toBe('3');
    expect(c.version).toBe('3.10.1');
    expect(c.graph).toBe('MyGraph');
    expect(c.restppAlternateUrls).toEqual([]);
  });

  it('4.0.x speaks the 3.x layout', () => {
    const c = resolveConnection({ host: 'http://h', version: '4.0.3' });
    expect(c.line).toBe('3');
    expect(c.restppUrls).toEqual(['http://h:9000']);
  });

  it('4.1+ self-hosted: RESTPP behind nginx on :14240/restpp', () => {
    const c = resolveConnection({ host: 'http://h', version: '4.2.0' });
    expect(c.restppUrls).toEqual(['http://h:14240/restpp']);
    expect(c.gsqlUrl).toBe('http://h:14240');
    expect(c.line).toBe('4');
  });

  it('unknown version: the layout served by 3.6.1+ and 4.x, with the 3.x :9000 root as alternate', () => {
    const c = resolveConnection({ host: 'localhost' });
    expect(c.line).toBeUndefined();
    expect(c.restppUrls).toEqual(['http://localhost:14240/restpp']);
    expect(c.restppAlternateUrls).toEqual(['http://localhost:9000']);
    expect(c.gsqlUrl).toBe('http://localhost:14240');
  });

  it('defaults to http://127.0.0.1', () => {
    expect(resolveConnection().gsqlUrl).toBe('http://127.0.0.1:14240');
    expect(resolveConnection({}).tls.rejectUnauthorized).toBe(true);
  });

  it('restppPort equal to gsPort means the /restpp prefix (pyTigerGraph rule 1)', () => {
    const c = resolveConnection({ host: 'http://h', restppPort: '14240', gsPort: 14240, version: '3.9.3' });
    expect(c.restppUrls).toEqual(['http://h:14240/restpp']);
  });

  it('explicit ports: RESTPP at the root of its own port', () => {
    const c = resolveConnection({ host: 'http://127.0.0.1', restppPort: 19000, gsPort: 19240 });
    expect(c.restppUrls).toEqual(['http://127.0.0.1:19000']);
    expect(c.gsqlUrl).toBe('http://127.0.0.1:19240');
    expect(c.restppAlternateUrls).toEqual([]);
  });

  it('a port in host is honoured (not h:9000:9000)', () => {
    const front = resolveConnection({ host: 'http://h:14240', version: '4.1.0' });
    expect(front.restppUrls).toEqual(['http://h:14240/restpp']);
    expect(front.gsqlUrl).toBe('http://h:14240');
    const restpp = resolveConnection({ host: 'http://h:9000' });
    expect(restpp.restppUrls).toEqual(['http://h:9000']);
    expect(restpp.gsqlUrl).toBe('http://h:14240');
    const emulator = resolveConnection({ host: '127.0.0.1:54321' });
    expect(emulator.restppUrls).toEqual(['http://127.0.0.1:54321/restpp']);
    expect(emulator.gsqlUrl).toBe('http://127.0.0.1:54321');
    const ipv6 = resolveConnection({ host: 'http://[::1]:8080', version: '4.2.0' });
    expect(ipv6.restppUrls).toEqual(['http://[::1]:8080/restpp']);
  });

  it('Cloud (auto-detected from tgcloud): https on 443 with /restpp', () => {
    const c = resolveConnection({ host: 'my.i.tgcloud.io', graph: 'g' });
    expect(c.tgCloud).toBe(true);
    expect(c.restppUrls).toEqual(['https://my.i.tgcloud.io/restpp']);
    expect(c.gsqlUrl).toBe('https://my.i.tgcloud.io');
    expect(c.restppAlternateUrls).toEqual([]);
    const explicit = resolveConnection({ host: 'https://tg.example.com', tgCloud: true, version: '3.11.0' });
    expect(explicit.restppUrls).toEqual(['https://tg.example.com/restpp']);
    const ported = resolveConnection({ host: 'https://my.i.tgcloud.io', sslPort: 8443 });
    expect(ported.restppUrls).toEqual(['https://my.i.tgcloud.io:8443/restpp']);
    expect(ported.gsqlUrl).toBe('https://my.i.tgcloud.io:8443');
  });

  it('Cloud with pyTigerGraph default ports still maps to 443', () => {
    const c = resolveConnection({ host: 'https://x.i.tgcloud.io', restppPort: 9000, gsPort: 14240 });
    expect(c.restppUrls).toEqual(['https://x.i.tgcloud.io/restpp']);
    expect(c.gsqlUrl).toBe('https://x.i.tgcloud.io');
  });

  it('legacy Cloud (before 2022-06-20): RESTPP :9000, GSQL :14240', () => {
    const c = resolveConnection({ host: 'https://old.i.tgcloud.io', legacyCloudPorts: true });
    expect(c.restppUrls).toEqual(['https://old.i.tgcloud.io:9000']);
    expect(c.gsqlUrl).toBe('https://old.i.tgcloud.io:14240');
  });

  it('tgCloud: false overrides the detection', () => {
    const c = resolveConnection({ host: 'http://tgcloud-proxy.local', tgCloud: false, version: '4.2.0' });
    expect(c.tgCloud).toBe(false);
    expect(c.restppUrls).toEqual(['http://tgcloud-proxy.local:14240/restpp']);
  });

  it('a cluster: one RESTPP URL per host', () => {
    const c = resolveConnection({ host: ['http://m1', 'http://m2:14240', 'm3'], version: '4.2.1' });
    expect(c.restppUrls).toEqual([
      'http://m1:14240/restpp',
      'http://m2:14240/restpp',
      'http://m3:14240/restpp',
    ]);
    expect(c.gsqlUrls).toEqual(['http://m1:14240', 'http://m2:14240', 'http://m3:14240']);
    expect(c.gsqlUrl).toBe('http://m1:14240');
    expect(c.hosts).toHaveLength(3);
  });

  it('a path in host is a proxy prefix', () => {
    const c = resolveConnection({ host: 'https://proxy.example.com/tg/', version: '4.2.0', gsPort: 443 });
    expect(c.restppUrls).toEqual(['https://proxy.example.com/tg/restpp']);
    expect(c.gsqlUrl).toBe('https://proxy.example.com/tg');
  });

  it('passes TLS, timeouts, retries, user agent and headers through', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const c = resolveConnection({
      host: 'https://h',
      ca,
      rejectUnauthorized: false,
      timeoutMs: 5000,
      retries: 0,
      userAgent: 'my-app/1.0',
      headers: { 'X-Trace': 'abc' },
    });
    expect(c.tls).toEqual({
      ca,
      certPath: undefined,
      cert: undefined,
      key: undefined,
      rejectUnauthorized: false,
    });
    expect(c.timeoutMs).toBe(5000);
    expect(c.retries).toBe(0);
    expect(c.userAgent).toBe('my-app/1.0');
    expect(c.headers).toEqual({ 'X-Trace': 'abc' });
    expect(resolveConnection({}).timeoutMs).toBe(60_000);
    expect(resolveConnection({}).retries).toBe(2);
  });

  it('keeps credentials readable but out of logs and JSON', () => {
    const c = resolveConnection({
      username: 'tigergraph',
      password: 'pa55word!',
      gsqlSecret: 'sekret-value',
      apiToken: 'tok-123456',
    });
    expect(c.credentials).toEqual({
      username: 'tigergraph',
      password: 'pa55word!',
      gsqlSecret: 'sekret-value',
      apiToken: 'tok-123456',
      jwtToken: undefined,
    });
    expect(JSON.stringify(c)).not.toContain('pa55word!');
    expect(Object.keys(c)).not.toContain('credentials');
    expect(connectionSecrets(c.credentials)).toEqual(['pa55word!', 'sekret-value', 'tok-123456']);
  });

  it('ignores options it does not know (callers pass their own along)', () => {
    expect(() => resolveConnection({ fetch: () => undefined, logger: {} } as never)).not.toThrow();
  });
});

describe('resolveConnection: wrong options say what to change', () => {
  it('a bad port', () => {
    expect(fails({ restppPort: 'abc' }).message).toBe(
      "options.restppPort must be a port number 1-65535, got 'abc'",
    );
    expect(fails({ gsPort: 70000 }).message).toBe('options.gsPort must be a port number 1-65535, got 70000');
    expect(fails({ sslPort: 0 }).field).toBe('sslPort');
  });

  it('a bad scheme, credentials in the host, a query string, a service path', () => {
    expect(fails({ host: 'ftp://x' }).message).toContain("options.host 'ftp://x' must use http or https");
    const creds = fails({ host: 'http://tigergraph:hunter22@h' });
    expect(creds.message).toContain('must not contain credentials');
    expect(creds.message).not.toContain('hunter22');
    expect(fails({ host: 'http://h?x=1' }).message).toContain('query string');
    expect(fails({ host: 'https://x.i.tgcloud.io/restpp' }).message).toContain("service path '/restpp'");
    expect(fails({ host: '' }).message).toContain('options.host must be a host name or URL');
    expect(fails({ host: [] }).message).toContain('options.host');
    expect(fails({ host: ['http://a', 'ftp://b'] }).message).toContain('options.host[1]');
    expect(fails({ host: 'http://exa mple.com' }).message).toContain('is not a valid host name or URL');
  });

  it('a port given twice', () => {
    expect(fails({ host: 'http://h:14240', gsPort: 15000 }).message).toBe(
      'options.host has port 14240 but options.gsPort is 15000; give the port in one place',
    );
  });

  it('version, graph, timeouts, retries, TLS', () => {
    expect(fails({ version: 'latest' }).message).toBe(
      'options.version must be a version string such as "3.10.1" or "4.2.0", got \'latest\'',
    );
    expect(fails({ graph: 'my graph' }).message).toContain('options.graph must be a graph name');
    expect(fails({ timeoutMs: -1 }).message).toBe(
      'options.timeoutMs must be a positive whole number of milliseconds, got -1',
    );
    expect(fails({ retries: 1.5 }).message).toContain('options.retries must be a whole number from 0 to 10');
    expect(fails({ ca: '/etc/ca.pem' }).message).toContain('use options.certPath');
    expect(fails({ ca: '-----BEGIN CERTIFICATE-----', certPath: '/x' }).message).toContain(
      'either options.ca',
    );
    expect(fails({ cert: '-----BEGIN CERTIFICATE-----' }).message).toContain(
      'options.cert and options.key go together',
    );
    expect(fails({ tgCloud: 'yes' }).message).toBe("options.tgCloud must be true or false, got 'yes'");
    expect(fails({ headers: { 'bad header': 'x' } }).message).toContain("invalid header name 'bad header'");
    expect(fails(null).message).toContain('must be an object');
  });

  it('never echoes password, secret, token or header values', () => {
    const pw = fails({ password: 12345678 });
    expect(pw.message).toBe('options.password must be a string, got a number');
    const secret = fails({ gsqlSecret: '' });
    expect(secret.message).toContain('options.gsqlSecret');
    const header = fails({ headers: { Authorization: 42 } });
    expect(header.message).not.toContain('42');
  });

  it('pyTigerGraph names and typos are caught', () => {
    expect(fails({ graphname: 'g' }).message).toBe("options.graphname is pyTigerGraph's name; use 'graph'");
    expect(fails({ gsqlVersion: '3.9' }).message).toContain("use 'version'");
    expect(fails({ restPort: 9000 }).message).toBe(
      "options.restPort is not an option; did you mean 'restppPort'?",
    );
    expect(fails({ timeoutMS: 10 }).message).toContain("did you mean 'timeoutMs'");
  });
});

describe('resolveConnection: client key', () => {
  it('keeps the TLS private key readable but out of JSON', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nsecretkeymaterial\n-----END PRIVATE KEY-----';
    const c = resolveConnection({ cert: '-----BEGIN CERTIFICATE-----\nx', key });
    expect(c.tls.key).toBe(key);
    expect(JSON.stringify(c)).not.toContain('secretkeymaterial');
  });
});
