// A user-defined tuple as a plain object (part of the schema model; `listUdts` returns it too).
import type { Udt } from '@tgraph/protocol';

/** A user-defined tuple (`TYPEDEF TUPLE<…>`). */
export interface UdtModel {
  name: string;
  fields: { name: string; type: string; length: number | undefined }[];
}

/** Converts one UDT of `udtlist` / `udt/tuples`. */
export function udtModel(u: Udt): UdtModel {
  return {
    name: u.name,
    fields: u.fields.map((f) => ({ name: f.fieldName, type: f.fieldType, length: f.length })),
  };
}
