// One edge per source -> target pair for networkx, summed over the pair's INTERACTS_WITH
// relationships (one per action), so the rule for what counts stays in load/derive_interactions.
MATCH (s:Actor)-[r:INTERACTS_WITH]->(t:Actor)
WHERE s.id <> t.id
RETURN s.id AS source, t.id AS target, sum(r.count) AS count, sum(r.score) AS score,
       collect(r.action) AS actions
