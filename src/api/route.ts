// A route is declared once, with zod schemas for its inputs and output; the app registers it and
// the OpenAPI document is generated from the same declaration, so the two cannot drift apart.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../services.js';

export interface RouteContext {
  services: Services;
  req: Request;
  res: Response;
}

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: 'get' | 'post' | 'delete';
  /** Express-style path, e.g. `/api/entities/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Extra request content types besides JSON (e.g. text/plain for documents). */
  bodyTypes?: string[];
  response: R;
  status?: number;
  /** Other success statuses the route may answer with the same response schema. */
  otherSuccess?: number[];
  /** Other statuses this route may answer with problem+json. */
  errors?: number[];
  /** Writes need the API key (or loopback when no key is configured). */
  write?: boolean;
  /** Set when the handler writes the response itself (HTML, problem documents). */
  raw?: 'html' | 'json';
  handler: (input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }, ctx: RouteContext) => Promise<z.input<R> | undefined>;
}

// The erased form the registry stores: each definition was type-checked by defineRoute.
export type AnyRoute = RouteDef<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

export function defineRoute<P extends z.ZodType = z.ZodObject, Q extends z.ZodType = z.ZodObject, B extends z.ZodType = z.ZodUnknown, R extends z.ZodType = z.ZodUnknown>(
  def: RouteDef<P, Q, B, R>,
): AnyRoute {
  return def as unknown as AnyRoute;
}
