// ArrayAccum<Acc> @@a[d1][d2]…: a fixed-shape array of accumulators of one type. Elements are read
// and written as `@@a[i][j]` (`=`, `+=` as the element accumulator does), `.reallocate(d1, …)` gives
// a new shape with every element fresh, `@@a = @@b` copies shape and values
// and `@@a += @@b` accumulates element by element (the shapes must match). Printed as nested arrays.
import { type AccInput, Accum, QueryRuntimeError } from './accum.js';
import type { QV } from './values.js';

export class ArrayAccum extends Accum {
  private dims: number[] = [];
  private cells: Accum[] = [];

  constructor(private readonly make: () => Accum) {
    super();
  }

  reallocate(dims: number[]): void {
    for (const d of dims)
      if (!Number.isInteger(d) || d < 0)
        throw new QueryRuntimeError(`Runtime Error: ArrayAccum dimension ${d} is not a size.`);
    this.dims = dims;
    const n = dims.reduce((a, b) => a * b, dims.length === 0 ? 0 : 1);
    this.cells = Array.from({ length: n }, () => this.make());
  }

  /** The element at `indices` (one per dimension). */
  cell(indices: number[]): Accum {
    if (indices.length !== this.dims.length)
      throw new QueryRuntimeError(
        `Runtime Error: ArrayAccum has ${this.dims.length} dimensions, indexed with ${indices.length}.`,
      );
    let flat = 0;
    indices.forEach((i, k) => {
      const d = this.dims[k] as number;
      if (!Number.isInteger(i) || i < 0 || i >= d)
        throw new QueryRuntimeError(`Runtime Error: ArrayAccum index ${i} is out of range [0, ${d}).`);
      flat = flat * d + i;
    });
    return this.cells[flat] as Accum;
  }

  get(): QV {
    const build = (k: number, at: number): QV[] => {
      const d = this.dims[k] as number;
      const stride = this.dims.slice(k + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: d }, (_, i) =>
        k === this.dims.length - 1 ? (this.cells[at + i] as Accum).get() : build(k + 1, at + i * stride),
      );
    };
    return this.dims.length === 0 ? [] : build(0, 0);
  }

  /** How deep a value's nesting is the array's own: all of it, unless elements are lists too. */
  private rank(): number {
    return Array.isArray(this.make().get()) ? this.dims.length : Number.POSITIVE_INFINITY;
  }

  /** `@@a = @@b`: the shape and the values of b. */
  set(x: QV): void {
    const depth = this.rank();
    this.reallocate(shapeOf(x, depth));
    leaves(x, depth).forEach((v, i) => {
      (this.cells[i] as Accum).set(v);
    });
  }

  /** `@@a += @@b`: element by element, same shape. */
  add(x: AccInput): void {
    const depth = this.rank();
    const shape = shapeOf(x as QV, depth);
    if (shape.join('x') !== this.dims.join('x'))
      throw new QueryRuntimeError(
        `Runtime Error: ArrayAccum of shape [${this.dims.join('][')}] cannot add one of shape [${shape.join('][')}].`,
      );
    leaves(x as QV, depth).forEach((v, i) => {
      (this.cells[i] as Accum).add(v);
    });
  }

  /** `@@a + @@b`: a new array, element by element (same shape), as the docs' array_accum_op3 shows. */
  plus(other: ArrayAccum): QV {
    const sum = new ArrayAccum(this.make);
    sum.set(this.get());
    sum.add(other.get());
    return sum.get();
  }

  override method(name: string, args: QV[]): QV | undefined {
    switch (name.toLowerCase()) {
      case 'reallocate':
        // .reallocate() sizes each dimension again; it cannot change how many there are.
        if (args.length !== this.dims.length)
          throw new QueryRuntimeError(
            `Runtime Error: ArrayAccum.reallocate() takes ${this.dims.length} sizes, got ${args.length}.`,
          );
        this.reallocate(args.map((a) => Number(a)));
        return null;
      case 'size':
        // Every element of every dimension: [3][4] has 12.
        return BigInt(this.cells.length);
      default:
        return undefined;
    }
  }
}

/** The dimensions of a nested array value (the first element's, level by level, `depth` at most). */
function shapeOf(x: QV, depth: number): number[] {
  const out: number[] = [];
  let v: QV = x;
  while (Array.isArray(v) && out.length < depth) {
    out.push(v.length);
    v = v.length > 0 ? (v[0] as QV) : null;
  }
  return out;
}

function leaves(x: QV, depth: number): QV[] {
  return Array.isArray(x) && depth > 0 ? x.flatMap((y) => leaves(y as QV, depth - 1)) : [x];
}
