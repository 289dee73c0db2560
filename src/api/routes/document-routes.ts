// Documents: create (JSON or text/plain), list, get, delete.
import { z } from 'zod';
import { AppError, isAppError } from '../../errors.js';
import { decodeTextBody } from '../../ingest/decode-text.js';
import { cleanTitle, documentInputSchema } from '../../ingest/document-input.js';
import { titleOf } from '../../ingest/load-files.js';
import { ingestDocument } from '../../ingest/ingest-document.js';
import { defineRoute } from '../route.js';
import { documentMetaSchema, idParamSchema, limitSchema, passageHitSchema } from '../schemas.js';

const ingestResultSchema = z.object({
  status: z.enum(['created', 'unchanged', 'replaced']).describe('201 for created and replaced, 200 for unchanged'),
  document: documentMetaSchema,
  replaced: z.array(z.string()),
  counts: z.object({
    passages: z.number().int(),
    entities: z.number().int(),
    mentions: z.number().int(),
    targets: z.number().int(),
    relations: z.number().int(),
  }),
  encoding: z
    .object({ name: z.enum(['utf-8', 'gb18030']), detected: z.boolean() })
    .optional()
    .describe('for text/plain bodies: how the bytes were decoded, and whether that was detected (no charset given)'),
});

/** For text/plain bodies, the metadata travels in the query string. */
const { title, source, region, publishedAt } = documentInputSchema.shape;
const plainTextQuerySchema = z.object({
  title: title.optional().describe("for text/plain bodies; defaults to the text's first heading or first line"),
  source,
  region,
  publishedAt,
  replace: z
    .enum(['true', 'false'])
    .optional()
    .describe('absent: a new text of an existing source replaces it; true: replace even identical text; false: answer 409 instead of replacing'),
});


export const documentRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/documents',
    tag: 'documents',
    summary: 'Ingest a document (JSON body, or text/plain with title etc. in the query string)',
    query: plainTextQuerySchema,
    body: documentInputSchema,
    bodyTypes: ['text/plain'],
    response: ingestResultSchema,
    status: 201,
    otherSuccess: [200],
    errors: [400, 401, 403, 409, 413, 415, 422, 503],
    write: true,
    handler: async ({ query }, { services, req, res }) => {
      const decoded = Buffer.isBuffer(req.body) ? decodeTextBody(req.body, charsetOf(req.get('content-type'))) : undefined;
      const raw: unknown = decoded ? { title: defaultTitle(decoded.text), ...withoutReplace(query), text: decoded.text } : req.body;
      const parsed = documentInputSchema.safeParse(raw);
      if (!parsed.success) {
        const emptyText = parsed.error.issues.some((i) => i.path[0] === 'text' && i.code === 'invalid_format');
        throw new AppError(emptyText ? 'EMPTY_DOCUMENT' : 'VALIDATION_FAILED', emptyText ? 'the document text is empty, whitespace or invisible characters only' : 'the document is invalid', {
          fields: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message })),
        });
      }
      const ingest = () => ingestDocument(parsed.data, services, { replace: query.replace === 'true', keepExisting: query.replace === 'false' });
      // Clients posting the same text at once race to one document id (or one new entity): the
      // losers' writes conflict. Once more, each finds the winner's document and answers unchanged.
      const result = await ingest().catch((error: unknown) => {
        if (isAppError(error) && error.code === 'CONFLICT') return ingest();
        throw error;
      });
      res.status(result.status === 'unchanged' ? 200 : 201);
      const encoding = decoded && { name: decoded.encoding, detected: decoded.detected };
      return { status: result.status, document: result.document, replaced: result.replaced, counts: result.counts, ...(encoding ? { encoding } : {}) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents',
    tag: 'documents',
    summary: 'List documents, optionally only those governing a region',
    query: z.object({
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      limit: limitSchema(50, 200),
      region: z.string().trim().min(1).max(100).optional(),
    }),
    response: z.object({ items: z.array(documentMetaSchema), total: z.number().int(), offset: z.number().int(), limit: z.number().int() }),
    handler: async ({ query }, { services }) => {
      const { region, ...page } = query;
      if (!region) return { ...(await services.store.listDocuments(page)), ...page };
      // Documents are few and small (metadata only): filter the whole list, then page it.
      const all = (await services.store.listDocuments({ offset: 0, limit: 10_000 })).items.filter((d) => d.region === region);
      return { items: all.slice(page.offset, page.offset + page.limit), total: all.length, ...page };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id/passages',
    tag: 'documents',
    summary: 'A document as its passages in reading order (with their offsets in the document text), for a reader',
    params: idParamSchema,
    response: z.object({ document: documentMetaSchema, passages: z.array(passageHitSchema.shape.passage) }),
    errors: [404],
    handler: async ({ params }, { services }) => {
      const [document, passages] = await Promise.all([services.store.getDocument(params.id), services.store.documentPassages(params.id)]);
      if (!document) throw new AppError('NOT_FOUND', `no document ${params.id}`);
      return { document, passages };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id',
    tag: 'documents',
    summary: 'One document',
    params: idParamSchema,
    response: documentMetaSchema,
    errors: [404],
    handler: async ({ params }, { services }) => {
      const doc = await services.store.getDocument(params.id);
      if (!doc) throw new AppError('NOT_FOUND', `no document ${params.id}`);
      return doc;
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/documents/:id',
    tag: 'documents',
    summary: 'Delete a document and exactly what only it supported',
    params: idParamSchema,
    response: z.object({ deleted: z.string() }),
    errors: [401, 403, 404, 503],
    write: true,
    handler: async ({ params }, { services }) => {
      if (!(await services.store.deleteDocument(params.id))) throw new AppError('NOT_FOUND', `no document ${params.id}`);
      return { deleted: params.id };
    },
  }),
];


/** Passages by id, so that evidence can always be quoted. */
export const passageRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/passages',
    tag: 'documents',
    summary: 'Passages by id (the passageId of any evidence or citation), with their document titles',
    query: z.object({
      ids: z.preprocess(
        (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
        z.array(z.string().min(1).max(300)).min(1, 'ids is required').max(50),
      ),
    }),
    response: z.object({ items: z.array(passageHitSchema) }),
    handler: async ({ query }, { services }) => ({
      items: (await services.store.getPassages(query.ids)).map(({ passage, docTitle }) => ({ passage, docTitle })),
    }),
  }),
];

function withoutReplace(query: z.output<typeof plainTextQuerySchema>): Omit<typeof query, 'replace'> {
  const { replace: _replace, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** A text sent without a title is named like a file: its heading or short first line, else its opening. */
function defaultTitle(text: string): string {
  return cleanTitle(titleOf(text, '')) || cleanTitle(text).slice(0, 40);
}

/** The charset parameter of a Content-Type header, if any. */
function charsetOf(header: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header ?? '')?.[1];
}
