import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { InvalidFieldError } from '@orthoscope/shared';
import { RunNotFoundError } from '../../runner/run-manager';
import type { MetricSplit, RunRecord, RunStatus } from '../../storage/records';
import { AlertRules, Checkpoint, Alert, toAlert } from '../alerts/alert.type';
import type { ApiContext } from '../context';
import { MetricSplitEnum, RunStatusEnum } from '../enums';
import { Sweep, toSweep } from '../sweeps/sweep.type';
import { MetricBatch, MetricPoint, MetricSeries, toMetricPoint } from './metric.type';
import { RunInput } from './run.input';
import { resolveRunInput } from './run-spec';
import { Run, toRun } from './run.type';

/** Default and largest page of `runs`. */
const DEFAULT_FIRST = 100;
const MAX_FIRST = 1000;
const MAX_POINTS = 100_000;

@Resolver(() => Run)
export class RunResolver {
  @Query(() => [Run], {
    description: 'Runs, newest first; `after` is the id of the last run of the previous page',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * Math.min(args.first ?? DEFAULT_FIRST, MAX_FIRST),
  })
  runs(
    // Declared last to first: esbuild's decorators register parameters in reverse order.
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_FIRST }) first: number | null,
    @Arg('sweepId', () => ID, { nullable: true }) sweepId: string | null,
    @Arg('tag', () => String, { nullable: true }) tag: string | null,
    @Arg('status', () => RunStatusEnum, { nullable: true }) status: RunStatus | null,
    @Ctx() { services }: ApiContext,
  ): Run[] {
    first ??= DEFAULT_FIRST;
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw new InvalidFieldError('first', first, `must be from 1 to ${MAX_FIRST}`);
    if (after && !services.repository.getRun(after)) throw new InvalidFieldError('after', after, 'is not the id of a run');
    return services.repository.listRuns({ status, tag, sweepId, first, after }).map(toRun);
  }

  @Query(() => Run, { nullable: true, description: 'One run, or null when the id is unknown' })
  run(@Ctx() { services }: ApiContext, @Arg('id', () => ID) id: string): Run | null {
    const record = services.repository.getRun(id);
    return record ? toRun(record) : null;
  }

  @FieldResolver(() => Sweep, { nullable: true })
  sweep(@Root() run: Run, @Ctx() { services }: ApiContext): Sweep | null {
    const sweep = run.sweepId ? services.repository.getSweep(run.sweepId) : undefined;
    return sweep ? toSweep(sweep) : null;
  }

  @FieldResolver(() => AlertRules)
  alertRules(@Root() run: Run): AlertRules {
    return run.record.alertRules;
  }

  @FieldResolver(() => [Alert])
  alerts(@Root() run: Run, @Ctx() { services }: ApiContext): Alert[] {
    return services.repository.listAlerts(run.id).map(toAlert);
  }

  @FieldResolver(() => [Checkpoint])
  checkpoints(@Root() run: Run, @Ctx() { services }: ApiContext): Checkpoint[] {
    return services.repository.listCheckpoints(run.id).map((c) => ({ ...c, createdAt: new Date(c.createdAt) }));
  }

  @FieldResolver(() => [MetricSeries], {
    description: 'Series downsampled to at most maxPoints buckets each (mean, min and max per bucket); with fromIteration and/or ' +
      'toIteration (inclusive), only the points in that range, split into maxPoints buckets of their own (zoom)',
    complexity: ({ childComplexity }) => 10 + childComplexity * 10,
  })
  metrics(
    @Arg('toIteration', () => Int, { nullable: true }) toIteration: number | null,
    @Arg('fromIteration', () => Int, { nullable: true }) fromIteration: number | null,
    @Arg('maxPoints', () => Int, { nullable: true, defaultValue: 1000 }) maxPoints: number | null,
    @Arg('split', () => MetricSplitEnum, { nullable: true }) split: MetricSplit | null,
    @Arg('names', () => [String], { nullable: true }) names: string[] | null,
    @Ctx() { services }: ApiContext,
    @Root() run: Run,
  ): MetricSeries[] {
    maxPoints ??= 1000;
    if (!Number.isInteger(maxPoints) || maxPoints < 1 || maxPoints > MAX_POINTS) {
      throw new InvalidFieldError('maxPoints', maxPoints, `must be from 1 to ${MAX_POINTS}`);
    }
    if (fromIteration !== null && toIteration !== null && fromIteration > toIteration) {
      throw new InvalidFieldError('fromIteration', fromIteration, `must not be greater than toIteration (${toIteration})`);
    }
    return services.repository.series(run.id, { names, split, maxPoints, fromIteration, toIteration });
  }

  @FieldResolver(() => [MetricPoint], { description: 'The last point of every series' })
  latestMetrics(
    @Root() run: Run,
    @Ctx() { services }: ApiContext,
    @Arg('split', () => MetricSplitEnum, { nullable: true }) split: MetricSplit | null,
  ): MetricPoint[] {
    return services.repository.latestPoints(run.id, split).map(toMetricPoint);
  }

  @Authorized()
  @Mutation(() => Run, { description: 'Validates the input and queues the run' })
  async startRun(@Ctx() { services }: ApiContext, @Arg('input', () => RunInput) input: RunInput): Promise<Run> {
    const newRun = resolveRunInput(input, { datasets: services.listDatasets(), download: services.download });
    return toRun(await services.runner.create(newRun));
  }

  @Authorized()
  @Mutation(() => Run, { description: 'Stops a queued run at once, a running one at its next iteration' })
  async stopRun(@Ctx() { services }: ApiContext, @Arg('id', () => ID) id: string): Promise<Run> {
    return toRun(await services.runner.stop(id));
  }

  @Authorized()
  @Mutation(() => Run, { description: 'Queues an INTERRUPTED, STOPPED, FAILED or DIVERGED run again; it continues from its last checkpoint' })
  async resumeRun(@Ctx() { services }: ApiContext, @Arg('id', () => ID) id: string): Promise<Run> {
    return toRun(await services.runner.resume(id));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes a run with its points, alerts and checkpoints (killing it first)' })
  async deleteRun(@Ctx() { services }: ApiContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return services.runner.delete(id);
  }

  @Subscription(() => MetricBatch, {
    description: 'Points of one run as they are stored',
    subscribe: ({ args, context }) => {
      const { services } = context as ApiContext;
      if (!services.repository.getRun(args.runId)) throw new RunNotFoundError(args.runId);
      return services.pubsub.subscribe('runMetrics', (batch) => batch.runId === args.runId);
    },
  })
  runMetrics(@Root() batch: { runId: string; points: import('../../storage/records').MetricPoint[] }, @Arg('runId', () => ID) _runId: string): MetricBatch {
    return { runId: batch.runId, points: batch.points.map(toMetricPoint) };
  }

  @Subscription(() => Run, {
    description: 'Changes of runs (status, progress at most once a second, errors); optionally of one run or one sweep',
    subscribe: ({ args, context }) => (context as ApiContext).services.pubsub.subscribe('runUpdated',
      (run) => (!args.runId || run.id === args.runId) && (!args.sweepId || run.sweepId === args.sweepId)),
  })
  runUpdates(
    @Arg('sweepId', () => ID, { nullable: true }) _sweepId: string | null,
    @Arg('runId', () => ID, { nullable: true }) _runId: string | null,
    @Root() run: RunRecord,
  ): Run {
    return toRun(run);
  }
}
