// Re-embeds every passage with the configured embedder and rebuilds the vector index when the
// dimension changed (the fix that the schema-mismatch error points to).
import type { Config } from '../config.js';
import { openServices } from '../services.js';

export async function reindex(config: Config, batch: number, onProgress: (done: number) => void): Promise<number> {
  const services = await openServices(config, { migrate: false });
  try {
    const { store, embedder } = services;
    const state = await store.schemaState();
    let done = 0;
    for (let offset = 0; ; offset += batch) {
      const rows = await store.passagesForReindex(offset, batch);
      if (!rows.length) break;
      const vectors = await embedder.embed(rows.map((r) => r.text), 'passage');
      await store.setEmbeddings(rows.map((r, i) => ({ id: r.id, embedding: vectors[i]! })));
      done += rows.length;
      onProgress(done);
    }
    if (state.vectorDimension !== embedder.dimension) await store.recreateVectorIndex(embedder.dimension);
    await store.migrate(embedder.dimension);
    return done;
  } finally {
    await services.close();
  }
}
