// name: articles_mentioning
// question: Which articles mention actor A, newest first, with the mention count and the events it takes part in?
// params: a (actor id, name or alias, e.g. "Syria"), limit (int, default 50)
// example: newsgraph query --name articles_mentioning --param a=Syria
MATCH (a:Actor) WHERE a.id = $a OR toLower(a.name) = toLower($a) OR replace(replace(toLower($a), '.', ''), '-', ' ') IN coalesce(a.aliases, [])
MATCH (art:Article)-[m:MENTIONS]->(a)
OPTIONAL MATCH (art)<-[:REPORTED_IN]-(e:Event)-[:SOURCE_OF|TARGETS]-(a)
WITH a, art, m, count(DISTINCT e) AS events
RETURN a.name AS actor, art.id AS article_id, art.published AS published, art.title AS title,
       art.url AS url, art.doc AS doc, art.source AS source, m.count AS mentions, events
ORDER BY coalesce(published, '') DESC, article_id
LIMIT $limit
