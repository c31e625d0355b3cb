/**
 * Keras' random augmentation layers (RandomFlip, RandomRotation, RandomZoom, ...): they change the
 * image only while training, so at inference they pass it through unchanged. RandomCrop differs:
 * at inference Keras resizes and centre-crops to its height x width (the largest window with the
 * target's aspect ratio), which is the identity only when the sizes already agree; otherwise there
 * is no reference here and the step says so.
 */
import { defaultRoles } from '../axes';
import { NoReferenceError } from '../check';
import type { LayerKind, PythonPart } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor, TraceStep } from '../types';
import { requireInputs } from './util';
import { dataFormat } from './window';

/** Keras 2 and 3 image/data augmentation layers that are the identity at inference. */
export const AUGMENTATION_CLASSES = [
  'RandomFlip',
  'RandomRotation',
  'RandomZoom',
  'RandomTranslation',
  'RandomContrast',
  'RandomBrightness',
  'RandomHeight',
  'RandomWidth',
  'RandomHue',
  'RandomSaturation',
  'RandomGrayscale',
  'RandomSharpness',
  'RandomShear',
  'RandomColorJitter',
  'RandomColorDegeneration',
  'RandomPerspective',
  'RandomInvert',
  'RandomPosterization',
  'RandomErasing',
  'RandomGaussianBlur',
  'RandomElasticTransform',
  'RandomCrop',
] as const;

function sameSize(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** RandomCrop's target (height, width) from its config. */
function cropSize(config: Record<string, unknown>): [number, number] | null {
  const h = config.height;
  const w = config.width;
  return typeof h === 'number' && typeof w === 'number' ? [h, w] : null;
}

const python: PythonPart = {
  fn: 'run_augmentation',
  configKeys: ['height', 'width', 'data_format'],
  code: `def run_augmentation(layer, inputs):
    # Random augmentation (RandomFlip, RandomZoom, ...) only acts while training: at prediction
    # time the image passes through unchanged.
    config = layer["config"]
    x = inputs[0]
    first = config.get("data_format") in ("channels_first", "channelsFirst")
    hw = tuple(x.shape[-2:]) if first else tuple(x.shape[-3:-1])
    if layer["class_name"] == "RandomCrop" and hw != (config.get("height"), config.get("width")):
        raise NotImplementedError(f"layer {layer['name']!r}: RandomCrop to another size resizes at inference")
    return x
`,
};

function identity(className: string): LayerKind {
  return {
    classNames: [className],
    python,
    reference(inputs, _params, config): Tensor {
      requireInputs(inputs, 1, className);
      const x = inputs[0];
      if (className === 'RandomCrop') {
        const target = cropSize(config);
        const hw = dataFormat(config) === 'channels_first' ? x.shape.slice(-2) : x.shape.slice(-3, -1);
        if (target && !sameSize(hw, target)) {
          throw new NoReferenceError(
            L.augmentation.cropNoReference(target, hw),
          );
        }
      }
      return { shape: [...x.shape], values: Float32Array.from(x.values) };
    },
    explain(step: TraceStep) {
      const crop = className === 'RandomCrop';
      return {
        kind: 'identity',
        title: L.title(className, step.name),
        formula: `${outputLabel(step)} = ${inputLabel(step, 0)}`,
        shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
        notes: [
          L.augmentation.what(className),
          crop ? L.augmentation.cropInference : L.augmentation.inference,
        ],
        className,
        reason: L.augmentation.reason,
      };
    },
    axes(step) {
      const roles = defaultRoles(step.inputs[0].shape.length);
      return { inputs: [roles], params: {}, output: roles };
    },
  };
}

export const augmentationKinds: LayerKind[] = AUGMENTATION_CLASSES.map(identity);
