import { readApiConfig } from '@/lib/api-config';

/**
 * Same-origin GraphQL endpoint: forwards the browser's POST to the API read from the environment
 * at request time, so the browser needs no CORS and one build serves any API address.
 */
export async function POST(request: Request): Promise<Response> {
  const { upstreamHttpUrl } = readApiConfig();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = request.headers.get('authorization');
  if (auth) headers.authorization = auth;
  try {
    const upstream = await fetch(upstreamHttpUrl, { method: 'POST', headers, body: await request.text(), cache: 'no-store' });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
    });
  } catch (error) {
    const message = `The API at ${upstreamHttpUrl} is not reachable (${(error as Error).message}). Start it with \`npm start\`.`;
    return Response.json({ errors: [{ message, extensions: { code: 'API_UNREACHABLE' } }] }, { status: 502 });
  }
}
