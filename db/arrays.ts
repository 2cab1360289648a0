/**
 * A PostgreSQL array literal ("{1,NULL,\"a b\"}"), sent as ONE text parameter and cast in SQL
 * (`${pgArray(ids)}::int[]`). Bulk writers pass one parameter per column to `unnest(…)` instead
 * of one per value: far less work for the driver and the query builder, and no 65,535-parameter
 * limit. Works the same on postgres.js and PGlite.
 */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    if (v === null || v === undefined) out += "NULL";
    else if (typeof v === "string") out += `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    else if (typeof v === "number" && !Number.isFinite(v)) throw new RangeError(`pgArray: not a finite number: ${v}`);
    else out += String(v);
  }
  return out + "}";
}
