/**
 * Entry of one data-parallel worker thread (see data-parallel.ts): its own tfjs backend and a copy
 * of the network; per step it takes the main thread's weights and a shard of records and returns
 * the shard's gradients. It never updates weights itself (the main thread's Adam does).
 */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend';
import { CifarCnn } from '../models/cifar-cnn';
import type { WorkerInit, WorkerReply, WorkerStep } from './data-parallel-protocol';
import { shardGradients } from './data-parallel-shard';

const port = parentPort!;
let model: CifarCnn | undefined;
let variables: tf.Variable[] = [];

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function handle(message: WorkerInit | WorkerStep): Promise<void> {
  if (message.type === 'init') {
    await initBackend(message.backend);
    model = new CifarCnn({ numClasses: message.numClasses, ...message.model });
    variables = model.namedVariables().map(([, v]) => v);
    reply({ type: 'ready' });
    return;
  }
  if (!model) throw new Error('data-parallel worker: step before init');
  variables.forEach((v, i) => {
    const value = tf.tensor(message.weights[i], v.shape, 'float32');
    v.assign(value);
    value.dispose();
  });
  const split = { images: message.images, labels: message.labels, count: message.count };
  const indices = Int32Array.from({ length: message.count }, (_, k) => k);
  const { grads, terms } = await shardGradients(model, variables, split, indices, message.orthoWeight);
  // Copies: a backend may hand out its own storage, which must not be detached by the transfer.
  const arrays = grads.map((g) => new Float32Array(g.dataSync()));
  tf.dispose(grads);
  reply({ type: 'grads', grads: arrays, terms }, [...arrays.map((a) => a.buffer as ArrayBuffer), terms.buffer as ArrayBuffer]);
}

// Messages are handled one at a time, in order (the main thread waits for each reply anyway).
let queue = Promise.resolve();
port.on('message', (message: WorkerInit | WorkerStep) => {
  queue = queue.then(() => handle(message)).catch((error: unknown) => {
    reply({ type: 'error', message: (error as Error).stack ?? String(error) });
  });
});
