/** The one error type a model file can produce: its message is written for a course participant. */
export class ModelFileError extends Error {
  /** The layer the problem is in, when there is one. */
  readonly layer: string | null;

  constructor(message: string, layer: string | null = null) {
    super(message);
    this.name = 'ModelFileError';
    this.layer = layer;
  }
}

/** Runs `fn`; anything it throws that is not already a ModelFileError becomes one with `context`. */
export function asModelFileError(err: unknown, context: string): ModelFileError {
  if (err instanceof ModelFileError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  const short = detail.length > 300 ? `${detail.slice(0, 300)}…` : detail;
  return new ModelFileError(`${context} (${short || 'no details'})`);
}
