/**
 * The one error type a model file can produce: its message is written for a course participant;
 * what went wrong underneath (a jsfive RangeError, a tfjs ValueError) is kept as `cause` for
 * developers and never shown as the message.
 */
export class ModelFileError extends Error {
  /** The layer the problem is in, when there is one. */
  readonly layer: string | null;

  constructor(message: string, layer: string | null = null, options?: { cause?: unknown }) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'ModelFileError';
    this.layer = layer;
  }
}

/**
 * Texts of JavaScript's own errors and of library internals: they name no problem a user can act
 * on ("Offset is outside the bounds of the DataView", "undefined is not iterable"), so they never
 * go into a message.
 */
const RAW_TEXT = [
  /outside the bounds/i, /is not iterable/i, /cannot read propert/i, /is not a function/i, /is not defined/i,
  /\bundefined\b/, /\bnull \(reading/i, /invalid (typed )?array length/i, /maximum call stack/i,
  /unexpected (token|end of)/i, /array buffer allocation/i, /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/,
  /\bNaN\b/, /\[object \w+\]/, /\bDataView\b/, /\bout of (memory|range|bounds)\b/i, /offset/i, /\bbyteLength\b/,
  /\bbuffer\b/i, /\bnot implemented\b/i, /\bassert/i,
];

/** True when `text` reads like a JavaScript or library internal rather than a problem in the user's words. */
export function isRawErrorText(text: string): boolean {
  return RAW_TEXT.some((re) => re.test(text));
}

/** JavaScript's own error classes: bugs or internals underneath, whatever their text says. */
function isEngineError(err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError || err instanceof EvalError || err instanceof URIError;
}

/**
 * Anything thrown that is not already a ModelFileError becomes one. `context` is a full sentence
 * in the user's words (it must stand on its own); a library's own explanation (e.g. tfjs' "Unknown
 * layer: Foo") is added in parentheses, a JavaScript-internal text never is. The original is `cause`.
 */
export function asModelFileError(err: unknown, context: string): ModelFileError {
  if (err instanceof ModelFileError) return err;
  const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const sentence = /[.!?]$/.test(context) ? context : `${context}.`;
  if (!detail || isEngineError(err) || isRawErrorText(detail)) return new ModelFileError(sentence, null, { cause: err });
  const short = detail.length > 300 ? `${detail.slice(0, 300)}…` : detail;
  return new ModelFileError(`${sentence.slice(0, -1)} (${short}).`, null, { cause: err });
}
