// One driver per process: connects with retries and backoff, runs read and write transactions with
// a timeout, and turns driver failures into the project's own errors (original kept as `cause`).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { redactUri } from '../../config.js';
import { AppError } from '../../errors.js';
import { moduleLogger } from '../../log.js';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
  connectRetries: number;
  txTimeoutMs: number;
}

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Maps a driver error to AppError; errors that are already ours pass through. Messages reach HTTP
 * clients, so they name no host and no credentials: the host goes to the logs with the cause.
 */
export function toStoreError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError')) {
      return new AppError('STORE_UNAVAILABLE', 'the graph store is unavailable', { cause: error });
    }
    if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
      return new AppError('REQUEST_TIMEOUT', 'the graph store transaction timed out', { cause: error });
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError('CONFLICT', 'a concurrent write created the same node', { cause: error });
    }
  }
  return new AppError('INTERNAL', 'graph store query failed', { cause: error });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Neo4jConnection {
  private readonly log = moduleLogger('neo4j');

  private constructor(
    private readonly driver: Driver,
    readonly settings: Neo4jSettings,
  ) {}

  /** Opens the driver and waits for the server, retrying with exponential backoff. */
  static async open(settings: Neo4jSettings): Promise<Neo4jConnection> {
    const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
    const driver = neo4j.driver(settings.uri, auth, {
      disableLosslessIntegers: true,
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: 5_000,
      logging: { level: 'error', logger: () => undefined },
    });
    const connection = new Neo4jConnection(driver, settings);
    let lastError: unknown;
    for (let attempt = 0; attempt <= settings.connectRetries; attempt++) {
      try {
        await driver.getServerInfo(settings.database ? { database: settings.database } : {});
        connection.log.info({ uri: redactUri(settings.uri), attempts: attempt + 1 }, 'connected to Neo4j');
        return connection;
      } catch (error) {
        lastError = error;
        if (attempt < settings.connectRetries) {
          const delay = Math.min(200 * 2 ** attempt, 3_000);
          connection.log.warn({ uri: redactUri(settings.uri), attempt: attempt + 1, delayMs: delay }, 'Neo4j not reachable yet, retrying');
          await sleep(delay);
        }
      }
    }
    await driver.close();
    const reason = lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError);
    throw new AppError(
      'STORE_UNAVAILABLE',
      `cannot reach Neo4j at ${redactUri(settings.uri)} after ${settings.connectRetries + 1} attempts (${reason}); start it with "npm run neo4j:start" or check NEO4J_URI`,
      { cause: lastError },
    );
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.settings.database ? { database: this.settings.database } : {}),
    });
  }

  async read<T>(work: Work<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work, { timeout: this.settings.txTimeoutMs });
    } catch (error) {
      throw toStoreError(error);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: Work<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work, { timeout: this.settings.txTimeoutMs });
    } catch (error) {
      throw toStoreError(error);
    } finally {
      await session.close();
    }
  }

  /** Schema statements cannot run in a managed transaction with other work: one auto-commit each. */
  async run(statement: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
    const session = this.session('WRITE');
    try {
      const result = await session.run(statement, params, { timeout: this.settings.txTimeoutMs });
      return result.records.map((r) => r.toObject());
    } catch (error) {
      throw toStoreError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * One read statement, rows as plain objects, as an auto-commit transaction: one round trip (RUN
   * and PULL sent together) where a managed transaction takes three (BEGIN, RUN/PULL, COMMIT) —
   * a search runs about eight of these, and on a busy 2-core machine each socket write costs
   * ~0.3 ms. A transient failure (which a managed transaction would retry) is retried once.
   */
  async rows(query: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
    for (let attempt = 0; ; attempt++) {
      const session = this.session('READ');
      try {
        const result = await withoutCallerStack(() => session.run(query, params, { timeout: this.settings.txTimeoutMs }));
        return result.records.map((r) => r.toObject());
      } catch (error) {
        const code = (error as { code?: unknown })?.code;
        if (attempt === 0 && typeof code === 'string' && code.startsWith('Neo.TransientError')) continue;
        throw toStoreError(error);
      } finally {
        await session.close();
      }
    }
  }

  async ping(): Promise<void> {
    try {
      await this.driver.getServerInfo(this.settings.database ? { database: this.settings.database } : {});
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** JavaScript numbers travel as floats; LIMIT, SKIP and index `k` need real integers. */
export function int(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(n));
}

/**
 * The driver captures and formats a stack trace for every result it creates (to put the caller's
 * frames on a later error); with source maps on, that formatting cost more Node CPU per search than
 * decoding the rows. A read's errors are wrapped into AppErrors here anyway, so its results are
 * created without one. The limit is restored before any other code runs (the call is synchronous).
 */
function withoutCallerStack<T>(create: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return create();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
