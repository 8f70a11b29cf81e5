// name: new_pairs_since
// question: Which source -> target pairs interacted for the first time on or after a date?
// params: since (ISO date 'YYYY-MM-DD', e.g. "2019-02-01"), limit (int, default 50)
// example: newsgraph query --name new_pairs_since --param since=2019-02-01
MATCH (s:Actor)-[r:INTERACTS_WITH]->(t:Actor)
WITH s, t, r
ORDER BY r.count DESC, r.action
WITH s, t, min(r.first_seen) AS first_seen, max(r.last_seen) AS last_seen,
     toInteger(sum(r.count)) AS events, sum(r.score) AS score, collect(r.action) AS actions
WHERE first_seen >= $since
RETURN s.id AS source_id, s.name AS source, t.id AS target_id, t.name AS target,
       first_seen, last_seen, events, score, actions
ORDER BY first_seen, source_id, target_id
LIMIT $limit
