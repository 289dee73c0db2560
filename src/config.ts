// Configuration: read once by each entry point from the environment (and an optional .env), validated
// by zod, then passed down. Nothing else reads process.env.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const configSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'a bolt:// or neo4j:// URI, e.g. bolt://127.0.0.1:7687')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'a database name').optional(),
  NEO4J_CONNECT_RETRIES: z.coerce.number().int().min(0).max(100).default(5),
  NEO4J_TX_TIMEOUT_MS: positiveInt.default(30_000),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  MODELS_DIR: z.string().min(1).default('./models'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/bge-small-zh-v1.5'),
  ALLOW_REMOTE_MODELS: flag.default(false),
  /** An OpenAI-compatible embeddings API (Ollama, TEI, vLLM: `http://127.0.0.1:11434/v1`), used with EMBEDDING_MODEL. */
  EMBEDDING_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL such as http://127.0.0.1:11434/v1' }).optional(),
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  SEEDS_DIR: z.string().min(1).default('./seeds'),
  API_KEY: z.string().min(8, 'at least 8 characters').optional(),
  CORS_ORIGINS: z.string().default(''),
  // Names the service answers to in the Host header (DNS rebinding): loopback names and HOST by
  // default; `*` accepts any (behind a proxy that checks it).
  ALLOWED_HOSTS: z.string().default(''),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as 5mb').default('5mb'),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  /** Worker threads the server runs ingest's segmentation and extraction on (POST /api/documents). */
  INGEST_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

const SECRETS = new Set(['API_KEY', 'NEO4J_PASSWORD', 'EMBEDDING_API_KEY']);

/** A connection URI without its user and password (`bolt://user:pw@host` → `bolt://host`), for logs and messages. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
}

/** Validates the environment; a bad value becomes one AppError naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'configuration');
  const shown = SECRETS.has(name) ? '(hidden)' : JSON.stringify(redactUri(cleaned[name] ?? ''));
  throw new AppError('CONFIG_INVALID', `invalid configuration: ${name}=${shown}: ${issue.message}`);
}

/** For entry points: loads `.env` from the working directory when present, then validates. */
export function loadConfig(): Config {
  const envFile = path.resolve('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
