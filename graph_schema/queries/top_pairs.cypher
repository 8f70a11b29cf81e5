// name: top_pairs
// question: Which source -> target pairs interact most (INTERACTS_WITH counts summed over actions)?
// params: limit (int, default 20)
// example: newsgraph query --name top_pairs --param limit=10
MATCH (s:Actor)-[r:INTERACTS_WITH]->(t:Actor)
WITH s, t, r
ORDER BY r.count DESC, r.action
WITH s, t, toInteger(sum(r.count)) AS events, sum(r.score) AS score,
     collect({action: r.action, category: r.category, count: r.count}) AS actions,
     min(r.first_seen) AS first_seen, max(r.last_seen) AS last_seen
RETURN s.id AS source_id, s.name AS source, t.id AS target_id, t.name AS target,
       events, score, actions, first_seen, last_seen
ORDER BY events DESC, source_id, target_id
LIMIT $limit
