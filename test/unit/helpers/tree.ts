// Parse trees in assertions: the model's parent links make trees cyclic, so they are compared
// without them.

/** Deep copy without parent links. */
export function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'parent') out[k] = strip(v);
  return out;
}
