// Loading statistics as TigerGraph reports them: the flat ≤3.8 form and the 3.9+/4.x
// `parsingStatistics.fileLevel/objectLevel` form (reference §4.7, §9.8).

export interface ObjectStats {
  typeName: string;
  validObject: number;
  passedCondition: number;
  failedCondition: number;
  noIdFound: number;
  invalidAttribute: number;
  invalidPrimaryId: number;
  invalidSecondaryId: number;
  invalidVertexType: number;
  incorrectFixedBinaryLength: number;
  /** Up to MAX_SAMPLES rejected lines (≤3.8 `invalidAttributeLinesData`). */
  invalidAttributeLinesData: string[];
}

export interface FileStats {
  validLine: number;
  rejectLine: number;
  notEnoughToken: number;
  badCharacter: number;
  tokenExceedsBuffer: number;
  emptyLine: number;
  failedConditionLine: number;
  invalidJson: number;
  vertex: ObjectStats[];
  edge: ObjectStats[];
}

export const MAX_SAMPLES = 10;

export function newFileStats(): FileStats {
  return {
    validLine: 0,
    rejectLine: 0,
    notEnoughToken: 0,
    badCharacter: 0,
    tokenExceedsBuffer: 0,
    emptyLine: 0,
    failedConditionLine: 0,
    invalidJson: 0,
    vertex: [],
    edge: [],
  };
}

export function objectStats(list: ObjectStats[], typeName: string): ObjectStats {
  let s = list.find((x) => x.typeName === typeName);
  if (!s) {
    s = {
      typeName,
      validObject: 0,
      passedCondition: 0,
      failedCondition: 0,
      noIdFound: 0,
      invalidAttribute: 0,
      invalidPrimaryId: 0,
      invalidSecondaryId: 0,
      invalidVertexType: 0,
      incorrectFixedBinaryLength: 0,
      invalidAttributeLinesData: [],
    };
    list.push(s);
  }
  return s;
}

/** Adds `b` into `a` (aggregating several files of one job run). */
export function mergeStats(a: FileStats, b: FileStats): void {
  for (const k of [
    'validLine',
    'rejectLine',
    'notEnoughToken',
    'badCharacter',
    'tokenExceedsBuffer',
    'emptyLine',
    'failedConditionLine',
    'invalidJson',
  ] as const)
    a[k] += b[k];
  for (const kind of ['vertex', 'edge'] as const) {
    for (const o of b[kind]) {
      const t = objectStats(a[kind], o.typeName);
      for (const k of OBJECT_COUNTERS) t[k] += o[k];
    }
  }
}

const OBJECT_COUNTERS = [
  'validObject',
  'passedCondition',
  'failedCondition',
  'noIdFound',
  'invalidAttribute',
  'invalidPrimaryId',
  'invalidSecondaryId',
  'invalidVertexType',
  'incorrectFixedBinaryLength',
] as const;

function legacyObject(o: ObjectStats): Record<string, unknown> {
  const out: Record<string, unknown> = {
    typeName: o.typeName,
    validObject: o.validObject,
    noIdFound: o.noIdFound,
    invalidAttribute: o.invalidAttribute,
    invalidVertexType: o.invalidVertexType,
    invalidPrimaryId: o.invalidPrimaryId,
    invalidSecondaryId: o.invalidSecondaryId,
    incorrectFixedBinaryLength: o.incorrectFixedBinaryLength,
  };
  if (o.invalidAttributeLinesData.length > 0) out['invalidAttributeLinesData'] = o.invalidAttributeLinesData;
  return out;
}

/** ≤3.8: `statistics` is one flat object. */
export function legacyStatistics(s: FileStats): Record<string, unknown> {
  return {
    validLine: s.validLine,
    rejectLine: s.rejectLine,
    failedConditionLine: s.failedConditionLine,
    notEnoughToken: s.notEnoughToken,
    invalidJson: s.invalidJson,
    oversizeToken: s.tokenExceedsBuffer,
    vertex: s.vertex.map(legacyObject),
    edge: s.edge.map(legacyObject),
    deleteVertex: [],
    deleteEdge: [],
  };
}

function modernObject(o: ObjectStats): Record<string, unknown> {
  return {
    typeName: o.typeName,
    validObject: o.validObject,
    passedCondition: o.passedCondition,
    failedCondition: o.failedCondition,
    invalidPrimaryId: o.invalidPrimaryId,
    noIdFound: o.noIdFound,
    invalidAttribute: o.invalidAttribute,
    incorrectFixedBinaryLength: o.incorrectFixedBinaryLength,
    invalidVertexType: o.invalidVertexType,
  };
}

/** 3.9+ / 4.x: `{fileLevel, objectLevel}` (the value of `parsingStatistics`, and of job-status `statistics`). */
export function modernStatistics(s: FileStats): Record<string, unknown> {
  return {
    fileLevel: {
      validLine: s.validLine,
      rejectLine: s.rejectLine,
      notEnoughToken: s.notEnoughToken,
      badCharacter: s.badCharacter,
      tokenExceedsBuffer: s.tokenExceedsBuffer,
      emptyLine: s.emptyLine,
    },
    objectLevel: { vertex: s.vertex.map(modernObject), edge: s.edge.map(modernObject) },
  };
}

/** Whether a version reports the 3.9+ form. */
export const modernStats = (major: number, minor: number): boolean => major > 3 || minor >= 9;
