// RESTPP utilities the core router does not serve: `GET /showlicenseinfo` (reference §4.1). The
// emulator imitates an enterprise install whose license runs one year past the emulator clock.
import type { EmuResponse } from '../http/types.js';
import type { RestCtx } from './context.js';
import { ok } from './envelope.js';
import { vectorStatus } from './vector.js';

const DAY_MS = 86_400_000;
const LICENSE_DAYS = 365;

/** A RESTPP route (same shape as the core router's). */
export interface ExtraRoute {
  template: string;
  graph: string | undefined;
  run: () => EmuResponse;
}

function licenseInfo(ctx: RestCtx): EmuResponse {
  const expires = new Date(ctx.state.clock.now() + LICENSE_DAYS * DAY_MS);
  return ok([{ 'Expiration date': expires.toUTCString(), 'Days remaining': LICENSE_DAYS }], {
    code: 'REST-0000',
  });
}

/** Routes for paths the core router does not know; undefined when none matches. */
export function restppSystemExtra(ctx: RestCtx): ExtraRoute | undefined {
  const s = ctx.segments;
  const m = ctx.req.method;
  if (s[0] === 'showlicenseinfo' && s.length === 1 && m === 'GET') {
    return { template: 'GET /showlicenseinfo', graph: undefined, run: () => licenseInfo(ctx) };
  }
  if (s[0] === 'vector' && s[1] === 'status' && s.length <= 5 && m === 'GET') {
    const graph = s[2];
    return {
      template: 'GET /vector/status',
      graph,
      run: () => vectorStatus({ ...ctx, segments: s.slice(1) }),
    };
  }
  return undefined;
}
