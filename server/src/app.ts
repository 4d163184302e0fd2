import { createServer, type Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { isLoopbackHost, type ServerConfig } from './config';
import type { CifarArchiveSource, CifarName } from './engine/data/cifar-types';
import { listDatasets } from './engine/data/datasets';
import { buildApiSchema } from './graphql/build-schema';
import type { ApiContext, ApiServices, DatasetView, SystemView } from './graphql/context';
import { formatApiError } from './graphql/errors';
import { bearerMatches, ensureToken } from './graphql/http/auth-token';
import { createHttpHandler } from './graphql/http/http-handler';
import { attachWebSocket } from './graphql/http/ws-server';
import { complexityError, depthLimit } from './graphql/limits';
import { PubSub } from './graphql/pubsub';
import { DatasetDownloads } from './runner/dataset-downloads';
import { InMemoryRunQueue } from './runner/run-queue';
import { RunManager } from './runner/run-manager';
import { probeBackend } from './runner/run-process';
import { sampleTextInChild } from './runner/sample-text';
import { openSqliteRepository } from './storage/sqlite/sqlite-repository';
import packageJson from '../package.json' with { type: 'json' };

/** What buildApp needs: the settings, and seams for tests. */
export interface AppDeps {
  config: ServerConfig;
  /** Child entry of run processes (default runner/child/run-child.ts). */
  childEntry?: string;
  /** Grace period of a stopping run before it is killed (default 30 s). */
  stopGraceMs?: number;
  log?: (message: string) => void;
  /** Archives downloadDataset fetches instead of the official ones (tests serve them locally). */
  cifarSources?: Partial<Record<CifarName, CifarArchiveSource>>;
}

/** A started server. */
export interface StartedApp {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  runner: RunManager;
  services: ApiServices;
}

/** The API server: buildApp(deps).start() opens the database, probes the backend and listens. */
export function buildApp(deps: AppDeps): { start(): Promise<StartedApp>; stop(): Promise<void> } {
  const { config } = deps;
  const log = deps.log ?? ((m: string) => console.log(m));
  let stopper: (() => Promise<void>) | null = null;

  async function start(): Promise<StartedApp> {
    const repository = openSqliteRepository(join(config.home, 'orthoscope.db'));
    const authRequired = !isLoopbackHost(config.host);
    const token = authRequired ? ensureToken(config.home) : null;
    if (token?.created) log(`[orthoscope] API token (shown once; stored in ${token.path}): ${token.token}`);

    // Loading TensorFlow.js takes seconds, so the backend is probed in a child process, and only
    // when someone asks (system) or when the default concurrency depends on finding a GPU.
    let probed: Promise<{ backend: string; device: string }> | null = null;
    const probe = () => (probed ??= probeBackend({ type: 'probe', backend: config.backend }, join(config.home, 'logs', 'backend-probe.log'), deps.childEntry)
      .catch((error: Error) => ({ backend: 'unavailable', device: error.message })));
    const mayUseGpu = config.backend === 'auto' || config.backend === 'tensorflow-gpu';
    const concurrency = config.concurrency ?? (mayUseGpu ? defaultConcurrency(await probe()) : Math.max(1, availableParallelism()));
    const system = async (): Promise<SystemView> => ({ version: packageJson.version, ...(await probe()), concurrency, authRequired });

    const pubsub = new PubSub();
    const runner = new RunManager({
      repository, queue: new InMemoryRunQueue(concurrency), home: config.home, dataRoot: config.dataRoot,
      backend: config.backend, download: config.download, childEntry: deps.childEntry, stopGraceMs: deps.stopGraceMs,
      events: {
        runUpdated: (run) => pubsub.publish('runUpdated', run),
        metrics: (runId, points) => pubsub.publish('runMetrics', { runId, points }),
        alert: (alert) => pubsub.publish('alert', alert),
      },
    });
    const datasets = (): DatasetView[] => listDatasets(config.dataRoot, { allowDownload: config.download })
      .map((d) => ({ ...d, download: downloads.state(d.name) }));
    const datasetView = (name: string) => datasets().find((d) => d.name === name)!;
    const downloads = new DatasetDownloads({
      dataRoot: config.dataRoot, allowDownload: config.download, sources: deps.cifarSources,
      onChange: (state) => pubsub.publish('datasetDownload', datasetView(state.name)),
    });
    const services: ApiServices = {
      repository, runner, pubsub, download: config.download, system,
      listDatasets: datasets,
      downloadDataset: (name) => {
        downloads.start(name);
        return datasetView(name);
      },
      sampleText: (request) => sampleTextInChild(request, { backend: config.backend }),
    };
    const mayMutate = (authorization: unknown) => !token || bearerMatches(authorization, token.token);

    const schema = await buildApiSchema();
    const httpServer: Server = createServer();
    const apollo = new ApolloServer<ApiContext>({
      schema,
      csrfPrevention: true,
      introspection: true,
      validationRules: [depthLimit()],
      formatError: (formatted, error) => formatApiError(formatted, error, log),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        { async requestDidStart() {
          return { async didResolveOperation({ request, document }) {
            const error = complexityError(schema, document, request.variables, request.operationName);
            if (error) throw error;
          } };
        } },
      ],
    });
    await apollo.start();
    httpServer.on('request', createHttpHandler({
      apollo, repository, context: (req) => ({ services, mayMutate: mayMutate(req.headers.authorization) }),
    }));
    const disposeWs = attachWebSocket(httpServer, schema, (params) => ({
      services, mayMutate: mayMutate(params?.authorization ?? params?.Authorization),
    }));

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    await runner.recover();
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
    stopper = async () => {
      await runner.shutdown();
      await disposeWs();
      await apollo.stop();
      repository.close();
    };
    return { url: `http://${shownHost}:${port}/graphql`, port, runner, services };
  }

  async function stop(): Promise<void> {
    const s = stopper;
    stopper = null;
    await s?.();
  }

  return { start, stop };
}

/** One run per core on CPU, one per GPU on GPU. */
function defaultConcurrency(probe: { backend: string; device: string }): number {
  const onGpu = probe.backend === 'tensorflow' && !probe.device.startsWith('CPU');
  return onGpu ? Math.max(1, probe.device.split(', ').length) : Math.max(1, availableParallelism());
}
