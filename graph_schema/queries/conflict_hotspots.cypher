// name: conflict_hotspots
// question: Which pairs of actors (both directions together) have the most negative summed cooperation-conflict score?
// params: limit (int, default 10)
// example: newsgraph query --name conflict_hotspots --param limit=5
MATCH (a:Actor)-[r:INTERACTS_WITH]-(b:Actor)
WHERE a.id < b.id
WITH a, b, sum(r.score) AS score, toInteger(sum(r.count)) AS events
WHERE score < 0
OPTIONAL MATCH (a)-[ab:INTERACTS_WITH]->(b)
WITH a, b, score, events, toFloat(sum(ab.score)) AS score_a_to_b, toInteger(sum(ab.count)) AS events_a_to_b
OPTIONAL MATCH (b)-[ba:INTERACTS_WITH]->(a)
WITH a, b, score, events, score_a_to_b, events_a_to_b,
     toFloat(sum(ba.score)) AS score_b_to_a, toInteger(sum(ba.count)) AS events_b_to_a
RETURN a.id AS a_id, a.name AS a, b.id AS b_id, b.name AS b, score, events,
       score_a_to_b, events_a_to_b, score_b_to_a, events_b_to_a
ORDER BY score, events DESC, a_id, b_id
LIMIT $limit
