import { buildApp } from './app';
import { ConfigError, readServerConfig, type ServerConfig } from './config';

// npm runs this from server/, but users write ORTHOSCOPE_HOME / ORTHOSCOPE_DATA relative to where
// they typed `npm start` (npm passes that folder as INIT_CWD).
let config: ServerConfig;
try {
  config = readServerConfig(process.env, process.env.INIT_CWD || process.cwd());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[orthoscope] ${error.message}`);
  process.exit(2);
}
const app = buildApp({ config });
const { url, services } = await app.start();
console.log(`[orthoscope] API on ${url} (data: ${config.dataRoot}, home: ${config.home})`);
// tsx relays the terminal's Ctrl-C, so a signal may come twice: the first one stops (running
// runs become INTERRUPTED), the others must not cut that short.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void app.stop().then(() => process.exit(0));
  });
}
const system = await services.system();
console.log(`[orthoscope] runs train on ${system.backend} (${system.device}), ${system.concurrency} at once`);
