/** Where the dashboard finds the API; read from the environment on every request, never at build time. */
export interface ApiConfig {
  /** Where the Next server forwards GraphQL HTTP requests (the browser posts to /api/graphql). */
  upstreamHttpUrl: string;
  /**
   * The WebSocket URL the browser opens for subscriptions. When the API listens on a loopback
   * address and no public URL is set, the browser substitutes the host it loaded the page from.
   */
  wsUrl: string;
  /** True when wsUrl's host should be replaced by the page's host in the browser. */
  wsUsePageHost: boolean;
}

/**
 * `ORTHOSCOPE_API_URL` (default `http://127.0.0.1:${API_PORT ?? 4000}/graphql`): the API as the Next
 * server reaches it. `ORTHOSCOPE_PUBLIC_API_URL` (default: the same): as the browser reaches it.
 */
export function readApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const port = env.API_PORT || '4000';
  const upstream = env.ORTHOSCOPE_API_URL || `http://127.0.0.1:${port}/graphql`;
  const publicUrl = env.ORTHOSCOPE_PUBLIC_API_URL || upstream;
  let parsed: URL;
  try {
    parsed = new URL(publicUrl);
  } catch {
    throw new Error(`ORTHOSCOPE_PUBLIC_API_URL / ORTHOSCOPE_API_URL: not a URL: ${JSON.stringify(publicUrl)}`);
  }
  parsed.protocol = parsed.protocol === 'https:' ? 'wss:' : 'ws:';
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(parsed.hostname);
  return { upstreamHttpUrl: upstream, wsUrl: parsed.toString(), wsUsePageHost: loopback && !env.ORTHOSCOPE_PUBLIC_API_URL };
}
