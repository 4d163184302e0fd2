import { Field, Float, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import type { SweepRecord } from '../../storage/records';

@ObjectType({ description: 'Runs started together over several orthogonality weights (λ)' })
export class Sweep {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => [Float])
  orthoWeights!: number[];

  @Field(() => Boolean)
  includeHouseholder!: boolean;
}

export function toSweep(s: SweepRecord): Sweep {
  return Object.assign(new Sweep(), { ...s, createdAt: new Date(s.createdAt) });
}
