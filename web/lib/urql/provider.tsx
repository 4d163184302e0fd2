'use client';

import { UrqlProvider, ssrExchange } from '@urql/next';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { cacheExchange, createClient } from 'urql';
import { createUrqlClient } from './client';

const TOKEN_KEY = 'orthoscope.token';

interface TokenState {
  token: string | null;
  setToken: (token: string | null) => void;
}
const TokenContext = createContext<TokenState>({ token: null, setToken: () => {} });
const ReconnectContext = createContext(0);

/** How many times the subscription socket came back after a drop; a dependency for reloading history. */
export function useReconnects(): number {
  return useContext(ReconnectContext);
}

/** The API token kept in localStorage (entered once), and its setter. */
export function useApiToken(): TokenState {
  return useContext(TokenContext);
}

/**
 * Provides the one urql client of the dashboard. `wsUrl` comes from the server at request time
 * (lib/api-config.ts); during SSR no request leaves the server: data loads in the browser, where
 * the client posts to the same-origin /api/graphql route and subscribes over graphql-ws.
 */
export function ApiProvider({ wsUrl, wsUsePageHost, children }: { wsUrl: string; wsUsePageHost: boolean; children: ReactNode }) {
  const [token, setTokenState] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [reconnects, setReconnects] = useState(0);
  useEffect(() => {
    setTokenState(window.localStorage.getItem(TOKEN_KEY));
    setReady(true);
  }, []);
  const setToken = (next: string | null) => {
    if (next) window.localStorage.setItem(TOKEN_KEY, next);
    else window.localStorage.removeItem(TOKEN_KEY);
    setTokenState(next);
  };

  const { client, ssr, dispose } = useMemo(() => {
    const ssr = ssrExchange({ isClient: typeof window !== 'undefined' });
    if (typeof window === 'undefined' || !ready) {
      // Server render (and the first browser render, before the token is known): no network.
      const client = createClient({ url: '/api/graphql', exchanges: [cacheExchange, ssr] });
      return { client, ssr, dispose: () => {} };
    }
    const url = new URL(wsUrl);
    if (wsUsePageHost) url.hostname = window.location.hostname;
    const { client, dispose } = createUrqlClient({
      httpUrl: '/api/graphql',
      wsUrl: url.toString(),
      token,
      onReconnect: () => setReconnects((n) => n + 1),
    });
    return { client, ssr, dispose };
  }, [wsUrl, wsUsePageHost, token, ready]);
  useEffect(() => dispose, [dispose]);

  return (
    <TokenContext.Provider value={{ token, setToken }}>
      <UrqlProvider client={client} ssr={ssr}>
        <ReconnectContext.Provider value={reconnects}>{children}</ReconnectContext.Provider>
      </UrqlProvider>
    </TokenContext.Provider>
  );
}
