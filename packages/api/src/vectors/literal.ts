// A number as a GSQL FLOAT literal: plain decimal digits, since GSQL's lexer reads `1e-7` as the
// integer `1` followed by an identifier. JavaScript's shortest round-trip digits are kept.

/** `1e-7` → `0.0000001`, `2.5e21` → `2500000000000000000000`, `-0.5` → `-0.5`. */
export function gsqlFloat(x: number): string {
  const text = String(x);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const sign = text.startsWith('-') ? '-' : '';
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
