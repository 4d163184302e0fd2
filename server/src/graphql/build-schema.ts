import 'reflect-metadata';
// graphql is imported as 'graphql/index.js' everywhere in the server: bundler-style resolvers (vitest)
// would otherwise pick its index.mjs while Node and the libraries load index.js, and two graphql
// copies reject each other's schemas ("from another module or realm").
import type { GraphQLSchema } from 'graphql/index.js';
import { buildSchema } from 'type-graphql';
import { AlertResolver } from './alerts/alert.resolver';
import type { ApiContext } from './context';
import { RunResolver } from './runs/run.resolver';
import { SampleTextResolver } from './runs/sample-text.resolver';
import { SegmentationPreviewsResolver } from './runs/segmentation-previews.resolver';
import { SweepResolver } from './sweeps/sweep.resolver';
import { DatasetDownloadResolver } from './system/dataset-download.resolver';
import { SystemResolver } from './system/system.resolver';

/** Builds the executable schema (mutations are @Authorized: allowed when the context says so). */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [RunResolver, SweepResolver, AlertResolver, SystemResolver, DatasetDownloadResolver, SampleTextResolver, SegmentationPreviewsResolver],
    authChecker: ({ context }) => (context as ApiContext).mayMutate,
    validate: false,
    // Every @Subscription has its own `subscribe` over the typed PubSub of the context; type-graphql
    // still insists on a pubSub, which is never used.
    pubSub: {
      publish: () => { throw new Error('type-graphql topics are not used; publish through context.services.pubsub'); },
      subscribe: () => { throw new Error('type-graphql topics are not used; subscribe through context.services.pubsub'); },
    },
  });
}
