// The articles whose events or mentions involve any of some actors. params: ids (actor ids)
MATCH (a:Actor) WHERE a.id IN $ids
OPTIONAL MATCH (art:Article)-[:MENTIONS]->(a)
WITH collect(DISTINCT art.id) AS mentioning
MATCH (a:Actor) WHERE a.id IN $ids
OPTIONAL MATCH (a)-[:SOURCE_OF|REPORTED_BY|TARGETS]-(e:Event)
WITH mentioning, collect(DISTINCT e.article_id) AS acting
UNWIND mentioning + acting AS id
WITH DISTINCT id WHERE id IS NOT NULL
RETURN id
ORDER BY id
