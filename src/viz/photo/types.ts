/** What the photo input reports. */
import type { ResizeMethod } from '../../inspector/photo';

/** A photo resized for the model (values 0..255, before the model's own preprocessing). */
export interface PhotoEvent {
  tensor: { shape: number[]; values: Float32Array };
  method: ResizeMethod;
  name: string;
  /** The photo's own size before resizing. */
  originalWidth: number;
  originalHeight: number;
}
