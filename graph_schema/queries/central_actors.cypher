// name: central_actors
// question: Which actors are the most central, by number of distinct counterparts and of asserted events (with PageRank, betweenness and community once `newsgraph analyze` has run)?
// params: limit (int, default 20)
// example: newsgraph query --name central_actors --param limit=10
MATCH (x:Actor)-[rel:SOURCE_OF|TARGETS]-(e:Event)
WHERE coalesce(e.negated, false) = false AND e.modality IS NULL
OPTIONAL MATCH (e)-[:SOURCE_OF|TARGETS]-(o:Actor)
WHERE o <> x
WITH x, count(DISTINCT o) AS counterparts, count(DISTINCT e) AS events,
     count(DISTINCT CASE WHEN type(rel) = 'SOURCE_OF' THEN e END) AS as_source,
     count(DISTINCT CASE WHEN type(rel) = 'TARGETS' THEN e END) AS as_target
RETURN x.id AS id, x.name AS name, x.kind AS kind, x.country AS country,
       counterparts, events, as_source, as_target, x.pagerank AS pagerank,
       x.betweenness AS betweenness, x.community AS community
ORDER BY counterparts DESC, events DESC, id
LIMIT $limit
