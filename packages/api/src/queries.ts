// Queries: run installed (GET/POST, typed parameters, detached), run interpreted, and manage the
// query catalogue (create, install, drop, list, describe), plus running-query control.
export * from './queries/async.js';
export * from './queries/descriptions.js';
export * from './queries/install.js';
export * from './queries/interpret.js';
export * from './queries/manage.js';
export * from './queries/params.js';
export * from './queries/run.js';
export * from './queries/running.js';
