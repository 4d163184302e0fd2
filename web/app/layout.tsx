import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import 'uplot/dist/uPlot.min.css';
import './globals.css';
import { AlertCenter } from '@/components/alerts/alert-center';
import { NavBar } from '@/components/nav/nav-bar';
import { readApiConfig } from '@/lib/api-config';
import { ApiProvider } from '@/lib/urql/provider';

export const metadata: Metadata = {
  title: 'Orthoscope',
  description: 'Launch, watch and compare orthogonal-convolution experiments',
};

/** Reads the API address per request (connection() opts out of build-time prerendering). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const { wsUrl, wsUsePageHost } = readApiConfig();
  return (
    <html lang="en">
      <body>
        <ApiProvider wsUrl={wsUrl} wsUsePageHost={wsUsePageHost}>
          <AlertCenter>
            <NavBar />
            <main>{children}</main>
          </AlertCenter>
        </ApiProvider>
      </body>
    </html>
  );
}
