// JSON text that keeps 64-bit integers: bigint values are written as JSON integers, digit for digit.

export function toJson(value: unknown, indent = 0): string {
  const marks: string[] = [];
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'bigint') {
        marks.push(v.toString());
        return `\u0000bigint${marks.length - 1}\u0000`;
      }
      if (v instanceof Map) return Object.fromEntries(v);
      if (v instanceof Set) return [...v];
      return v;
    },
    indent,
  );
  if (text === undefined) return 'null';
  return marks.length === 0
    ? text
    : text.replace(/"\\u0000bigint(\d+)\\u0000"/g, (_m, i: string) => marks[Number(i)]!);
}
