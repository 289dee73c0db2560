// One catalogue of the project's errors: a stable code, its HTTP status and a title. Handlers throw
// AppError; the API answers problem+json from it and the CLI maps it to an exit code.

export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, title: 'Request validation failed', exit: 2 },
  UNAUTHORIZED: { status: 401, title: 'A valid API key is required', exit: 2 },
  FORBIDDEN: { status: 403, title: 'Writes are only accepted from loopback without an API key', exit: 2 },
  CROSS_SITE_WRITE: { status: 403, title: 'Writes from another site are refused', exit: 2 },
  HOST_NOT_ALLOWED: { status: 421, title: 'The Host header names a host this service does not serve', exit: 2 },
  NOT_FOUND: { status: 404, title: 'Resource not found', exit: 4 },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed', exit: 2 },
  CONFLICT: { status: 409, title: 'Conflicting state', exit: 5 },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large', exit: 2 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type', exit: 2 },
  EMPTY_DOCUMENT: { status: 422, title: 'Document has no text', exit: 2 },
  UNDECODABLE_FILE: { status: 422, title: 'File is neither UTF-8 nor GB18030', exit: 2 },
  RATE_LIMITED: { status: 429, title: 'Too many requests', exit: 6 },
  HEADERS_TOO_LARGE: { status: 431, title: 'Request header fields too large', exit: 2 },
  STORE_UNAVAILABLE: { status: 503, title: 'The graph store is unavailable', exit: 3 },
  REQUEST_TIMEOUT: { status: 503, title: 'The request took too long', exit: 3 },
  SCHEMA_MISMATCH: { status: 503, title: 'The graph schema does not match the configuration', exit: 3 },
  CONFIG_INVALID: { status: 500, title: 'Invalid configuration', exit: 2 },
  PORT_IN_USE: { status: 500, title: 'Port already in use', exit: 2 },
  INTERNAL: { status: 500, title: 'Internal error', exit: 1 },
} as const satisfies Record<string, { status: number; title: string; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly fields?: FieldIssue[];

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; fields?: FieldIssue[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.fields) this.fields = options.fields;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Field issues from a zod error, as `path: message` pairs, each path under an optional prefix. */
export function fieldIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix?: string): FieldIssue[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    return { path: prefix ? [prefix, path].filter(Boolean).join('.') : path || '(root)', message: i.message };
  });
}

interface SafeParser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** Parses with a zod schema; a failure is VALIDATION_FAILED listing every failing field. */
export function validate<T>(schema: SafeParser<T>, input: unknown, where?: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldIssues(parsed.error.issues, where);
  throw new AppError('VALIDATION_FAILED', `invalid ${where ?? 'input'}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
}
