/** A refusal says what is wrong in the user's words and keeps what went wrong underneath as `cause`. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openModelFiles, ModelFileError } from '../../src/models/formats';
import { asModelFileError, isRawErrorText } from '../../src/models/formats/errors';
import { fixtures } from '../fixtures';

const FIX = fixtures('models');

describe('file errors', () => {
  it('a JavaScript error underneath becomes the sentence alone, kept as cause', () => {
    const cause = new TypeError("Cannot read properties of undefined (reading 'ok')");
    const e = asModelFileError(cause, '"m.keras": its weights cannot be decoded');
    expect(e).toBeInstanceOf(ModelFileError);
    expect(e.message).toBe('"m.keras": its weights cannot be decoded.');
    expect(e.cause).toBe(cause);
  });

  it("a library's own explanation is kept in parentheses; a raw text in a plain Error is not", () => {
    expect(asModelFileError(new Error('Unknown layer: Foo'), 'TensorFlow.js could not build the model').message).toBe('TensorFlow.js could not build the model (Unknown layer: Foo).');
    expect(asModelFileError(new Error('undefined is not iterable'), 'It failed').message).toBe('It failed.');
    expect(isRawErrorText('Offset is outside the bounds of the DataView')).toBe(true);
    expect(isRawErrorText('The file "m.h5" is empty (0 bytes): it holds no model.')).toBe(false);
  });

  it.skipIf(!FIX.present)(`a truncated .h5 says it ends early, and keeps jsfive's RangeError as cause${FIX.skipNote}`, async () => {
    const bytes = new Uint8Array(readFileSync(FIX.path('keras2-iris-sigmoid16/iris_model.h5'))).slice(0, 5000);
    const e = await openModelFiles([{ name: 'iris.h5', bytes }]).catch((x) => x);
    expect(e).toBeInstanceOf(ModelFileError);
    expect(e.message).toMatch(/^"iris\.h5" ends before the HDF5 data it promises \(.*\): it is truncated or damaged\.$/);
    expect(e.cause).toBeInstanceOf(RangeError);
    expect(isRawErrorText(e.message)).toBe(false);
  });
});
