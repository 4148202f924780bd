// The six comparison operators shared by loading-job WHERE, the shell's built-in SELECT and
// RESTPP filters, applied to a three-way comparison result (negative, zero, positive).
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Whether `cmp` (left compared with right) satisfies `op`. */
export function compareHolds(op: CompareOp, cmp: number): boolean {
  switch (op) {
    case '==':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    default:
      return cmp >= 0;
  }
}
