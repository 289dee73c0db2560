// The explorer's scope filters: `docs` (document ids) and `region` (documents governing a region)
// narrow graph, target and search reads to a set of documents. Resolved here, once per request, so
// stores only ever see a list of document ids.
import { z } from 'zod';
import type { Services } from '../../services.js';
import { csvOf } from '../schemas.js';

/** Documents are metadata only: reading all of them to match a region stays cheap. */
const MAX_DOCUMENTS_SCANNED = 10_000;

export const scopeQuerySchema = z.object({
  docs: csvOf(z.string().min(1).max(300)).describe('Only facts from these documents (comma-separated ids)'),
  region: z.string().trim().min(1).max(100).optional().describe('Only facts from documents governing this region'),
});
export type ScopeQuery = z.output<typeof scopeQuerySchema>;

/** The documents in scope, or undefined when nothing narrows it (an empty list means: nothing matches). */
export async function scopeDocIds(services: Services, scope: ScopeQuery): Promise<string[] | undefined> {
  if (!scope.region) return scope.docs;
  const { items } = await services.store.listDocuments({ offset: 0, limit: MAX_DOCUMENTS_SCANNED });
  const inRegion = items.filter((d) => d.region === scope.region).map((d) => d.id);
  return scope.docs ? inRegion.filter((id) => scope.docs!.includes(id)) : inRegion;
}
