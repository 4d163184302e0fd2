import { Field, Float, InputType } from 'type-graphql';
import { RunInput } from '../runs/run.input';

@InputType({ description: 'One run per orthoWeight (λ = 0 runs BASELINE, λ > 0 PENALTY), plus one HOUSEHOLDER run when asked' })
export class SweepInput {
  @Field(() => String, { nullable: true, description: 'Default: "sweep" and the dataset' })
  name?: string;

  @Field(() => RunInput, { description: 'Shared settings; mode and orthoWeight are set per run' })
  base!: RunInput;

  @Field(() => [Float])
  orthoWeights!: number[];

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeHouseholder?: boolean;
}
