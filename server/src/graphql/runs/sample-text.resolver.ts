import { randomInt } from 'node:crypto';
import { Arg, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import { InvalidFieldError } from '@orthoscope/shared';
import { RunNotFoundError } from '../../runner/run-manager';
import type { ApiContext } from '../context';

const MAX_LENGTH = 10_000;
const MAX_SEED = 1_000;

@Resolver()
export class SampleTextResolver {
  @Query(() => String, {
    description: 'Text written by a CHAR_RNN run from its latest checkpoint (also while it trains): the seed, then characters drawn one by one from the softmax, `length` characters in all (SPEC §4)',
  })
  async sampleText(
    // Declared last to first: esbuild's decorators register parameters in reverse order.
    @Arg('randomSeed', () => Int, { nullable: true, description: 'Seed of the draws: the same seed and checkpoint give the same text (default: random)' }) randomSeed: number | null | undefined,
    @Arg('temperature', () => Float, { nullable: true, defaultValue: 1, description: 'Softmax temperature; 0 always takes the most likely character' }) temperature: number | null,
    @Arg('length', () => Int, { nullable: true, defaultValue: 320 }) length: number | null,
    @Arg('seed', () => String) seed: string,
    @Arg('runId', () => ID) runId: string,
    @Ctx() { services }: ApiContext,
  ): Promise<string> {
    const run = services.repository.getRun(runId);
    if (!run) throw new RunNotFoundError(runId);
    if (run.kind !== 'char_rnn') throw new InvalidFieldError('runId', runId, `is a ${run.kind.toUpperCase()} run; sampleText needs a CHAR_RNN run`);
    length ??= 320;
    temperature ??= 1;
    if (!Number.isInteger(length) || length < 1 || length > MAX_LENGTH) throw new InvalidFieldError('length', length, `must be from 1 to ${MAX_LENGTH}`);
    if (!Number.isFinite(temperature) || temperature < 0 || temperature > 100) throw new InvalidFieldError('temperature', temperature, 'must be from 0 to 100');
    if ([...seed].length > MAX_SEED) throw new InvalidFieldError('seed', `${seed.slice(0, 20)}…`, `must have at most ${MAX_SEED} characters`);
    if (randomSeed != null && (!Number.isInteger(randomSeed) || randomSeed < 0)) throw new InvalidFieldError('randomSeed', randomSeed, 'must be a non-negative integer');
    const checkpoint = services.repository.listCheckpoints(runId).at(-1);
    if (!checkpoint) throw new InvalidFieldError('runId', runId, `has no checkpoint yet (status ${run.status}; the first is written after iteration 1)`);
    return services.sampleText({ checkpoint: checkpoint.path, seed, length, temperature, rngSeed: randomSeed ?? randomInt(2 ** 31) });
  }
}
