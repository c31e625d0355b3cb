/**
 * Keras' random augmentation layers (RandomFlip, RandomRotation, RandomZoom, ...) change images only
 * while training; at inference (predict, evaluate, the trace) each one returns its input unchanged.
 * tfjs 4.22 does not know most of them ("Unknown layer: RandomFlip"), and its own RandomWidth and
 * RandomHeight resize even at inference, unlike Keras. So each is registered here as a layer that is
 * the identity, keeping its Keras class name (the trace shows it, the inspector explains it) and its
 * configuration (so an export writes it back as it came).
 *
 * RandomCrop is the identity only when its target size equals the image size: at inference Keras
 * resizes and centre-crops to (height, width), which is refused here with a message instead.
 */
import { tf, tfl } from '../tf';
import { modelsFormats } from '../../i18n/messages/models-formats';

type Kwargs = Record<string, unknown>;

/** Keras class names of the augmentation layers that are the identity at inference. */
export const IDENTITY_AT_INFERENCE = [
  'RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomTranslation', 'RandomContrast', 'RandomBrightness',
  'RandomHeight', 'RandomWidth', 'RandomCrop', 'RandomGrayscale', 'RandomHue', 'RandomSaturation',
  'RandomSharpness', 'RandomShear', 'RandomColorJitter', 'RandomColorDegeneration', 'RandomErasing',
  'RandomGaussianBlur', 'RandomPerspective', 'RandomInvert', 'RandomPosterization',
] as const;

const BASE_KEYS = new Set(['name', 'trainable', 'dtype', 'batchInputShape', 'inputShape', 'batchSize', 'inputDType', 'weights']);

/** Makes one identity class for `className`; its config is whatever the file gave (in tfjs' camelCase). */
function identityClass(className: string) {
  const cls = class extends tfl.layers.Layer {
    static className = className;
    private readonly extra: Kwargs;

    constructor(args: Kwargs = {}) {
      super(args as never);
      this.extra = Object.fromEntries(Object.entries(args).filter(([k]) => !BASE_KEYS.has(k)));
      this.supportsMasking = true;
    }

    override build(inputShape: unknown): void {
      if (className === 'RandomCrop') checkCropSize(this.name, inputShape, this.extra);
      super.build(inputShape as never);
    }

    override computeOutputShape(inputShape: unknown) {
      return inputShape as never;
    }

    override call(inputs: unknown): tf.Tensor | tf.Tensor[] {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.clone(x as tf.Tensor);
    }

    override getConfig() {
      return { ...super.getConfig(), ...this.extra } as never;
    }
  };
  Object.defineProperty(cls, 'name', { value: className });
  return cls;
}

function checkCropSize(name: string, inputShape: unknown, cfg: Kwargs): void {
  const shape = (Array.isArray(inputShape) && Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as (number | null)[];
  const channelsFirst = cfg.dataFormat === 'channels_first';
  const h = shape[channelsFirst ? shape.length - 2 : shape.length - 3];
  const w = shape[channelsFirst ? shape.length - 1 : shape.length - 2];
  if (h !== cfg.height || w !== cfg.width) {
    throw new Error(modelsFormats.randomCrop(name, String(cfg.height), String(cfg.width), String(h), String(w)));
  }
}

let registered = false;

/** Registers the identity classes with tfjs' serialization (once; later calls do nothing). */
export function registerAugmentationLayers(): void {
  if (registered) return;
  registered = true;
  for (const className of IDENTITY_AT_INFERENCE) {
    tf.serialization.registerClass(identityClass(className) as never);
  }
}

registerAugmentationLayers();
