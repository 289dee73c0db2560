// Requests Node's HTTP parser refuses before Express sees them (headers over the size limit, broken
// request lines). Node answers those with an empty body; we answer problem+json like everywhere else.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../errors.js';
import { moduleLogger } from '../log.js';
import { problemBody } from './problem.js';

/** Large enough for a 2,000-character query of 4-byte characters, percent-encoded (12 bytes each). */
export const MAX_HEADER_BYTES = 64 * 1024;

const log = moduleLogger('http');

function errorFor(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') return new AppError('HEADERS_TOO_LARGE', `the request headers are larger than ${MAX_HEADER_BYTES} bytes`);
  return new AppError('VALIDATION_FAILED', 'the request could not be parsed as HTTP');
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset or timed-out connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = errorFor(error.code);
    const requestId = randomUUID();
    log.info({ reqId: requestId, status: problem.status, code: error.code }, 'request refused by the HTTP parser');
    const body = JSON.stringify(problemBody(problem, '', requestId));
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
