// An Embedder backed by an OpenAI-compatible embeddings endpoint (`POST {url}/embeddings` with
// `{model, input: string[]}`, as served by Ollama, TEI, vLLM or OpenAI): batched, validated, every
// vector L2-normalised. The dimension is learnt from one probe call when the embedder is created, so
// a wrong URL, key or model fails at start-up rather than at the first search.
import { z } from 'zod';
import type { EmbedKind, Embedder } from './embedder.js';
import { modelProfile } from './model-profile.js';

export interface EndpointEmbedderOptions {
  /** The API base (`http://127.0.0.1:11434/v1`) or the full `…/embeddings` URL. */
  url: string;
  model: string;
  /** Sent as `Authorization: Bearer <key>`; never logged. */
  apiKey?: string;
  /** Texts per request (default 32). */
  batchSize?: number;
  /** Per request (default 30 s). */
  timeoutMs?: number;
}

/** The endpoint could not be used: unreachable, an error status, or a malformed answer. */
export class EmbeddingEndpointError extends Error {
  override readonly name = 'EmbeddingEndpointError';
}

const responseSchema = z.object({
  data: z
    .array(z.object({ embedding: z.array(z.number()).min(1), index: z.int().min(0).optional() }))
    .describe('one item per input'),
});

/** `…/v1` → `…/v1/embeddings`; a URL already naming the route is kept. */
export function embeddingsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/embeddings') ? trimmed : `${trimmed}/embeddings`;
}

function normalise(v: number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return norm > 0 ? v.map((x) => x / norm) : v;
}

export async function createEndpointEmbedder(options: EndpointEmbedderOptions): Promise<Embedder> {
  const { model, apiKey, batchSize = 32, timeoutMs = 30_000 } = options;
  const url = embeddingsUrl(options.url);
  const origin = new URL(url).origin;
  const profile = modelProfile(model);

  async function request(input: string[]): Promise<number[][]> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({ model, input }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new EmbeddingEndpointError(`embedding endpoint ${origin} cannot be reached (${cause})`, { cause: error });
    }
    if (!response.ok) {
      throw new EmbeddingEndpointError(`embedding endpoint ${origin} answered HTTP ${response.status}${response.status === 401 ? ' (check EMBEDDING_API_KEY)' : ''}`);
    }
    const parsed = responseSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success || parsed.data.data.length !== input.length) {
      throw new EmbeddingEndpointError(`embedding endpoint ${origin} gave no OpenAI-style answer for ${input.length} input(s)`);
    }
    // `index` says which input an item answers; servers may return them in any order.
    const items = parsed.data.data.map((d, i) => ({ at: d.index ?? i, v: d.embedding }));
    const out = new Array<number[]>(input.length);
    for (const { at, v } of items) out[at] = normalise(v);
    if (out.some((v) => !v)) throw new EmbeddingEndpointError(`embedding endpoint ${origin} answered with duplicate indexes`);
    return out;
  }

  const [probe] = await request(['维度']);
  const dimension = probe!.length;

  async function embed(texts: string[], kind: EmbedKind): Promise<number[][]> {
    const prefix = kind === 'query' ? profile.queryPrefix : profile.passagePrefix;
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const vectors = await request(texts.slice(start, start + batchSize).map((t) => prefix + t));
      if (vectors.some((v) => v.length !== dimension)) throw new EmbeddingEndpointError(`embedding endpoint ${origin} changed its dimension from ${dimension}`);
      out.push(...vectors);
    }
    return out;
  }

  return { name: `endpoint:${model}`, dimension, embed };
}
