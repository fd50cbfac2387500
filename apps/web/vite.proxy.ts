/**
 * The dev server's proxy to a running suite, for apps/web/vite.config.ts:
 * `server: { proxy: apiProxy() }`. `npm run dev:web` serves the app with hot
 * reload and sends /api (the API, its docs) to the suite at TB_API_URL
 * (default http://127.0.0.1:3000, as `npm start` runs it).
 */
import type { ClientRequest } from 'node:http';

/** The part of Vite's proxy options used here (ProxyOptions, without importing Vite's types). */
export interface ApiProxyOptions {
  target: string;
  changeOrigin: boolean;
  configure: (proxy: {
    on(event: 'proxyReq', listener: (proxyRequest: ClientRequest) => void): unknown;
  }) => void;
}

export function apiProxy(
  target: string = process.env.TB_API_URL || 'http://127.0.0.1:3000',
): Record<string, ApiProxyOptions> {
  return {
    '/api': {
      target,
      // The suite sees its own host, as behind any proxy.
      changeOrigin: true,
      configure: (proxy) => {
        // The page's origin is the dev server's, which the gateway would refuse
        // for a call carrying the refresh cookie; here the dev server is the page's
        // own server, so the call goes on as one from the suite's own pages.
        proxy.on('proxyReq', (proxyRequest) => proxyRequest.removeHeader('origin'));
      },
    },
  };
}
