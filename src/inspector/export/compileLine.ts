/**
 * The `model.compile(...)` line for a model file's training settings: Keras 3's `compile_config`
 * (config.json of a .keras) or a legacy .h5's `training_config` (Keras 2's optimizer_config). The
 * optimizer with its learning rate, the loss and the metrics; anything else (loss weights,
 * schedules, custom objects) is left out and said so in a comment.
 */
import { pythonString } from './python';
import { inspectorExport as X } from '../../i18n/messages/inspector-export';

const OPTIMIZERS = new Set(['SGD', 'RMSprop', 'Adam', 'AdamW', 'Adadelta', 'Adagrad', 'Adamax', 'Adafactor', 'Nadam', 'Ftrl', 'Lion', 'Lamb']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shortest decimal that is the same float32 (Keras stores 0.001 as 0.0010000000474974513). */
export function float32Text(x: number): string {
  const f = Math.fround(x);
  for (let p = 1; p <= 17; p++) {
    const s = Number(x.toPrecision(p));
    if (Math.fround(s) === f) return String(s);
  }
  return String(x);
}

/** keras.optimizers.Adam(learning_rate=0.001), or null when the config names no known optimizer. */
function optimizerText(opt: unknown): { text: string | null; note: string | null } {
  if (typeof opt === 'string') return { text: pythonString(opt), note: null };
  if (!isObj(opt) || typeof opt.class_name !== 'string') return { text: null, note: null };
  const cls = opt.class_name;
  if (!OPTIMIZERS.has(cls)) return { text: null, note: X.optimizerNotWritten(cls) };
  // Keras 2 before 2.3 wrote the learning rate as "lr".
  const lr = isObj(opt.config) ? opt.config.learning_rate ?? opt.config.lr : undefined;
  if (typeof lr === 'number' && Number.isFinite(lr)) return { text: `keras.optimizers.${cls}(learning_rate=${float32Text(lr)})`, note: null };
  return { text: `keras.optimizers.${cls}()`, note: lr === undefined ? null : X.scheduleNotWritten };
}

/** A loss as a string, or a loss class with from_logits when the file says so. */
function lossText(loss: unknown): string | null {
  if (typeof loss === 'string') return pythonString(loss);
  if (isObj(loss) && typeof loss.class_name === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(loss.class_name)) {
    const fromLogits = isObj(loss.config) && loss.config.from_logits === true;
    return `keras.losses.${loss.class_name}(${fromLogits ? 'from_logits=True' : ''})`;
  }
  return null;
}

/** Metric names (legacy files nest them in lists; objects carry their name in config). */
function metricNames(metrics: unknown): string[] {
  if (!Array.isArray(metrics)) return [];
  return metrics.flat(3).flatMap((m): string[] => {
    if (typeof m === 'string') return [m];
    if (isObj(m) && isObj(m.config) && typeof m.config.name === 'string') return [m.config.name];
    return [];
  });
}

export interface CompileLine {
  line: string;
  /** What the file's settings hold that the line leaves out, in words; null when nothing. */
  note: string | null;
}

/** The compile line for a file's training settings, or null when they name no loss. */
export function compileLine(config: unknown): CompileLine | null {
  if (!isObj(config)) return null;
  const loss = lossText(config.loss);
  if (!loss) return null;
  // Keras 3: compile_config.optimizer; Keras 2 .h5: training_config.optimizer_config.
  const opt = optimizerText(config.optimizer ?? config.optimizer_config);
  const args: string[] = [];
  if (opt.text) args.push(`optimizer=${opt.text}`);
  args.push(`loss=${loss}`);
  const metrics = metricNames(config.metrics);
  if (metrics.length) args.push(`metrics=[${metrics.map(pythonString).join(', ')}]`);
  const notes: string[] = [];
  if (opt.note) notes.push(opt.note);
  else if (!opt.text) notes.push(X.noOptimizer);
  if (config.loss_weights != null) notes.push(X.lossWeightsNotWritten);
  return { line: `model.compile(${args.join(', ')})`, note: notes.length ? notes.join('; ') : null };
}
