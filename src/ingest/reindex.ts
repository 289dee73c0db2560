// Re-embeds every passage with the given embedder, rebuilds the vector index when the dimension
// changed, and records the embedder: the fix that the schema-mismatch errors point to.
import type { Embedder } from '../embed/index.js';
import type { GraphStore } from '../store/port.js';

export async function reindex(
  deps: { store: GraphStore; embedder: Embedder },
  batch: number,
  onProgress: (done: number) => void,
): Promise<number> {
  const { store, embedder } = deps;
  const state = await store.schemaState();
  // Until every passage is re-embedded the store holds two embedders' vectors: a name no embedder
  // has makes any start refuse it, so an interrupted reindex is never mistaken for a finished one.
  await store.recordEmbedder(`${embedder.name} (reindex unfinished)`);
  let done = 0;
  for (let after: string | undefined; ; ) {
    const rows = await store.passagesForReindex(after, batch);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    const vectors = await embedder.embed(rows.map((r) => r.text), 'passage');
    await store.setEmbeddings(rows.map((r, i) => ({ id: r.id, embedding: vectors[i]! })));
    done += rows.length;
    onProgress(done);
  }
  if (state.vectorDimension !== embedder.dimension) await store.recreateVectorIndex(embedder.dimension);
  await store.migrate(embedder.dimension);
  await store.recordEmbedder(embedder.name);
  return done;
}
