// Calls the PolicyGraph API. Failures become ApiError carrying the problem+json fields
// (title, detail, code, status), so every caller can show the server's own explanation.

export class ApiError extends Error {
  constructor({ status, title, detail, code, requestId, errors }) {
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title ?? '请求失败';
    this.detail = detail ?? '';
    this.code = code ?? 'HTTP_ERROR';
    this.requestId = requestId;
    this.errors = errors;
  }
}

/** True for the AbortError of a request superseded by a newer one: not worth showing. */
export function isAbort(error) {
  return error?.name === 'AbortError';
}

function urlOf(path, params) {
  const url = new URL(path, window.location.href);
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url;
}

export async function getJson(path, params, { signal } = {}) {
  let res;
  try {
    res = await fetch(urlOf(path, params), { headers: { accept: 'application/json, application/problem+json' }, signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError({ status: 0, title: '无法连接服务', detail: '网络请求失败，请检查服务是否在运行。', code: 'NETWORK' });
  }
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json().catch(() => undefined) : undefined;
  if (!res.ok) {
    throw new ApiError({
      status: res.status,
      title: body?.title ?? `HTTP ${res.status}`,
      detail: body?.detail ?? res.statusText,
      code: body?.code ?? `HTTP_${res.status}`,
      requestId: body?.requestId ?? res.headers.get('x-request-id') ?? undefined,
      errors: body?.errors,
    });
  }
  if (body === undefined) throw new ApiError({ status: res.status, title: '响应格式错误', detail: `期望 JSON，收到 ${type || '未知类型'}`, code: 'BAD_RESPONSE' });
  return body;
}

export const entityPath = (id, suffix = '') => `/api/entities/${encodeURIComponent(id)}${suffix}`;

let documentedPaths = null;

/**
 * Whether the server documents `path` in its OpenAPI description (e.g. '/api/ask'): lets the page
 * leave out features a server does not offer instead of calling them into a 404. When the
 * description cannot be read, every path counts as available.
 */
export function routeAvailable(path) {
  documentedPaths ??= getJson('/openapi.json')
    .then((doc) => new Set(Object.keys(doc.paths ?? {})))
    .catch(() => null);
  return documentedPaths.then((paths) => !paths || paths.has(path));
}
