/** tfjs-free, so the Keras code and summary can be written without loading the trace's tfjs side first. */

/** Keras JSON spelling of a tfjs config: camelCase keys -> snake_case, recursively. */
export function toSnakeConfig(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSnakeConfig);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()] =
        k === 'className' ? v : toSnakeConfig(v);
    }
    return out;
  }
  return value;
}
