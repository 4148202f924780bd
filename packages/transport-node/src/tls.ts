// The Node adapter's TLS settings: `tls` (or the older flat options) to undici's connect options.
// Custom CAs are added to Node's default roots; verification stays on unless turned off
// explicitly, which warns once per process.
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { checkPem, type TlsOptions, ValidationError } from '@tgraph/transport';

/** PEM text or bytes. */
export type Pem = string | Uint8Array;

/** The TLS part of the Node adapter's options. */
export interface NodeTlsSettings {
  ca?: Pem | readonly Pem[] | undefined;
  certPath?: string | readonly string[] | undefined;
  cert?: Pem | undefined;
  key?: Pem | undefined;
  passphrase?: string | undefined;
  servername?: string | undefined;
  insecureSkipTlsVerify?: boolean | undefined;
  tls?: TlsOptions | undefined;
}

let insecureWarned = false;

function pemText(value: Pem): string {
  return typeof value === 'string' ? value : new TextDecoder().decode(value);
}

function readCaFiles(paths: string | readonly string[]): string[] {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  return list.map((path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      throw new ValidationError(
        `certPath: cannot read the CA file '${path}' (${code}); give the path of a PEM file, or pass its text as \`ca\``,
        { field: 'certPath', cause: error },
      );
    }
  });
}

function caList(o: NodeTlsSettings): string[] {
  const out: string[] = [];
  const ca = o.tls?.ca ?? o.ca;
  if (ca !== undefined) {
    for (const pem of Array.isArray(ca) ? (ca as readonly Pem[]) : [ca as Pem]) {
      const text = pemText(pem);
      checkPem(text, 'ca');
      out.push(text);
    }
  }
  const certPath = o.tls?.certPath ?? o.certPath;
  if (certPath !== undefined) {
    for (const text of readCaFiles(certPath)) {
      checkPem(text, 'certPath');
      out.push(text);
    }
  }
  return out;
}

function warnInsecure(): void {
  if (insecureWarned) return;
  insecureWarned = true;
  process.emitWarning(
    'tgraph: TLS certificate verification is OFF (insecureSkipTlsVerify: true). Credentials and data can be ' +
      'read and changed by anyone on the network path. Pass the server CA as `ca` or `certPath` instead.',
    { type: 'SecurityWarning', code: 'TGRAPH_INSECURE_TLS' },
  );
}

/** undici's TLS connect options for these settings. Throws `ValidationError` for unusable ones. */
export function nodeTls(o: NodeTlsSettings): Record<string, unknown> {
  const cas = caList(o);
  const cert = o.tls?.cert ?? o.cert;
  const key = o.tls?.key ?? o.key;
  if ((cert === undefined) !== (key === undefined)) {
    throw new ValidationError('mutual TLS needs both cert and key; pass the client certificate and its key', {
      field: cert === undefined ? 'cert' : 'key',
    });
  }
  const insecure = o.insecureSkipTlsVerify === true || o.tls?.rejectUnauthorized === false;
  if (insecure) warnInsecure();
  const tls: Record<string, unknown> = { rejectUnauthorized: !insecure };
  // Node's `ca` replaces the default roots; keep them so public CAs (Cloud, proxies) still work.
  if (cas.length > 0) tls['ca'] = [...rootCertificates, ...cas];
  if (cert !== undefined) tls['cert'] = pemText(cert);
  if (key !== undefined) tls['key'] = pemText(key);
  if (o.passphrase !== undefined) tls['passphrase'] = o.passphrase;
  if (o.servername !== undefined) tls['servername'] = o.servername;
  return tls;
}
