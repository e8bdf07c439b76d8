/** Relay global ids: opaque base64 of "Entity:<key>" (or "Claim:<key>"). */
export function toGlobalId(kind: 'Entity' | 'Claim', key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string): { kind: string; key: string } | null {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const i = decoded.indexOf(':');
  if (i <= 0) return null;
  const kind = decoded.slice(0, i);
  if (kind !== 'Entity' && kind !== 'Claim') return null;
  return { kind, key: decoded.slice(i + 1) };
}
