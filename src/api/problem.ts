// Answers every failure as application/problem+json (RFC 9457) with a stable type and code, the
// failing fields for validation errors, and the request id; never a stack or a driver message.
import type { NextFunction, Request, Response } from 'express';
import { AppError, ERROR_CATALOGUE, isAppError, type ErrorCode } from '../errors.js';
import { moduleLogger } from '../log.js';

const log = moduleLogger('api');

export function problemType(code: ErrorCode): string {
  return `https://policygraph.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

/** Errors thrown by express's body parsers, mapped to our codes. */
function fromBodyParser(error: { type?: string; status?: number }): AppError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than the configured limit');
    case 'entity.parse.failed':
      return new AppError('VALIDATION_FAILED', 'the request body is not valid JSON', { fields: [{ path: '(body)', message: 'invalid JSON' }] });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported charset or content encoding');
    default: {
      // Other client errors raised by Express or its parsers (a malformed path escape, a broken gzip
      // body): answer their status without echoing their message.
      const status = error.status ?? (error as { statusCode?: number }).statusCode;
      if (status === 404) return new AppError('NOT_FOUND', 'resource not found');
      if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than the configured limit');
      if (status === 429) return new AppError('RATE_LIMITED', 'too many requests; retry later');
      if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported content type or encoding');
      if (typeof status === 'number' && status >= 400 && status < 500) return new AppError('VALIDATION_FAILED', 'the request could not be read');
      return undefined;
    }
  }
}

/** The problem+json document for an error; `instance` is the request's path and query. */
export function problemBody(error: AppError, instance: string, requestId: string): Record<string, unknown> {
  return {
    type: problemType(error.code),
    title: ERROR_CATALOGUE[error.code].title,
    status: error.status,
    detail: error.message,
    instance,
    code: error.code,
    requestId,
    ...(error.fields ? { errors: error.fields } : {}),
  };
}

export function sendProblem(req: Request, res: Response, error: AppError): void {
  const body = problemBody(error, req.originalUrl, String(res.locals.requestId ?? ''));
  if (error.status === 503) res.setHeader('Retry-After', '5');
  res.status(error.status).type('application/problem+json').send(JSON.stringify(body));
}

export function problemMiddleware(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const known = isAppError(error) ? error : fromBodyParser((error ?? {}) as { type?: string; status?: number });
  const appError = known ?? new AppError('INTERNAL', 'an unexpected error occurred; the request id identifies it in the logs', { cause: error });
  const entry = { reqId: res.locals.requestId, code: appError.code, err: appError.cause ?? appError };
  if (appError.status >= 500) log.error(entry, appError.message);
  else log.debug(entry, appError.message);
  sendProblem(req, res, appError);
}
