import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { MetricPoint as MetricPointRecord, MetricSplit } from '../../storage/records';
import { MetricSplitEnum } from '../enums';

@ObjectType({ description: 'One downsampling bucket: statistics over its finite values, iteration and time of its last point' })
export class SeriesPoint {
  @Field(() => Int)
  iteration!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the finite values (null when none is finite)' })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;

  @Field(() => Float, { description: 'ms since the epoch' })
  time!: number;

  @Field(() => Int, { description: 'Points in the bucket' })
  count!: number;

  @Field(() => Int, { description: 'Points that were NaN or ±Infinity' })
  nonFinite!: number;
}

@ObjectType()
export class MetricSeries {
  @Field(() => String)
  name!: string;

  @Field(() => MetricSplitEnum)
  split!: MetricSplit;

  @Field(() => [SeriesPoint])
  points!: SeriesPoint[];
}

@ObjectType({ description: 'One stored point; value is null when it was NaN or ±Infinity' })
export class MetricPoint {
  @Field(() => String)
  name!: string;

  @Field(() => MetricSplitEnum)
  split!: MetricSplit;

  @Field(() => Int)
  iteration!: number;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { description: 'ms since the epoch' })
  time!: number;
}

@ObjectType({ description: 'Points of one run as they were stored' })
export class MetricBatch {
  @Field(() => ID)
  runId!: string;

  @Field(() => [MetricPoint])
  points!: MetricPoint[];
}

/** GraphQL Float cannot carry NaN or ±∞: they become null. */
export function toMetricPoint(p: MetricPointRecord): MetricPoint {
  return { ...p, value: Number.isFinite(p.value) ? p.value : null };
}
