import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ExperimentKind } from '@orthoscope/shared';
import { DatasetStatusEnum, ExperimentKindEnum } from '../enums';

@ObjectType({ description: 'A data set found under the data root (ORTHOSCOPE_DATA)' })
export class Dataset {
  @Field(() => String)
  name!: string;

  @Field(() => ExperimentKindEnum)
  kind!: ExperimentKind;

  @Field(() => DatasetStatusEnum)
  status!: 'available' | 'downloadable' | 'missing';

  @Field(() => String, { nullable: true, description: 'Folder, archive or file it is read from (null when not on disk)' })
  path!: string | null;

  @Field(() => Float, { nullable: true, description: 'Bytes on disk; for a downloadable set, the download size' })
  sizeBytes!: number | null;
}

@ObjectType()
export class SystemInfo {
  @Field(() => String)
  version!: string;

  @Field(() => String, { description: 'tfjs backend runs train on (tensorflow, wasm or cpu)' })
  backend!: string;

  @Field(() => String)
  device!: string;

  @Field(() => Int, { description: 'Runs trained at once' })
  concurrency!: number;

  @Field(() => Int)
  queued!: number;

  @Field(() => Int)
  running!: number;

  @Field(() => Boolean, { description: 'Whether mutations need `Authorization: Bearer <token>` (HOST is not loopback)' })
  authRequired!: boolean;
}
