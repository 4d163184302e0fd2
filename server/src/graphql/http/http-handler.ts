import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { RunRepository } from '../../storage/run-repository';
import type { ApiContext } from '../context';
import { metricsCsv, metricsJson } from './metrics-export';

/** Largest request body accepted (a GraphQL request is small; this only stops abuse). */
const MAX_BODY_BYTES = 1_000_000;

/** Options of `createHttpHandler`. */
export interface HttpHandlerOptions {
  apollo: ApolloServer<ApiContext>;
  repository: RunRepository;
  context(request: IncomingMessage): ApiContext;
}

/**
 * Plain node:http routing: POST/GET /graphql through Apollo, GET /runs/:id/metrics.csv|.json
 * (every point at full resolution), GET /health; CORS for the dashboard on another port.
 */
export function createHttpHandler(options: HttpHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, options).catch((error) => {
      console.error('[orthoscope] http error', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal server error\n');
      else res.destroy();
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HttpHandlerOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // The API is used with a Bearer token, never cookies, so any origin may read it.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  if (req.method === 'OPTIONS') return send(res, 204, 'text/plain', '');
  if (url.pathname === '/graphql') return graphql(req, res, url, options);
  const exportMatch = /^\/runs\/([^/]+)\/metrics\.(csv|json)$/.exec(url.pathname);
  if (exportMatch && req.method === 'GET') {
    const id = decodeURIComponent(exportMatch[1]);
    const run = options.repository.getRun(id);
    if (!run) return send(res, 404, 'text/plain', `No run with id ${JSON.stringify(id)}\n`);
    const points = options.repository.allPoints(id);
    res.setHeader('Content-Disposition', `attachment; filename="${id}-metrics.${exportMatch[2]}"`);
    return exportMatch[2] === 'csv' ? send(res, 200, 'text/csv; charset=utf-8', metricsCsv(points)) : send(res, 200, 'application/json', metricsJson(run, points));
  }
  if (url.pathname === '/health') return send(res, 200, 'application/json', '{"ok":true}');
  send(res, 404, 'text/plain', 'Not found: the API is at /graphql\n');
}

async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, options: HttpHandlerOptions): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = await readBody(req);
  if (raw === null) return send(res, 413, 'text/plain', 'Request body too large\n');
  let body: unknown = raw;
  if ((headers.get('content-type') ?? '').includes('application/json') && raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, 'application/json', JSON.stringify({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
    }
  }
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => options.context(req),
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) { resolve(null); req.destroy(); return; }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}
