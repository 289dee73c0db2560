// The documents' metadata, read once per page (titles for citations, the scope bar, the documents
// view) and again after a failure.

import { getJson } from './api-client.js';

let pending = null;

/** All documents (up to 200), oldest first; [] when the list cannot be read. */
export function listDocuments({ refresh = false } = {}) {
  if (refresh) pending = null;
  pending ??= getJson('/api/documents', { limit: 200 })
    .then((page) => page.items ?? [])
    .catch((error) => {
      pending = null;
      throw error;
    });
  return pending;
}
