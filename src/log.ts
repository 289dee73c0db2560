// Structured logs (pino) to stderr, so that only the CLI's own output reaches stdout.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const silent = pino({ level: 'silent' });
let root: Logger | undefined;
// Children are cached per root, so a module's logger is made once per root, not once per line.
let children = new Map<string, Logger>();

/** `destination` is for tests that read the lines; entry points log to stderr. */
export function createRootLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  root = pino({ level, base: { service: 'policygraph' } }, destination);
  children = new Map();
  return root;
}

function current(module: string): Logger {
  if (!root) return silent;
  let child = children.get(module);
  if (!child) children.set(module, (child = root.child({ module })));
  return child;
}

/**
 * A child logger per module. Modules create theirs at import time, before any entry point made the
 * root, so the logger resolves the root at each call: silent until there is one, then its child.
 */
export function moduleLogger(module: string): Logger {
  return new Proxy(silent, {
    get(_target, prop) {
      const logger = current(module);
      const value: unknown = Reflect.get(logger, prop, logger);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
    },
  });
}
