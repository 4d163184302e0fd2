import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ExperimentKind } from '@orthoscope/shared';
import type { DownloadPhase } from '../../runner/dataset-downloads';
import { DatasetStatusEnum, DownloadPhaseEnum, ExperimentKindEnum } from '../enums';

@ObjectType({ description: 'Progress of a dataset download (kept after it ends, until the next one)' })
export class DatasetDownload {
  @Field(() => DownloadPhaseEnum)
  phase!: DownloadPhase;

  @Field(() => Float, { description: 'Bytes downloaded (DOWNLOAD) or checked (VERIFY)' })
  loaded!: number;

  @Field(() => Float)
  total!: number;

  @Field(() => String, { nullable: true, description: 'FAILED: what failed and where to put the files instead' })
  error!: string | null;
}


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

  @Field(() => DatasetDownload, { nullable: true, description: 'The latest download started by downloadDataset, if any' })
  download!: DatasetDownload | null;
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
