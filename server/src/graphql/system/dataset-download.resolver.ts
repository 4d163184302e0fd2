import { Arg, Authorized, Ctx, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { ApiContext, DatasetView } from '../context';
import { Dataset } from './system.type';

@Resolver()
export class DatasetDownloadResolver {
  @Authorized()
  @Mutation(() => Dataset, {
    description: 'Starts downloading a missing CIFAR set (cifar10, cifar100) into the data root in the background and returns at once; ' +
      'calling it again while that download runs, or once the set is on disk, changes nothing. Follow it with datasetDownload.',
  })
  downloadDataset(@Ctx() { services }: ApiContext, @Arg('name', () => String) name: string): Dataset {
    return services.downloadDataset(name) as Dataset;
  }

  @Subscription(() => Dataset, {
    description: 'Datasets whose download progresses (at most 4 times a second), ends (status AVAILABLE, download.phase DONE) or fails (download.error); optionally one of them',
    subscribe: ({ args, context }) => (context as ApiContext).services.pubsub
      .subscribe('datasetDownload', (d) => !args.name || d.name === args.name),
  })
  datasetDownload(@Arg('name', () => String, { nullable: true }) _name: string | null, @Root() dataset: DatasetView): Dataset {
    return dataset as Dataset;
  }
}
