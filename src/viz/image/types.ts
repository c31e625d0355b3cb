/** What the image views hand back to the app. */

/** A digit from the drawing pad or a picture file, preprocessed as MNIST was made. */
export interface DrawnDigit {
  /** 784 grey levels 0..255 (whole numbers), row by row: the 28 x 28 image the model receives. */
  pixels: Float32Array;
  /** No ink: pixels are all 0 (the pad says "Draw a digit"). */
  empty: boolean;
  /** false while the pen is still moving (throttled to animation frames), true when a stroke ends, on undo/clear and for a file. */
  final: boolean;
  source: 'drawing' | 'file';
  /** A picture of dark ink on a light background that was inverted. */
  inverted: boolean;
  /** The picture's file name (source "file"). */
  fileName?: string;
}

/** One misclassified test image (the shape of the app's evaluation's mistakes). */
export interface Mistake {
  /** Row index in the test set. */
  row: number;
  actual: number;
  predicted: number;
  /** The model's probability for the class it predicted. */
  probability: number;
}
