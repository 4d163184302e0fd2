import { buildApp } from './app';
import { readServerConfig } from './config';

const config = readServerConfig();
const app = buildApp({ config });
const { url, services } = await app.start();
console.log(`[orthoscope] API on ${url} (data: ${config.dataRoot}, home: ${config.home})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { void app.stop().then(() => process.exit(0)); });
}
const system = await services.system();
console.log(`[orthoscope] runs train on ${system.backend} (${system.device}), ${system.concurrency} at once`);
