// std::hash<std::string> as GCC's libstdc++ computes it on 64-bit Linux (TigerGraph's platform):
// _Hash_bytes over the bytes with seed 0xc70f6907, a MurmurHash2 64-bit variant. The library's
// tg_hash_label UDF returns std::to_string of it, so the emulator can give the same labels.
const MASK = (1n << 64n) - 1n;
const MUL = (0xc6a4a793n << 32n) + 0x5bd1e995n;
const SEED = 0xc70f6907n;

const shiftMix = (v: bigint) => v ^ (v >> 47n);

/** Little-endian value of `n` bytes from `at` (1 ≤ n ≤ 8). */
function load(bytes: Uint8Array, at: number, n: number): bigint {
  let r = 0n;
  for (let i = n - 1; i >= 0; i--) r = (r << 8n) | BigInt(bytes[at + i] as number);
  return r;
}

/** libstdc++ `std::hash<std::string>{}(s)` for the UTF-8 bytes of `s`, as an unsigned 64-bit value. */
export function stdHashString(s: string): bigint {
  const bytes = new TextEncoder().encode(s);
  const len = bytes.length;
  const aligned = len & ~7;
  let hash = (SEED ^ ((BigInt(len) * MUL) & MASK)) & MASK;
  for (let p = 0; p < aligned; p += 8) {
    const data = (shiftMix((load(bytes, p, 8) * MUL) & MASK) * MUL) & MASK;
    hash = ((hash ^ data) * MUL) & MASK;
  }
  if ((len & 7) !== 0) hash = ((hash ^ load(bytes, aligned, len & 7)) * MUL) & MASK;
  hash = (shiftMix(hash) * MUL) & MASK;
  return shiftMix(hash);
}
