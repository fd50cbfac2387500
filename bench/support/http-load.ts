/**
 * A small HTTP load driver for closed-loop runs (support/stats.ts runLevel):
 * node:http over a keep-alive Agent holding one socket per caller, so the
 * driver costs little next to the server it measures (lighter than fetch).
 */
import http from 'node:http';

export interface HttpTarget {
  host: string;
  port: number;
}

export class HttpLoad {
  private readonly agent: http.Agent;

  constructor(
    private readonly target: HttpTarget,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  static of(baseUrl: string, connections: number): HttpLoad {
    const url = new URL(baseUrl);
    return new HttpLoad({ host: url.hostname, port: Number(url.port) }, connections);
  }

  /** One request; resolves with the body when the status is `expect`, rejects otherwise. */
  call(
    method: string,
    path: string,
    expect: number,
    headers: Record<string, string> = {},
    body?: unknown,
  ): Promise<string> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.target.host,
          port: this.target.port,
          method,
          path,
          headers: payload
            ? {
                ...headers,
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(payload),
              }
            : headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode === expect) resolve(text);
            else reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 80)}`));
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
