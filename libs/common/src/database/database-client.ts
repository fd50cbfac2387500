import { Client, ClientConfig } from 'pg';
import { CONNECTION_FAILURE, UNABLE_TO_CONNECT } from './postgres-errors';

type Callback = (error: Error | null, ...rest: unknown[]) => void;

/**
 * pg's Client with a code on every failure of its connection. pg rejects a
 * query on a connection that ended ("Connection terminated unexpectedly", "not
 * queryable") with a bare Error and no code; this client gives those SQLSTATE
 * 08006 (connection_failure), and a failed connect 08001, so the services
 * classify an outage by code (see isDatabaseUnavailable), never by message.
 * The pool makes its clients with it (dataSourceOptions: `extra.Client`).
 */
export class DatabaseClient extends Client {
  private lost = false;

  constructor(config?: string | ClientConfig) {
    super(config);
    const connection = (this as unknown as { connection: NodeJS.EventEmitter }).connection;
    connection.on('end', () => (this.lost = true));
    connection.on('error', () => (this.lost = true));
    // pg's query has many forms (promise, callback, submittable): each keeps its type.
    const query = Client.prototype.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => this.coding(query, args)) as Client['query'];
  }

  private coding(query: (...args: unknown[]) => unknown, args: unknown[]): unknown {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as Callback;
      args[last] = (error: Error | null, ...rest: unknown[]) =>
        callback(error ? (this.tagged(error) as Error) : null, ...rest);
    }
    const result = query(...args);
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        throw this.tagged(error);
      });
    }
    return result;
  }

  // pg's two forms (promise or callback) are kept: the pool passes a callback.
  override connect(): Promise<Client>;
  override connect(callback: (error: Error) => void): void;
  override connect(callback?: (error: Error) => void): Promise<Client> | void {
    if (callback) {
      const base = super.connect.bind(this) as (cb: Callback) => void;
      return base((error, ...rest) =>
        (callback as Callback)(
          error ? (withCode(error, UNABLE_TO_CONNECT) as Error) : null,
          ...rest,
        ),
      );
    }
    return super.connect().catch((error: unknown) => {
      throw withCode(error, UNABLE_TO_CONNECT);
    });
  }

  /** A failure without a code of its own, on a connection that is gone: a connection failure. */
  private tagged(error: unknown): unknown {
    return this.lost ? withCode(error, CONNECTION_FAILURE) : error;
  }
}

function withCode(error: unknown, code: string): unknown {
  if (error instanceof Error) {
    const coded = error as Error & { code?: unknown };
    if (typeof coded.code !== 'string') coded.code = code;
  }
  return error;
}
