import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import type { ExperimentKind } from '@orthoscope/shared';
import type { RunRecord, RunStatus } from '../../storage/records';
import { ExperimentKindEnum, RunStatusEnum } from '../enums';

@ObjectType({ description: 'One training run: its resolved config, state, and (through fields) metrics, alerts and checkpoints' })
export class Run {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ExperimentKindEnum)
  kind!: ExperimentKind;

  @Field(() => RunStatusEnum)
  status!: RunStatus;

  @Field(() => GraphQLJSONObject, { description: 'The resolved engine config (every default filled in; lower-case enum values)' })
  config!: Record<string, unknown>;

  @Field(() => [String])
  tags!: string[];

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  startedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'Last iteration reported' })
  iteration!: number;

  @Field(() => Int, { nullable: true, description: 'Iterations the run will train for (known once it starts)' })
  totalIterations!: number | null;

  @Field(() => String, { nullable: true, description: 'tfjs backend of the run process' })
  backend!: string | null;

  @Field(() => String, { nullable: true })
  device!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the run failed, diverged, stopped or was interrupted' })
  error!: string | null;

  @Field(() => ID, { nullable: true })
  sweepId!: string | null;

  /** Kept for the field resolvers (alertRules). */
  record!: RunRecord;
}

/** The GraphQL view of a stored run. */
export function toRun(record: RunRecord): Run {
  return Object.assign(new Run(), {
    ...record,
    createdAt: new Date(record.createdAt),
    startedAt: record.startedAt === null ? null : new Date(record.startedAt),
    finishedAt: record.finishedAt === null ? null : new Date(record.finishedAt),
    record,
  });
}
