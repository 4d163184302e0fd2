/** One training step of SPEC §4: `steps` characters of every stream, and the same shifted by one. */
export interface TextBatch {
  /** Inputs, row-major `[batch, steps]` vocabulary indices. */
  inputs: Int32Array;
  /** Targets: the character following each input, same layout. */
  targets: Int32Array;
}

/** A corpus cut into `batch` contiguous streams (SPEC §4). */
export interface TextStreams {
  batch: number;
  steps: number;
  /** Characters each stream contributes per epoch (a multiple of `steps`). */
  streamLength: number;
  /** Steps in one pass over the streams. */
  stepsPerEpoch: number;
  /** The inputs and targets of step `i` (0-based) of an epoch. */
  batchAt(i: number): TextBatch;
}

/**
 * Cuts encoded text into `batch` contiguous streams, stream b starting at character
 * `b · streamLength`; step i takes characters `[i·steps, (i+1)·steps)` of every stream as input and
 * the next character of each as target, so a stream's state carried from step i to i+1 continues
 * the same text. The tail that does not fill a whole step of every stream is dropped.
 * Throws when the text is too short for one step (needs `batch · steps + 1` characters).
 */
export function cutStreams(ids: Int32Array, batch: number, steps: number, what = 'text'): TextStreams {
  // Targets reach one character past the inputs, hence the -1.
  const stepsPerEpoch = Math.floor((ids.length - 1) / (batch * steps));
  if (stepsPerEpoch < 1) {
    throw new Error(`${what}: ${ids.length} characters are too few for batch ${batch} × steps ${steps} (needs at least ${batch * steps + 1})`);
  }
  const streamLength = stepsPerEpoch * steps;
  return {
    batch,
    steps,
    streamLength,
    stepsPerEpoch,
    batchAt(i: number): TextBatch {
      if (!Number.isInteger(i) || i < 0 || i >= stepsPerEpoch) {
        throw new RangeError(`${what}: step ${i} is outside 0..${stepsPerEpoch - 1}`);
      }
      const inputs = new Int32Array(batch * steps);
      const targets = new Int32Array(batch * steps);
      for (let b = 0; b < batch; b++) {
        const start = b * streamLength + i * steps;
        inputs.set(ids.subarray(start, start + steps), b * steps);
        targets.set(ids.subarray(start + 1, start + steps + 1), b * steps);
      }
      return { inputs, targets };
    },
  };
}

/**
 * Splits an encoded corpus into training text and the held-out tail of SPEC §4's validation
 * (`fraction` of the characters, taken from the end).
 */
export function splitHeldOutTail(ids: Int32Array, fraction: number): { train: Int32Array; validation: Int32Array } {
  const cut = ids.length - Math.round(ids.length * fraction);
  return { train: ids.subarray(0, cut), validation: ids.subarray(cut) };
}
