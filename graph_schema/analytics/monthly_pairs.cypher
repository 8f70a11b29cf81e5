// The same events INTERACTS_WITH counts, per month; undated events have no month.
MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t:Actor)
WHERE s.id <> t.id AND coalesce(e.negated, false) = false AND e.modality IS NULL
  AND e.date IS NOT NULL
RETURN s.id AS source, t.id AS target, substring(e.date, 0, 7) AS month, count(e) AS count,
       sum(e.score) AS score
