// name: counterparts_by_category
// question: Who acted toward actor B, grouped by event category with counts (asserted events only)?
// params: b (actor id, name or alias, e.g. "United States"), limit (int, default 25)
// example: newsgraph query --name counterparts_by_category --param b="United States"
MATCH (b:Actor) WHERE b.id = $b OR toLower(b.name) = toLower($b) OR replace(replace(toLower($b), '.', ''), '-', ' ') IN coalesce(b.aliases, [])
MATCH (a:Actor)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(b)
WHERE coalesce(e.negated, false) = false AND e.modality IS NULL
WITH e.category AS category, a, count(e) AS events, sum(e.score) AS score
ORDER BY category, events DESC, a.id
WITH category, toInteger(sum(events)) AS events,
     collect({id: a.id, name: a.name, events: events, score: score}) AS counterparts
RETURN category, events, size(counterparts) AS counterpart_count, counterparts
ORDER BY events DESC, category
LIMIT $limit
