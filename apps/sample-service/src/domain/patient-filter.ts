// Turns the caller's search parameters into RESTPP `select`/`filter`/`sort` values without ever
// splicing caller text into the filter: attribute names come from an allow-list, operators from a
// fixed set, and each value is checked against its attribute's type and re-written by us. String
// values may not hold `"`, `,` or `\` (RESTPP filters have no escape for them), so they are refused.
import { badRequest } from '../problems.js';
import { isCalendarDate } from './dates.js';

type AttrKind = 'string' | 'int' | 'datetime';

/** Patient attributes a caller may select and filter on: every attribute of the starter kit's
 * Patient, so that what a default listing returns (which selects exactly these) can be asked for. */
export const PATIENT_ATTRIBUTES: Readonly<Record<string, AttrKind>> = {
  patient_id: 'string',
  global_num: 'int',
  sex: 'string',
  birth_year: 'int',
  age: 'string',
  country: 'string',
  disease: 'string',
  infection_case: 'string',
  infection_order: 'int',
  contact_number: 'int',
  symptom_onset_date: 'datetime',
  confirmed_date: 'datetime',
  released_date: 'datetime',
  deceased_date: 'datetime',
  state: 'string',
};

export const OPERATORS = ['>=', '<=', '!=', '=', '>', '<'] as const;
type Operator = (typeof OPERATORS)[number];

const SAFE_STRING = /^[\p{L}\p{N} ._\-()/]{0,64}$/u;
const INT = /^-?\d{1,18}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;
/** Ids are RESTPP path segments and filter values: keep them to a conservative alphabet. */
export const PATIENT_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** One parsed condition (what the caller meant, checked). */
export interface Condition {
  attribute: string;
  operator: Operator;
  value: string;
}

/** Parses `birth_year>=1980` / `sex=female`; throws a 400 problem saying what is wrong. */
export function parseCondition(text: string, index: number): Condition {
  const at = `filter[${index}]`;
  const match = /^([a-z_]+)\s*(>=|<=|!=|=|>|<)\s*(.*)$/.exec(text.trim());
  if (!match) {
    throw badRequest(
      `${at} '${text}' is not a condition; write attribute, operator, value, e.g. birth_year>=1980`,
      [{ path: at, message: 'expected <attribute><operator><value> with operator one of = != > >= < <=' }],
    );
  }
  const [, attribute = '', operator = '=', raw = ''] = match;
  const kind = PATIENT_ATTRIBUTES[attribute];
  if (kind === undefined) {
    throw badRequest(
      `${at}: '${attribute}' cannot be filtered on; use one of ${Object.keys(PATIENT_ATTRIBUTES).join(', ')}`,
      [{ path: at, message: `unknown attribute '${attribute}'` }],
    );
  }
  const value = raw.trim();
  checkValue(kind, value, at, attribute);
  return { attribute, operator: operator as Operator, value };
}

function checkValue(kind: AttrKind, value: string, at: string, attribute: string): void {
  const fail = (message: string) => {
    throw badRequest(`${at}: ${message}`, [{ path: at, message }]);
  };
  if (kind === 'int' && !INT.test(value)) fail(`${attribute} takes a whole number, got '${value}'`);
  if (kind === 'datetime' && !DATETIME.test(value))
    fail(`${attribute} takes a date YYYY-MM-DD, got '${value}'`);
  if (kind === 'datetime' && !isCalendarDate(value))
    fail(`${attribute} takes a date on the calendar (YYYY-MM-DD), got ${value}`);
  if (kind === 'string' && !SAFE_STRING.test(value)) {
    fail(
      `${attribute} takes up to 64 letters, digits, spaces and . _ - ( ) /; quotes, commas and backslashes are not allowed`,
    );
  }
}

/** The condition in RESTPP syntax: strings and datetimes quoted, numbers bare. */
export function conditionText(c: Condition): string {
  const kind = PATIENT_ATTRIBUTES[c.attribute];
  return kind === 'int' ? `${c.attribute}${c.operator}${c.value}` : `${c.attribute}${c.operator}"${c.value}"`;
}

/** Checks a `select` list against the allow-list. */
export function parseSelect(list: readonly string[]): string[] {
  return list.map((name, i) => {
    if (PATIENT_ATTRIBUTES[name] === undefined) {
      throw badRequest(
        `select: '${name}' is not a patient attribute; use any of ${Object.keys(PATIENT_ATTRIBUTES).join(', ')}`,
        [{ path: `select[${i}]`, message: `unknown attribute '${name}'` }],
      );
    }
    return name;
  });
}

/**
 * Id-prefix search as a range on the primary id (RESTPP filters have no LIKE):
 * `patient_id>="100",patient_id<"101"` for prefix `100`.
 */
export function prefixConditions(prefix: string): Condition[] {
  const last = prefix.charCodeAt(prefix.length - 1);
  const upper = prefix.slice(0, -1) + String.fromCharCode(last + 1);
  return [
    { attribute: 'patient_id', operator: '>=', value: prefix },
    { attribute: 'patient_id', operator: '<', value: upper },
  ];
}
