// `GET R/showlicenseinfo`: license status. Installs without an enterprise license answer REST-5000.

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { TigerGraphError } from '@tgraph/protocol/errors';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';

/** Option keys each function accepts (unknown ones are rejected). */
const GET_LICENSE_INFO_KEYS: readonly string[] = ABORT_KEYS;

/** License status. */
export interface LicenseInfo {
  /** False on installs without an enterprise license (REST-5000: community, developer, trial). */
  licensed: boolean;
  /** Expiration date as the server prints it. */
  expirationDate: string | undefined;
  /** Days until expiry; -1 when unlicensed. */
  daysRemaining: number;
  /** The server's message. */
  message: string;
}

const licenseReply = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.array(
    z.looseObject({
      'Expiration date': z.optional(z.string()),
      'Days remaining': z.optional(z.number()),
    }),
  ),
});

/**
 * License information (pyTigerGraph `getLicenseInfo`).
 *
 * @example
 * const { licensed, daysRemaining } = await getLicenseInfo(ctx);
 */
export async function getLicenseInfo(
  ctx: ApiContext<SchemaShape>,
  options: Omit<RequestOptions, 'graph'> = {},
): Promise<LicenseInfo> {
  checkOptions(options, GET_LICENSE_INFO_KEYS, 'getLicenseInfo');
  try {
    const reply = await callParsed(ctx, endpoints.licenseInfo, licenseReply, {
      ...abortOf(options),
      integers: 'number',
    });
    const first = reply.results[0];
    return {
      licensed: true,
      expirationDate: first?.['Expiration date'],
      daysRemaining: first?.['Days remaining'] ?? 0,
      message: reply.message ?? '',
    };
  } catch (error) {
    if (error instanceof TigerGraphError && error.code === 'REST-5000') {
      return {
        licensed: false,
        expirationDate: undefined,
        daysRemaining: -1,
        message: error.serverMessage ?? 'This instance does not have a valid enterprise license.',
      };
    }
    throw error;
  }
}
