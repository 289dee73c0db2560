// A circuit breaker in front of the graph store. While the store is known to be down, every call
// answers STORE_UNAVAILABLE at once instead of waiting out the driver's connection timeouts and
// retries (seconds per request). What the breaker knows comes from readiness: a ping that fails with
// STORE_UNAVAILABLE opens it (a failed call prompts one), a ping that succeeds closes it. A background ping runs
// every `intervalMs`, so an outage is noticed before requests meet it and recovery needs no restart.
import { AppError, isAppError } from '../errors.js';
import { moduleLogger } from '../log.js';
import type { GraphStore } from '../store/port.js';

const log = moduleLogger('store-breaker');

export class StoreBreaker {
  private down: { since: Date; cause: unknown } | undefined;
  private probing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: GraphStore,
    intervalMs = 2_000,
  ) {
    // A failed background ping is already recorded; nothing waits for it.
    this.timer = setInterval(() => this.probe().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  /** Pings the store and records the outcome; concurrent callers (the readiness route) share one ping. */
  probe(): Promise<void> {
    this.probing ??= this.ping().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async ping(): Promise<void> {
    try {
      await this.store.ping();
      this.close();
    } catch (error) {
      if (isAppError(error) && error.code === 'STORE_UNAVAILABLE') this.open(error);
      throw error;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The store seen through the breaker: the same port, answering at once while the store is down. */
  guard(): GraphStore {
    return new Proxy(this.store, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => Promise<unknown>;
        // A ping is the breaker's own probe; closing the store stops the probing.
        if (prop === 'ping') return () => this.probe();
        if (prop === 'close') return () => (this.stop(), method.call(target));
        return (...args: unknown[]) => this.call(() => method.apply(target, args));
      },
    });
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    if (this.down) {
      throw new AppError('STORE_UNAVAILABLE', 'the graph store is unavailable; it is being checked every few seconds, retry later', { cause: this.down.cause });
    }
    try {
      return await work();
    } catch (error) {
      // A failed call only prompts a ping: a busy moment (SQLite's lock, one dropped connection)
      // must not shut every request out while the store still answers.
      if (isAppError(error) && error.code === 'STORE_UNAVAILABLE') void this.probe().catch(() => undefined);
      throw error;
    }
  }

  private open(cause: AppError): void {
    if (this.down) return;
    this.down = { since: new Date(), cause };
    log.warn({ err: cause.cause ?? cause }, 'graph store unavailable: answering 503 at once until a ping succeeds');
  }

  private close(): void {
    if (!this.down) return;
    log.info({ downMs: Date.now() - this.down.since.getTime() }, 'graph store reachable again');
    this.down = undefined;
  }
}
