// Each entity's mention count and the documents mentioning it, in memory. Entity look-ups rank by
// mentions and report the documents; as correlated SQL subqueries that cost ~1 ms per search
// request (every candidate's mentions counted), here it is one map look-up per entity.
import { all, type Db } from './open-database.js';

export interface EntityStats {
  mentions: number;
  /** In order of first mention, as json_group_array(DISTINCT doc_id) over the mentions index gave. */
  docIds: readonly string[];
}

const NONE: EntityStats = Object.freeze({ mentions: 0, docIds: Object.freeze([]) as readonly string[] });

export class EntityStatsSnapshot {
  private constructor(private readonly stats: ReadonlyMap<string, EntityStats>) {}

  static build(db: Db): EntityStatsSnapshot {
    const rows = all<{ entity_id: string; doc_id: string; n: number }>(
      db,
      'SELECT entity_id, doc_id, count(*) AS n, min(pk) AS first FROM mentions GROUP BY entity_id, doc_id ORDER BY entity_id, first',
    );
    const stats = new Map<string, { mentions: number; docIds: string[] }>();
    for (const r of rows) {
      const s = stats.get(r.entity_id) ?? stats.set(r.entity_id, { mentions: 0, docIds: [] }).get(r.entity_id)!;
      s.mentions += r.n;
      s.docIds.push(r.doc_id);
    }
    return new EntityStatsSnapshot(stats);
  }

  of(id: string): EntityStats {
    return this.stats.get(id) ?? NONE;
  }
}
