// Derived INTERACTS_WITH (order: steps.toml; last): one per (source, target, action) from asserted, non-negated
// events; category is the most frequent one (ties: alphabetical). FalkorDB's sum() is a float,
// hence toInteger.
MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t:Actor)
WHERE e.negated = false AND e.modality IS NULL
WITH s, t, e.action AS action, e.category AS category, count(e) AS n, sum(e.score) AS score,
     min(e.date) AS first_seen, max(e.date) AS last_seen
ORDER BY n DESC, category
WITH s, t, action, collect(category)[0] AS category, toInteger(sum(n)) AS count,
     sum(score) AS score, min(first_seen) AS first_seen, max(last_seen) AS last_seen
CREATE (s)-[:INTERACTS_WITH {action: action, category: category, count: count, score: score,
                             first_seen: first_seen, last_seen: last_seen}]->(t)
