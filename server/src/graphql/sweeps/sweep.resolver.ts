import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { Run, toRun } from '../runs/run.type';
import { expandSweep } from './sweep-runs';
import { SweepInput } from './sweep.input';
import { Sweep, toSweep } from './sweep.type';

@Resolver(() => Sweep)
export class SweepResolver {
  @Query(() => Sweep, { nullable: true })
  sweep(@Ctx() { services }: ApiContext, @Arg('id', () => ID) id: string): Sweep | null {
    const sweep = services.repository.getSweep(id);
    return sweep ? toSweep(sweep) : null;
  }

  @Query(() => [Sweep], {
    description: 'Sweeps, newest first',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * Math.min(args.first ?? 50, 500),
  })
  sweeps(@Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null, @Ctx() { services }: ApiContext): Sweep[] {
    return services.repository.listSweeps(Math.max(1, Math.min(first ?? 50, 500))).map(toSweep);
  }

  @FieldResolver(() => [Run], { description: 'In the order they were started', complexity: ({ childComplexity }) => 1 + childComplexity * 10 })
  runs(@Root() sweep: Sweep, @Ctx() { services }: ApiContext): Run[] {
    return services.repository.listRuns({ sweepId: sweep.id }).reverse().map(toRun);
  }

  @Authorized()
  @Mutation(() => Sweep, { description: 'Validates every run of the sweep, then queues them all' })
  async startSweep(@Ctx() { services }: ApiContext, @Arg('input', () => SweepInput) input: SweepInput): Promise<Sweep> {
    const id = randomUUID();
    const { name, runs } = expandSweep(input, { datasets: services.listDatasets(), download: services.download }, id);
    const sweep = { id, name, createdAt: Date.now(), orthoWeights: input.orthoWeights, includeHouseholder: input.includeHouseholder ?? false };
    services.repository.insertSweep(sweep);
    for (const run of runs) await services.runner.create(run);
    return toSweep(sweep);
  }
}
