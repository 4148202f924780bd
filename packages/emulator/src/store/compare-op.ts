// The six comparison operators that GSQL's loading-job WHERE and the shell's built-in SELECT share,
// applied to a three-way comparison result (negative, zero, positive).
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
