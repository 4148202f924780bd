// Schema statements: CREATE VERTEX/EDGE/GRAPH, TYPEDEF TUPLE, DROP …, USE GRAPH, schema-change jobs.
import {
  type Catalog,
  type EdgeType,
  edgeTypesOf,
  type Graph,
  type SchemaChangeJob,
  type VertexType,
  vertexTypesOf,
} from '../store/catalog.js';
import { deleteVertex } from '../store/data.js';
import { buildEdgeTypes, buildVertexType, SemanticError } from '../store/ddl.js';
import type { EdgeDef, JobAction, Statement, VertexDef } from './ast.js';
import { dropAllLines, firstGraphLines } from './service-lines.js';
import { type GsqlSession, missingJob, StatementError } from './session.js';
import { applyVectorAction, checkVectorJob } from './vector-ddl.js';

type Of<K extends Statement['kind']> = Extract<Statement, { kind: K }>;

function nameInUse(cat: Catalog, name: string): boolean {
  if (cat.vertices.has(name) || cat.edges.has(name) || cat.udts.has(name) || cat.graphs.has(name))
    return true;
  for (const g of cat.graphs.values()) if (g.local.has(name)) return true;
  return false;
}

function semantic<T>(fn: () => T, failure: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SemanticError)
      throw new StatementError(`Semantic Check Fails: ${e.message}\n${failure}`);
    throw e;
  }
}

function checkVertexDef(cat: Catalog, def: VertexDef): void {
  if (nameInUse(cat, def.name)) {
    throw new SemanticError(
      `The vertex name ${def.name} is used by another object! Please use a different name.`,
    );
  }
}

function checkEdgeDef(cat: Catalog, def: EdgeDef): void {
  for (const n of [def.name, def.options.get('REVERSE_EDGE')]) {
    if (n !== undefined && nameInUse(cat, n)) {
      throw new SemanticError(`The edge name ${n} is used by another object! Please use a different name.`);
    }
  }
}

export function createVertex(s: GsqlSession, st: Of<'createVertex'>): void {
  const cat = s.state.catalog;
  const t = semantic(() => {
    checkVertexDef(cat, st.def);
    return buildVertexType(cat, st.def);
  }, `Failed to create vertex types: [${st.def.name}].`);
  cat.vertices.set(t.name, t);
  s.out.push(`Successfully created vertex types: [${t.name}].`);
}

export function createEdge(s: GsqlSession, st: Of<'createEdge'>): void {
  const cat = s.state.catalog;
  const types = semantic(() => {
    checkEdgeDef(cat, st.def);
    return buildEdgeTypes(cat, st.def, [...cat.vertices.keys()]);
  }, `Failed to create edge types: [${st.def.name}].`);
  for (const t of types) cat.edges.set(t.name, t);
  s.out.push(`Successfully created edge types: [${st.def.name}].`);
  if (types[1]) s.out.push(`Successfully created reverse edge types: [${types[1].name}].`);
}

export function typedef(s: GsqlSession, st: Of<'typedef'>): void {
  const cat = s.state.catalog;
  if (nameInUse(cat, st.udt.name)) {
    throw new StatementError(
      `Semantic Check Fails: The tuple name ${st.udt.name} is used by another object! Please use a different name.`,
    );
  }
  cat.udts.set(st.udt.name, st.udt);
  s.out.push(`Successfully created tuple types: [${st.udt.name}].`);
}

export function createGraph(s: GsqlSession, st: Of<'createGraph'>): void {
  const cat = s.state.catalog;
  const fail = (why: string) =>
    new StatementError(`Semantic Check Fails: ${why}\nThe graph ${st.name} could not be created!`);
  if (nameInUse(cat, st.name))
    throw fail(`The graph name ${st.name} is used by another object! Please use a different name.`);
  const vertexNames: string[] = [];
  const edgeNames: string[] = [];
  const names = st.all ? [...cat.vertices.keys(), ...cat.edges.keys()] : st.types;
  for (const n of names) {
    if (cat.vertices.has(n)) vertexNames.push(n);
    else if (cat.edges.has(n)) {
      edgeNames.push(n);
      const rev = cat.edges.get(n)?.reverseName;
      if (rev && !names.includes(rev) && cat.edges.get(rev)?.reverseOf === n) edgeNames.push(rev);
    } else throw fail(`The type ${n} does not exist.`);
  }
  for (const n of edgeNames) {
    const et = cat.edges.get(n) as EdgeType;
    const missing = et.pairs.find((p) => !vertexNames.includes(p.from) || !vertexNames.includes(p.to));
    if (missing) {
      throw fail(`The edge type ${n} needs vertex types ${missing.from} and ${missing.to} in the graph.`);
    }
  }
  firstGraphLines(s);
  cat.graphs.set(st.name, {
    name: st.name,
    vertexNames,
    edgeNames,
    local: new Map(),
    schemaVersion: 0,
    jobs: new Map(),
  });
  s.out.push(`The graph ${st.name} is created.`);
  // The GSQL shell then works in the new graph (a setup script's next statements are local to it).
  s.graph = st.name;
}

export function dropGraph(s: GsqlSession, st: Of<'dropGraph'>): void {
  const cat = s.state.catalog;
  const g = cat.graphs.get(st.name);
  if (!g) throw new StatementError(`Semantic Check Fails: The graph ${st.name} does not exist!`);
  cat.graphs.delete(st.name);
  s.state.stats.delete(st.name);
  if (st.cascade) dropUnsharedGlobalTypes(cat, g);
  if (s.graph === st.name) s.graph = undefined;
  s.out.push(`The graph ${st.name} is dropped.`);
}

/** CASCADE: the global types the dropped graph used that no other graph uses go with it. */
function dropUnsharedGlobalTypes(cat: Catalog, g: Graph): void {
  for (const n of g.edgeNames) if (graphsUsing(cat, n).length === 0) cat.edges.delete(n);
  for (const n of g.vertexNames) {
    if (graphsUsing(cat, n).length > 0 || !cat.vertices.has(n)) continue;
    cat.vertices.delete(n);
    for (const [en, et] of cat.edges)
      if (et.pairs.some((p) => p.from === n || p.to === n)) cat.edges.delete(en);
  }
}

export function useGraph(s: GsqlSession, st: Of<'useGraph'>): void {
  if (!s.state.catalog.graphs.has(st.name)) {
    throw new StatementError(`Semantic Check Fails: The graph ${st.name} does not exist.`);
  }
  s.graph = st.name;
  s.out.push(`Using graph '${st.name}'`);
}

function graphsUsing(cat: Catalog, name: string): string[] {
  return [...cat.graphs.values()]
    .filter((g) => g.vertexNames.includes(name) || g.edgeNames.includes(name))
    .map((g) => g.name);
}

export function dropTypes(s: GsqlSession, st: Of<'dropVertex'> | Of<'dropEdge'> | Of<'dropTuple'>): void {
  const cat = s.state.catalog;
  const kind = st.kind === 'dropVertex' ? 'vertex' : st.kind === 'dropEdge' ? 'edge' : 'tuple';
  const map: Map<string, unknown> = kind === 'vertex' ? cat.vertices : kind === 'edge' ? cat.edges : cat.udts;
  for (const n of st.names) {
    if (!map.has(n)) throw new StatementError(`Semantic Check Fails: The ${kind} type ${n} does not exist.`);
    const users = graphsUsing(cat, n);
    if (users.length > 0) {
      throw new StatementError(
        `Semantic Check Fails: The ${kind} type ${n} is used by graph ${users.join(', ')}. Please drop it from the graph first.`,
      );
    }
  }
  for (const n of st.names) {
    if (kind === 'vertex') {
      // Edges that point at a dropped vertex type go with it.
      for (const [en, et] of cat.edges)
        if (et.pairs.some((p) => p.from === n || p.to === n)) cat.edges.delete(en);
    }
    map.delete(n);
  }
  const label = kind === 'tuple' ? 'tuple types' : `${kind} types`;
  s.out.push(`Successfully dropped ${label}: [${st.names.join(', ')}].`);
}

export function dropAll(s: GsqlSession): void {
  const cat = s.state.catalog;
  dropAllLines(s, [...cat.graphs.keys()]);
  cat.vertices.clear();
  cat.edges.clear();
  cat.udts.clear();
  cat.graphs.clear();
  cat.globalJobs.clear();
  s.state.stats.clear();
  s.graph = undefined;
  s.out.push('Everything is dropped.');
}

export function clearStore(s: GsqlSession): void {
  const cat = s.state.catalog;
  const vertexTypes = new Set<VertexType>(cat.vertices.values());
  for (const g of cat.graphs.values()) for (const t of vertexTypesOf(cat, g)) vertexTypes.add(t);
  for (const t of vertexTypes) {
    t.data.clear();
    t.permanentlyDeleted.clear();
  }
  const edgeTypes = new Set<EdgeType>(cat.edges.values());
  for (const g of cat.graphs.values()) for (const t of edgeTypesOf(cat, g)) edgeTypes.add(t);
  for (const t of edgeTypes) {
    t.store.records.clear();
    t.store.bySource.clear();
    t.store.byTarget.clear();
  }
  s.out.push('Successfully cleared graph store.');
}

// ---- schema-change jobs ----------------------------------------------------------------------

function jobGraph(s: GsqlSession, name: string | undefined): Graph {
  const gname = name ?? s.graph;
  const g = gname === undefined ? undefined : s.state.catalog.graphs.get(gname);
  if (!g) {
    throw new StatementError(
      gname === undefined
        ? 'Semantic Check Fails: No graph is in use. Please specify a graph with FOR GRAPH or USE GRAPH.'
        : `Semantic Check Fails: The graph ${gname} does not exist.`,
    );
  }
  return g;
}

export function createSchemaJob(s: GsqlSession, st: Of<'createSchemaJob'>): void {
  const cat = s.state.catalog;
  checkVectorJob(s, st.actions);
  if (st.global) {
    cat.globalJobs.set(st.name, { name: st.name, graph: '', text: st.text, actions: st.actions });
    s.out.push(`Successfully created global schema change jobs: [${st.name}].`);
    return;
  }
  const g = jobGraph(s, st.graph);
  if (g.jobs.has(st.name))
    throw new StatementError(`Semantic Check Fails: The job name ${st.name} already exists.`);
  g.jobs.set(st.name, { name: st.name, graph: g.name, text: st.text, actions: st.actions });
  s.out.push(`Successfully created schema change jobs: [${st.name}].`);
}

const jobActions = (job: SchemaChangeJob): JobAction[] => job.actions;

export function runSchemaJob(s: GsqlSession, st: Of<'runSchemaJob'>): void {
  const cat = s.state.catalog;
  if (st.global) {
    const job = cat.globalJobs.get(st.name);
    if (!job) throw new StatementError(`Semantic Check Fails: The job ${st.name} does not exist.`);
    runActions(s, cat, undefined, jobActions(job));
    s.out.push('Global schema change succeeded.');
    return;
  }
  const g = jobGraph(s, undefined);
  const job = g.jobs.get(st.name);
  if (!job)
    throw new StatementError(`Semantic Check Fails: The job ${st.name} does not exist in graph ${g.name}.`);
  const before = g.schemaVersion;
  s.out.push(`Kick off schema change job ${st.name}`);
  s.out.push(`Doing schema change on graph '${g.name}' (current version: ${before})`);
  for (const a of jobActions(job)) {
    const line = addingLine(a, g.name);
    if (line !== undefined) s.out.push(line);
  }
  runActions(s, cat, g, jobActions(job));
  g.schemaVersion = before + 1;
  s.out.push('');
  s.out.push(`Graph ${g.name} updated to new version ${g.schemaVersion}`);
  s.out.push(`The job ${st.name} completes in 0.001 seconds!`);
  s.out.push('Local schema change succeeded.');
}

/** What TigerGraph prints for each type a local job adds, e.g. `Trying to add local edge 'E' and its
 * reverse edge 'rev_E' to the graph 'G'.` (the lines come before the new version is reported). */
function addingLine(a: JobAction, graph: string): string | undefined {
  if (a.kind === 'addVertex') return `Trying to add local vertex '${a.def.name}' to the graph '${graph}'.`;
  if (a.kind !== 'addEdge') return undefined;
  const rev = a.def.directed ? a.def.options.get('REVERSE_EDGE') : undefined;
  const also = rev === undefined ? '' : ` and its reverse edge '${rev}'`;
  return `Trying to add local edge '${a.def.name}'${also} to the graph '${graph}'.`;
}

function runActions(s: GsqlSession, cat: Catalog, g: Graph | undefined, actions: JobAction[]): void {
  const fail = (e: unknown): never => {
    if (e instanceof SemanticError)
      throw new StatementError(`Semantic Check Fails: ${e.message}\nSchema change failed.`);
    throw e;
  };
  try {
    for (const a of actions) applyAction(cat, g, a);
  } catch (e) {
    fail(e);
  }
  void s;
}

function applyAction(cat: Catalog, g: Graph | undefined, a: JobAction): void {
  if (applyVectorAction(cat, g, a)) return;
  switch (a.kind) {
    case 'addVertex': {
      checkVertexDef(cat, a.def);
      const t = buildVertexType(cat, a.def, g?.name);
      if (g) {
        g.local.set(t.name, t);
        g.vertexNames.push(t.name);
      } else cat.vertices.set(t.name, t);
      return;
    }
    case 'addEdge': {
      checkEdgeDef(cat, a.def);
      const names = g ? g.vertexNames : [...cat.vertices.keys()];
      for (const t of buildEdgeTypes(cat, a.def, names, g?.name)) {
        if (g) {
          g.local.set(t.name, t);
          g.edgeNames.push(t.name);
        } else cat.edges.set(t.name, t);
      }
      return;
    }
    case 'dropVertex':
    case 'dropEdge':
      for (const n of a.names) {
        if (!g) throw new SemanticError('DROP in a global job is not supported by the emulator.');
        const list = a.kind === 'dropVertex' ? g.vertexNames : g.edgeNames;
        const i = list.indexOf(n);
        if (i < 0) throw new SemanticError(`The type ${n} does not exist in graph ${g.name}.`);
        list.splice(i, 1);
        const local = g.local.get(n);
        if (local?.kind === 'vertex')
          for (const id of [...local.data.keys()]) deleteVertex(cat, local, id, false);
        g.local.delete(n);
      }
      return;
    case 'alterAddAttributes':
    case 'alterDropAttributes': {
      const t = g
        ? (g.local.get(a.type) ??
          (a.typeKind === 'vertex' ? cat.vertices.get(a.type) : cat.edges.get(a.type)))
        : undefined;
      if (!t || t.kind !== a.typeKind)
        throw new SemanticError(`The ${a.typeKind} type ${a.type} does not exist.`);
      if (a.kind === 'alterAddAttributes') {
        for (const attr of a.attributes) {
          if (t.attributes.some((x) => x.name === attr.name))
            throw new SemanticError(`The attribute ${attr.name} already exists in ${t.name}.`);
          t.attributes.push(attr);
        }
      } else {
        t.attributes = t.attributes.filter((x) => !a.names.includes(x.name));
      }
      return;
    }
  }
}

export function dropJob(s: GsqlSession, st: Of<'dropJob'>): void {
  // In the global scope (`USE GLOBAL`, no graph in use) DROP JOB names global schema-change jobs.
  if (s.graph === undefined) {
    dropNamed(s.state.catalog.globalJobs, st.names);
    s.out.push(`Successfully dropped jobs: [${st.names.join(', ')}].`);
    return;
  }
  const g = jobGraph(s, undefined);
  dropNamed(g.jobs, st.names);
  s.out.push(`Successfully dropped jobs on the graph '${g.name}': [${st.names.join(', ')}].`);
}

/** Drops every named job, or none when one of them is missing. */
function dropNamed(jobs: Map<string, unknown>, names: string[]): void {
  for (const n of names) {
    if (!jobs.has(n)) throw missingJob(n);
  }
  for (const n of names) jobs.delete(n);
}
