import neo4j from 'neo4j-driver';

/** Converts driver values (Integer, temporal types, nodes) into plain JSON-able values. */
export function toNative(value: unknown): any {
  if (value === null || value === undefined) return null;
  // Most values of an answer are strings and numbers: they need none of the driver's type checks.
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return (value as any).toNumber();
  if (neo4j.isDate(value as any)) return (value as any).toString();
  if (neo4j.isDateTime(value as any) || neo4j.isLocalDateTime(value as any)) return new Date((value as any).toString()).toISOString();
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    const v = value as any;
    if (v.constructor?.name === 'Node' && v.properties) return toNative(v.properties);
    if (v.constructor?.name === 'Relationship' && v.properties) return toNative(v.properties);
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(v)) out[k] = toNative(inner);
    return out;
  }
  return value;
}
