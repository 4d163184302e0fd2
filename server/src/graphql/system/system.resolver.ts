import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { Dataset, SystemInfo } from './system.type';

@Resolver()
export class SystemResolver {
  @Query(() => SystemInfo)
  async system(@Ctx() { services }: ApiContext): Promise<SystemInfo> {
    const [info, counts] = await Promise.all([services.system(), services.runner.counts()]);
    return { ...info, ...counts };
  }

  @Query(() => [Dataset], { description: 'Data sets of every experiment kind under the data root' })
  datasets(@Ctx() { services }: ApiContext): Dataset[] {
    return services.listDatasets() as Dataset[];
  }
}
