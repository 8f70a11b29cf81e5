// Derived INTERACTS_WITH, step 2: one per (source, target, action) from asserted, non-negated events.
MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t:Actor)
WHERE e.negated = false AND e.modality IS NULL
WITH s, t, e.action AS action, min(e.category) AS category, count(e) AS n,
     sum(e.score) AS score, min(e.date) AS first_seen, max(e.date) AS last_seen
CREATE (s)-[:INTERACTS_WITH {action: action, category: category, count: n, score: score,
                             first_seen: first_seen, last_seen: last_seen}]->(t)
