import type { NextConfig } from 'next';

/**
 * The API address is NOT configured here: it is read from the environment at request time
 * (see lib/api-config.ts), so one build serves any deployment.
 */
const nextConfig: NextConfig = {
  transpilePackages: ['@orthoscope/shared'],
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` would otherwise write AGENTS.md/CLAUDE.md into web/.
  agentRules: false,
};

export default nextConfig;
