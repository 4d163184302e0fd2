import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import type { AlertRecord, AlertRuleName } from '../../storage/records';
import { AlertRuleEnum } from '../enums';

@ObjectType({ description: 'A divergence rule broken by a run (once per episode)' })
export class Alert {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  runId!: string;

  @Field(() => AlertRuleEnum)
  rule!: AlertRuleName;

  @Field(() => String)
  message!: string;

  @Field(() => Int)
  iteration!: number;

  @Field(() => Float, { nullable: true, description: 'The value that broke the rule (null when NaN or ±Infinity)' })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  threshold!: number | null;

  @Field(() => Boolean, { description: 'Whether the run was stopped (autoStop) because of this alert' })
  autoStopped!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export function toAlert(a: AlertRecord): Alert {
  return { ...a, value: Number.isFinite(a.value) ? a.value : null, createdAt: new Date(a.createdAt) };
}

@ObjectType({ description: 'Divergence rules of a run (SPEC §6)' })
export class AlertRules {
  @Field(() => Boolean, { description: 'Stop the run as DIVERGED at its first alert' })
  autoStop!: boolean;

  @Field(() => Boolean, { description: 'Alert when a training or evaluation metric is NaN or ±Infinity' })
  nonFinite!: boolean;

  @Field(() => Boolean, { description: 'Alert when the mean training loss between evaluations stays above lossRiseFactor × its best' })
  lossRise!: boolean;

  @Field(() => Float)
  lossRiseFactor!: number;

  @Field(() => Int, { description: 'Evaluations in a row above the factor before alerting' })
  lossRiseEvaluations!: number;

  @Field(() => Boolean, { description: 'Alert when validation accuracy falls back to chance after having risen above chance + chanceMargin' })
  chanceFall!: boolean;

  @Field(() => Float)
  chanceMargin!: number;
}

@ObjectType()
export class Checkpoint {
  @Field(() => Int)
  iteration!: number;

  @Field(() => String, { description: 'Folder on the server' })
  path!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
