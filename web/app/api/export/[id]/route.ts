import { readApiConfig } from '@/lib/api-config';

/**
 * Full-resolution metrics export of one run (?format=csv|json), forwarded from the API's
 * GET /runs/:id/metrics.csv|json so the browser downloads it from the dashboard's own origin.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const format = new URL(request.url).searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') {
    return new Response(`format: expected csv or json, got ${JSON.stringify(format)}\n`, { status: 400 });
  }
  const upstream = new URL(readApiConfig().upstreamHttpUrl);
  upstream.pathname = upstream.pathname.replace(/\/graphql\/?$/, '') + `/runs/${encodeURIComponent(id)}/metrics.${format}`;
  try {
    const res = await fetch(upstream, { cache: 'no-store' });
    const headers = new Headers({ 'content-type': res.headers.get('content-type') ?? 'text/plain' });
    const disposition = res.headers.get('content-disposition');
    if (disposition) headers.set('content-disposition', disposition);
    return new Response(res.body, { status: res.status, headers });
  } catch (error) {
    return new Response(`The API at ${upstream.origin} is not reachable (${(error as Error).message})\n`, { status: 502 });
  }
}
