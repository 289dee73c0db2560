// The union of several target look-ups as one Cypher fragment, shared by targetsForAny and the graph
// channel (which asks it in the same statement as its passages).

/**
 * Each metric word and each measured entity is its own subquery with its own cap (starting from the
 * entity, not from every target), the union distinct. Yields `t` and `measures` in a stable order;
 * parameters `$metrics`, `$entityIds`, `$per`.
 */
export const TARGETS_FOR_ANY = `CALL () {
       UNWIND $metrics AS word
       CALL (word) { MATCH (t:Target) WHERE t.metric CONTAINS word RETURN t ORDER BY t.docId, t.start, t.id LIMIT $per }
       RETURN t
       UNION
       UNWIND $entityIds AS eid
       CALL (eid) { MATCH (:Entity {id: eid})<-[:MEASURES]-(t:Target) RETURN t ORDER BY t.docId, t.start, t.id LIMIT $per }
       RETURN t
     }
     WITH DISTINCT t
     OPTIONAL MATCH (t)-[:MEASURES]->(e:Entity)
     WITH t, collect(e.id) AS measures
     WITH t, measures ORDER BY t.docId, t.start, t.id`;
