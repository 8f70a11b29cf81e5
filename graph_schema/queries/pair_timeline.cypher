// name: pair_timeline
// question: What happened between actors A and B, in both directions, in date order?
// params: a (actor id, name or alias, e.g. "Russia"), b (actor id, name or alias, e.g. "United States"), limit (int, default 100)
// example: newsgraph query --name pair_timeline --param a=Russia --param b="United States"
MATCH (a:Actor) WHERE a.id = $a OR toLower(a.name) = toLower($a) OR replace(replace(toLower($a), '.', ''), '-', ' ') IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE b.id = $b OR toLower(b.name) = toLower($b) OR replace(replace(toLower($b), '.', ''), '-', ' ') IN coalesce(b.aliases, [])
UNWIND [[a, b], [b, a]] AS pair
WITH pair[0] AS s, pair[1] AS t
MATCH (s)-[:SOURCE_OF]->(e:Event)-[:TARGETS]->(t)
MATCH (e)-[:REPORTED_IN]->(art:Article)
RETURN DISTINCT e.date AS date, s.name AS source, e.action AS action, e.verb AS verb, t.name AS target,
       e.category AS category, e.score AS score, e.negated AS negated, e.modality AS modality,
       e.evidence AS evidence, art.title AS title, art.url AS url, e.id AS event_id,
       art.id AS article_id, e.sentence_index AS sentence_index
ORDER BY coalesce(date, '9999-12-31'), article_id, sentence_index, event_id
LIMIT $limit
