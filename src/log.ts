// Structured logs (pino) to stderr, so that only the CLI's own output reaches stdout.
import { pino, type Logger } from 'pino';

export type { Logger };

let root: Logger | undefined;

export function createRootLogger(level: string): Logger {
  root = pino({ level, base: { service: 'policygraph' } }, pino.destination(2));
  return root;
}

/** A child logger per module; silent until an entry point created the root logger. */
export function moduleLogger(module: string): Logger {
  return (root ?? pino({ level: 'silent' })).child({ module });
}
