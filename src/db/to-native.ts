import neo4j from 'neo4j-driver';

/**
 * Converts driver values (Integer, temporal types, nodes) into plain JSON-able values.
 *
 * Plain objects and arrays are converted in place: they are the driver's freshly decoded
 * record, owned by the caller, and a copy of every map of a large answer was a good part of
 * the garbage a read made. Driver objects (Integer, Date, Node, Relationship) are replaced.
 */
export function toNative(value: unknown): any {
  if (value === null || value === undefined) return null;
  // Most values of an answer are strings and numbers: they need none of the driver's type checks.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item === 'object') value[i] = toNative(item);
      else if (item === undefined) value[i] = null;
    }
    return value;
  }
  const v = value as Record<string, unknown>;
  if (Object.getPrototypeOf(v) === Object.prototype) {
    for (const key in v) {
      const inner = v[key];
      if (inner !== null && typeof inner === 'object') v[key] = toNative(inner);
      else if (inner === undefined) v[key] = null;
    }
    return v;
  }
  if (neo4j.isInt(v)) return (v as any).toNumber();
  if (neo4j.isDate(v as any)) return v.toString();
  if (neo4j.isDateTime(v as any) || neo4j.isLocalDateTime(v as any)) return new Date(v.toString()).toISOString();
  const name = v.constructor?.name;
  if ((name === 'Node' || name === 'Relationship') && v.properties) return toNative({ ...(v.properties as object) });
  const out: Record<string, unknown> = {};
  for (const [k, inner] of Object.entries(v)) out[k] = toNative(inner);
  return out;
}
