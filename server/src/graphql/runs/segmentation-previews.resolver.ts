import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { InvalidFieldError } from '@orthoscope/shared';
import { readPreviews } from '../../engine/train/segmentation-previews';
import { RunNotFoundError } from '../../runner/run-manager';
import type { ApiContext } from '../context';

@ObjectType({ description: 'One validation image of a SEGMENTATION run with its true and predicted masks, as data:image/png URLs' })
export class SegmentationPreview {
  @Field(() => String, { description: 'The network input (centre crop or resized image)' })
  image!: string;

  @Field(() => String, { description: 'True mask: class 0 black, 1 white, then distinct colours; ignored pixels grey' })
  trueMask!: string;

  @Field(() => String, { description: 'Predicted mask, same colours' })
  predictedMask!: string;
}

@ObjectType({ description: 'The previews saved with one checkpoint of a SEGMENTATION run' })
export class SegmentationPreviews {
  @Field(() => Int, { description: 'Iteration of the checkpoint (evaluation) they come from' })
  iteration!: number;

  @Field(() => [SegmentationPreview])
  previews!: SegmentationPreview[];
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

@Resolver()
export class SegmentationPreviewsResolver {
  @Query(() => SegmentationPreviews, {
    nullable: true,
    description: 'Validation images with true and predicted masks of a SEGMENTATION run, from its latest checkpoint or the one at `iteration`; null before the first checkpoint',
  })
  segmentationPreviews(
    // Declared last to first: esbuild's decorators register parameters in reverse order.
    @Arg('iteration', () => Int, { nullable: true, description: 'Checkpoint iteration (default: the latest)' }) iteration: number | null | undefined,
    @Arg('runId', () => ID) runId: string,
    @Ctx() { services }: ApiContext,
  ): SegmentationPreviews | null {
    const run = services.repository.getRun(runId);
    if (!run) throw new RunNotFoundError(runId);
    if (run.kind !== 'segmentation') throw new InvalidFieldError('runId', runId, `is a ${run.kind.toUpperCase()} run; previews exist for SEGMENTATION runs`);
    const checkpoints = services.repository.listCheckpoints(runId);
    const checkpoint = iteration == null ? checkpoints.at(-1) : checkpoints.find((c) => c.iteration === iteration);
    if (!checkpoint) {
      if (iteration == null) return null;
      throw new InvalidFieldError('iteration', iteration, `has no checkpoint; this run has ${checkpoints.map((c) => c.iteration).join(', ') || 'none yet'}`);
    }
    const previews = readPreviews(checkpoint.path).map((p) => ({ image: dataUrl(p.image), trueMask: dataUrl(p.trueMask), predictedMask: dataUrl(p.predictedMask) }));
    return { iteration: checkpoint.iteration, previews };
  }
}
