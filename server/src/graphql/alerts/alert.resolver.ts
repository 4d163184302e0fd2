import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { AlertRecord } from '../../storage/records';
import type { ApiContext } from '../context';
import { Alert, toAlert } from './alert.type';

@Resolver(() => Alert)
export class AlertResolver {
  @Subscription(() => Alert, {
    description: 'Divergence alerts as they are raised (once per episode); every run when runId is omitted',
    subscribe: ({ args, context }) => (context as ApiContext).services.pubsub
      .subscribe('alert', (a) => !args.runId || a.runId === args.runId),
  })
  alerts(@Root() alert: AlertRecord, @Arg('runId', () => ID, { nullable: true }) _runId: string | null): Alert {
    return toAlert(alert);
  }
}
