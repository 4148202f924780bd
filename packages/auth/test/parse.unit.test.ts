// Reply parsing with the literal replies of the reference (tigergraph-rest.md §3.2–§3.4, §9.1–§9.2).
import { describe, expect, it } from 'vitest';
import { parseCreatedSecret, parseExpiration, parseShowSecrets, parseTokenReply } from '../src/index.js';

const NOW = Date.UTC(2024, 0, 1);

describe('parseTokenReply', () => {
  it('3.x secret reply: token top-level, expiration in Unix seconds (§3.2, seed 000)', () => {
    const reply = {
      code: 'REST-0000',
      expiration: 1616042814,
      error: false,
      message:
        'Generate new token successfully.\nWarning: Tigergraph Support cannot restore access to secrets/tokens for security reasons. Please save your secret/token and keep it safe and accessible.',
      token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq',
    };
    const parsed = parseTokenReply(reply, { now: NOW });
    expect(parsed).toEqual({
      token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq',
      expiresAt: new Date(1616042814 * 1000),
      expiration: 1616042814,
    });
  });

  it('3.x username/password reply: token in results.token', () => {
    const reply = {
      code: 'REST-0000',
      expiration: 1700100000,
      error: false,
      message: 'Generate new token successfully.',
      results: { token: 'fc6p0i2ijjt031n0sja6m9ci70p232h7' },
    };
    expect(parseTokenReply(reply, { now: NOW })?.token).toBe('fc6p0i2ijjt031n0sja6m9ci70p232h7');
    expect(parseTokenReply(reply, { now: NOW })?.expiresAt.toISOString()).toBe('2023-11-16T02:00:00.000Z');
  });

  it('3.x refresh reply (§3.2 PUT): same token, new expiration', () => {
    const reply = {
      code: 'REST-0000',
      expiration: 1641554169,
      error: false,
      message: 'Refresh token successfully.',
      token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq',
    };
    expect(parseTokenReply(reply, { now: NOW })?.expiresAt).toEqual(new Date(1641554169000));
  });

  it('4.x reply (§3.3, §9.2): JWT, expiration as a Java date string', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0aWdlcmdyYXBoIiwiaWF0IjoxNzE5OTg3MTYyLCJleHAiOjE3MjA1OTE5NjcsImlzcyI6IlRpZ2VyR3JhcGgiLCJncmFwaCI6Ik15R3JhcGgifQ.sig';
    const reply = {
      expiration: 'Wed Jul 10 06:12:47 UTC 2024',
      error: false,
      message: 'Generate new JWT token successfully.',
      token: jwt,
    };
    const parsed = parseTokenReply(reply, { now: NOW });
    expect(parsed?.token).toBe(jwt);
    expect(parsed?.expiration).toBe('Wed Jul 10 06:12:47 UTC 2024');
    // The JWT's own exp claim (1720591967) wins over the date string, which depends on the server's zone.
    expect(parsed?.expiresAt).toEqual(new Date(1720591967 * 1000));
  });

  it('4.x reply whose token is not a JWT falls back to the date string', () => {
    const parsed = parseTokenReply(
      { expiration: 'Wed Jul 10 06:12:47 UTC 2024', error: false, message: '', results: { token: 'opaque' } },
      { now: NOW },
    );
    expect(parsed?.expiresAt.toISOString()).toBe('2024-07-10T06:12:47.000Z');
  });

  it('without expiration, expires after the requested (or default) lifetime', () => {
    expect(
      parseTokenReply({ token: 't', error: false }, { now: NOW, lifetimeSeconds: 60 })?.expiresAt,
    ).toEqual(new Date(NOW + 60_000));
    expect(
      parseTokenReply({ token: 't', error: false }, { now: NOW, defaultLifetimeSeconds: 2_592_000 })
        ?.expiresAt,
    ).toEqual(new Date(NOW + 2_592_000_000));
  });

  it('returns undefined when there is no token', () => {
    expect(parseTokenReply({ error: false, message: 'x' }, { now: NOW })).toBeUndefined();
    expect(parseTokenReply('text', { now: NOW })).toBeUndefined();
    expect(parseTokenReply({ token: '' }, { now: NOW })).toBeUndefined();
  });
});

describe('expirations', () => {
  it('parses Java Date.toString() in UTC, with offsets and US zone names', () => {
    expect(parseExpiration('Wed Jul 10 06:12:47 UTC 2024')?.toISOString()).toBe('2024-07-10T06:12:47.000Z');
    expect(parseExpiration('Wed Jul 10 06:12:47 PDT 2024')?.toISOString()).toBe('2024-07-10T13:12:47.000Z');
    expect(parseExpiration('not a date')).toBeUndefined();
  });

  it('accepts seconds, numeric strings and milliseconds; ignores -1', () => {
    expect(parseExpiration(1616042814)).toEqual(new Date(1616042814000));
    expect(parseExpiration('1616042814')).toEqual(new Date(1616042814000));
    expect(parseExpiration(1616042814000)).toEqual(new Date(1616042814000));
    expect(parseExpiration(-1)).toBeUndefined();
    expect(parseExpiration('')).toBeUndefined();
  });
});

describe('GSQL output of the 3.x shell', () => {
  it('finds the secret printed by CREATE SECRET', () => {
    expect(
      parseCreatedSecret(
        'The secret: n35lsqofc1if62fld2rmnb9hocqbh8ia has been created.\n__GSQL__RETURN__CODE__,0',
      ),
    ).toBe('n35lsqofc1if62fld2rmnb9hocqbh8ia');
    expect(parseCreatedSecret('The secret with alias HH already exists.')).toBeUndefined();
  });

  it('parses SHOW SECRET exactly as the reference prints it (§3.4)', () => {
    const text = [
      "Using graph 'Hogwarts'",
      '    - Secret: s7s****3k5',
      '      - Alias: HH',
      '      - GraphName: Hogwarts',
      '    - Secret: n35****8ia',
      '      - Alias: AUTO_GENERATED_ALIAS_K2J9QXA',
      '      - GraphName: Hogwarts',
      '__GSQL__RETURN__CODE__,0',
    ].join('\n');
    expect(parseShowSecrets(text)).toEqual([
      { alias: 'HH', value: 's7s****3k5', graph: 'Hogwarts' },
      { alias: 'AUTO_GENERATED_ALIAS_K2J9QXA', value: 'n35****8ia', graph: 'Hogwarts' },
    ]);
    expect(parseShowSecrets('')).toEqual([]);
  });
});
