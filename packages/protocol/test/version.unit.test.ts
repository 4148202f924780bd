import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  componentVersion,
  parseVersion,
  parseVersionMessage,
  ValidationError,
  versionLine,
  versionReplySchema,
} from '../src/index.ts';

// Reference §4.1: the /version reply (error is the string "false", message a text table).
const VERSION_REPLY = {
  error: 'false',
  message:
    'TigerGraph RESTPP:\n --- Version --- \nTigerGraph version: 3.9.3\nproduct   release_3.9.3_09-27-2023  559b6532eaf39c8e8074d2fa4960bb5158424aaa  2023-09-28 19:58:18 -0700\ngpe  release_3.9.3_09-27-2023  0123456789abcdef0123456789abcdef01234567  2023-09-28 19:58:18 -0700\n',
};

describe('versions', () => {
  it('parses version strings in every form TigerGraph prints', () => {
    expect(parseVersion('3.10.1')).toEqual({ major: 3, minor: 10, patch: 1, text: '3.10.1' });
    expect(parseVersion('v4.2')?.text).toBe('4.2.0');
    expect(parseVersion('release_4.1.3_09-27-2023')?.text).toBe('4.1.3');
    expect(parseVersion('tg_3.9.3_dev')?.text).toBe('3.9.3');
    expect(parseVersion('release-3.9.3-2023')?.text).toBe('3.9.3');
    expect(parseVersion('latest')).toBeUndefined();
  });

  it('maps versions to API lines (4.0 is still the 3.x line)', () => {
    expect(versionLine('4.2.1')).toBe('4');
    expect(versionLine('4.1.0')).toBe('4');
    expect(versionLine('5.0.0')).toBe('4');
    expect(versionLine('4.0.3')).toBe('3');
    expect(versionLine('3.10.1')).toBe('3');
    expect(versionLine('2.6.0')).toBe('3');
    expect(() => versionLine('x')).toThrow(ValidationError);
  });

  it('compares numerically, not as strings', () => {
    expect(compareVersions('3.10.1', '3.9.3')).toBe(1);
    expect(compareVersions('4.1', '4.1.0')).toBe(0);
    expect(compareVersions('10.0.0', '4.2.0')).toBe(1);
    expect(compareVersions('3.6.0', '3.6.1')).toBe(-1);
  });

  it('parses the /version reply like getVersion()/getVer()', () => {
    const reply = versionReplySchema.parse(VERSION_REPLY);
    expect(reply.error).toBe(false);
    const info = parseVersionMessage(reply.message);
    expect(info.version).toBe('3.9.3');
    expect(info.components).toEqual([
      {
        name: 'product',
        version: 'release_3.9.3_09-27-2023',
        hash: '559b6532eaf39c8e8074d2fa4960bb5158424aaa',
        datetime: '2023-09-28 19:58:18 -0700',
      },
      {
        name: 'gpe',
        version: 'release_3.9.3_09-27-2023',
        hash: '0123456789abcdef0123456789abcdef01234567',
        datetime: '2023-09-28 19:58:18 -0700',
      },
    ]);
    expect(componentVersion(reply.message, 'GPE')).toBe('3.9.3');
    expect(componentVersion(reply.message, 'product', true)).toBe('release_3.9.3_09-27-2023');
    expect(componentVersion(reply.message, 'nope')).toBeUndefined();
  });

  it('falls back to the product tag when the TigerGraph version line is empty', () => {
    const info = parseVersionMessage(
      'TigerGraph RESTPP:\n--- Version ---\nTigerGraph version: \nproduct release_2.6.0_05-09-2020 559b6532eaf39c8e8074d2fa4960bb5158424aaa 2020-05-09 10:00:00 -0700\n',
    );
    expect(info.version).toBe('2.6.0');
  });
});
