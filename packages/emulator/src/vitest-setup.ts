// vitest globalSetup: one control server for the test run, its URL provided as `tgraphControlUrl`.
import { type ControlServer, startControlServer } from './control.js';

/** The part of vitest's TestProject this module uses (typed structurally; vitest is not imported). */
export interface ProvidingProject {
  provide(key: string, value: unknown): void;
}

let control: ControlServer | undefined;

export async function setup(project: ProvidingProject): Promise<() => Promise<void>> {
  control = await startControlServer({ port: 0 });
  project.provide('tgraphControlUrl', control.url);
  return teardown;
}

export async function teardown(): Promise<void> {
  const c = control;
  control = undefined;
  await c?.stop();
}
