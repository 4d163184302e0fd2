import { Field, Float, InputType, Int } from 'type-graphql';
import type { Activation, ConvMode, ExperimentKind, HouseholderScale, RecurrentCell, SegmentationFit } from '@orthoscope/shared';
import { ActivationEnum, ConvModeEnum, ExperimentKindEnum, HouseholderScaleEnum, RecurrentCellEnum, SegmentationFitEnum } from '../enums';

@InputType({ description: 'Divergence rules; every field defaults to SPEC §6 (autoStop off)' })
export class AlertRulesInput {
  @Field(() => Boolean, { nullable: true, description: 'Stop the run as DIVERGED at its first alert (default false)' })
  autoStop?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'NaN/±Infinity metric rule (default true)' })
  nonFinite?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Training-loss rise rule (default true)' })
  lossRise?: boolean;

  @Field(() => Float, { nullable: true, description: 'Factor above the best mean training loss (default 3)' })
  lossRiseFactor?: number;

  @Field(() => Int, { nullable: true, description: 'Evaluations in a row (default 3)' })
  lossRiseEvaluations?: number;

  @Field(() => Boolean, { nullable: true, description: 'Accuracy back-to-chance rule (default true)' })
  chanceFall?: boolean;

  @Field(() => Float, { nullable: true, description: 'Margin above chance accuracy (default 0.05)' })
  chanceMargin?: number;
}

/**
 * One run. Absent fields take the kind's defaults (SPEC §3 for CNN). Fields that a kind does
 * not use are rejected by its resolver; new kinds add their optional fields here.
 */
@InputType()
export class RunInput {
  @Field(() => String, { nullable: true, description: 'Default: kind, dataset and mode, e.g. "cnn cifar10 penalty λ=0.1"' })
  name?: string;

  @Field(() => ExperimentKindEnum)
  kind!: ExperimentKind;

  @Field(() => String, { description: 'A name from `datasets`, e.g. cifar10' })
  dataset!: string;

  @Field(() => ConvModeEnum, { nullable: true })
  mode?: ConvMode;

  @Field(() => Float, { nullable: true, description: 'λ of the orthogonality penalty' })
  orthoWeight?: number;

  @Field(() => ActivationEnum, { nullable: true })
  activation?: Activation;

  @Field(() => HouseholderScaleEnum, { nullable: true })
  householderScale?: HouseholderScale;

  @Field(() => Int, { nullable: true })
  epochs?: number;

  @Field(() => Int, { nullable: true })
  batchSize?: number;

  @Field(() => Float, { nullable: true })
  learningRate?: number;

  @Field(() => Int, { nullable: true, description: 'Evaluate at iteration 1 and every evalEvery iterations' })
  evalEvery?: number;

  @Field(() => Int, { nullable: true })
  seed?: number;

  @Field(() => Int, { nullable: true, description: 'Stop after this many iterations even if epochs remain' })
  maxIterations?: number;

  @Field(() => Int, { nullable: true, description: 'Evaluate on the first evalLimit test examples only' })
  evalLimit?: number;

  @Field(() => RecurrentCellEnum, { nullable: true, description: 'CHAR_RNN only: the recurrent cell (default LSTM)' })
  cell?: RecurrentCell;

  @Field(() => Int, { nullable: true, description: 'CHAR_RNN only: character embedding size (default 48)' })
  embeddingSize?: number;

  @Field(() => Int, { nullable: true, description: 'CHAR_RNN only: hidden size of every recurrent layer (default 512)' })
  hiddenSize?: number;

  @Field(() => Int, { nullable: true, description: 'CHAR_RNN only: stacked recurrent layers (default 2)' })
  layers?: number;

  @Field(() => Int, { nullable: true, description: 'CHAR_RNN only: characters per stream and step (default 8)' })
  steps?: number;

  @Field(() => Float, { nullable: true, description: 'CHAR_RNN only: learning-rate factor per epoch (default 0.97)' })
  learningRateDecay?: number;

  @Field(() => Float, { nullable: true, description: 'CHAR_RNN only: fraction of the corpus held out from its end for validation (default 0.05)' })
  validationFraction?: number;

  @Field(() => Int, { nullable: true, description: 'SEGMENTATION only: side of the square network input, a multiple of 2^depth (default 128)' })
  imageSize?: number;

  @Field(() => SegmentationFitEnum, { nullable: true, description: 'SEGMENTATION only: how images reach imageSize (default CROP)' })
  fit?: SegmentationFit;

  @Field(() => Int, { nullable: true, description: 'SEGMENTATION only: class count (default: classes.txt, else 2 for 0/255 masks, else the largest mask value + 1)' })
  numClasses?: number;

  @Field(() => Int, { nullable: true, description: 'SEGMENTATION only: mask value left out of loss and metrics (default none)' })
  ignoreLabel?: number;

  @Field(() => Int, { nullable: true, description: 'SEGMENTATION only: channels at full resolution, doubled per level (default 16)' })
  baseChannels?: number;

  @Field(() => Int, { nullable: true, description: 'SEGMENTATION only: 2× down-sampling steps of the U-Net (default 2)' })
  depth?: number;

  @Field(() => Float, { nullable: true, description: 'SEGMENTATION only: share of pairs held out when the dataset has no val/ folder (default 0.1)' })
  valFraction?: number;

  @Field(() => Int, { nullable: true, description: 'SEGMENTATION only: validation images saved with true and predicted masks at each evaluation (default 3)' })
  previewCount?: number;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => AlertRulesInput, { nullable: true })
  alertRules?: AlertRulesInput;
}
