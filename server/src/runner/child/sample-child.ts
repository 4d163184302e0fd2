/**
 * Entry of a short-lived process (forked by runner/sample-text.ts with tsx) that samples text
 * from a char-RNN checkpoint: TensorFlow.js stays out of the API server's process and a slow
 * model cannot block its event loop.
 */
import type { BackendPreference } from '../../engine/backend';

/** Parent → child. */
export interface SampleRequestMessage {
  type: 'sample';
  backend: BackendPreference;
  checkpoint: string;
  seed: string;
  length: number;
  temperature: number;
  rngSeed: number;
}

/** Child → parent: the text, or an error (with `field: 'seed'` when the seed is at fault). */
export type SampleReplyMessage = { type: 'text'; text: string } | { type: 'error'; message: string; field: 'seed' | null };

function reply(message: SampleReplyMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected) return resolve();
    process.send!(message, undefined, {}, () => resolve());
  });
}

async function sample(request: SampleRequestMessage): Promise<string> {
  const { initBackend } = await import('../../engine/backend');
  const { sampleText } = await import('../../engine/models/char-rnn-sample');
  await initBackend(request.backend);
  return sampleText(request.checkpoint, request.seed, { length: request.length, temperature: request.temperature, rngSeed: request.rngSeed });
}

process.once('message', (request: SampleRequestMessage) => {
  sample(request)
    .then((text) => reply({ type: 'text', text }))
    .catch((error: Error) => reply({ type: 'error', message: error.message, field: /^seed: /.test(error.message) ? 'seed' : null }))
    .finally(() => process.exit(0));
});
process.on('disconnect', () => process.exit(1));
