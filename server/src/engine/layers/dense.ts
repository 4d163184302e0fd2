import * as tf from '@tensorflow/tfjs';
import { initFreeMatrix, variableFrom } from './free-init';

/** A free fully connected layer (SPEC §3 fc1/fc2): `x·W + b`, initialised by {@link initFreeMatrix}. */
export class Dense {
  readonly kernel: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(
    readonly name: string,
    readonly inputs: number,
    readonly units: number,
    seed: number,
  ) {
    const init = initFreeMatrix(inputs, units, seed);
    this.kernel = variableFrom(init.kernel);
    this.bias = variableFrom(init.bias);
  }

  /** `x` of shape `(batch, inputs)` → `(batch, units)`, without activation. */
  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.fused.matMul({ a: x, b: this.kernel, bias: this.bias }) as tf.Tensor2D;
  }

  /** Variables by stable name (`<name>/kernel`, `<name>/bias`), in a fixed order. */
  namedVariables(): [string, tf.Variable][] {
    return [
      [`${this.name}/kernel`, this.kernel],
      [`${this.name}/bias`, this.bias],
    ];
  }

  dispose(): void {
    tf.dispose([this.kernel, this.bias]);
  }
}
