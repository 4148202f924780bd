// The `profile` vector attribute on Patient, filled once per process: the first similarity request
// adds the attribute when the schema lacks it (a global schema change, as Patient is a global type
// in the starter kit), writes every patient's profile with tg.vectors.upsert in batches, and makes
// sure the installed query that tg.vectors.search runs is there (TigerGraph runs vectorSearch only
// in installed queries; installing one takes tens of seconds to minutes on a server, once).
// Patients changed later get their profile rewritten when they are the subject of a request.
import type { TigerGraphClient } from 'tgraph';
import { PROFILE_ATTRIBUTE, PROFILE_DIMENSION, PROFILE_SOURCES, patientProfile } from './domain/profile.js';
import type { Logger } from './logger.js';

const ADD_PROFILE = `ALTER VERTEX Patient ADD VECTOR ATTRIBUTE ${PROFILE_ATTRIBUTE}(DIMENSION=${PROFILE_DIMENSION}, METRIC="COSINE")`;

/** Indexes once per process: concurrent first requests share one run; a failure is retried next time. */
export class ProfileIndex {
  private ready: Promise<void> | undefined;
  private done = false;

  constructor(private readonly logger: Logger) {}

  ensure(tg: TigerGraphClient): Promise<void> {
    if (this.done) return Promise.resolve();
    this.ready ??= this.build(tg).then(
      () => {
        this.done = true;
        this.ready = undefined;
      },
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  private async build(tg: TigerGraphClient): Promise<void> {
    const started = performance.now();
    const vectors = await tg.vertices.vectors('Patient', { refresh: true });
    if (!vectors.some((v) => v.Name === PROFILE_ATTRIBUTE)) {
      // Before 4.2 there is no /vector/status: TG-UNSUPPORTED, which the route answers with 501.
      await tg.vectors.status();
      await tg.schema.runSchemaChange([ADD_PROFILE], { global: true });
      this.logger.info('added the patient profile vector attribute', { dimension: PROFILE_DIMENSION });
    }
    const patients = await tg.vertices.get('Patient', { select: [...PROFILE_SOURCES] });
    const rows = patients.map((p) => ({ id: p.v_id, vector: patientProfile(p.attributes) }));
    const written = await tg.vectors.upsert('Patient', PROFILE_ATTRIBUTE, rows, { batchSize: 500 });
    const queries = await tg.vectors.installQueries({ type: 'Patient', attribute: PROFILE_ATTRIBUTE });
    this.logger.info('indexed patient profiles', {
      patients: written.accepted_vertices,
      installedQueries: queries.filter((q) => !q.alreadyInstalled).map((q) => q.name),
      durationMs: Math.round(performance.now() - started),
    });
  }
}
