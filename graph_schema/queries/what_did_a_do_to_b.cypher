// name: what_did_a_do_to_b
// question: What did actor A do to actor B, with the evidence sentence?
// params: a (actor id, name or alias, e.g. "Russia"), b (actor id, name or alias, e.g. "United States"), limit (int, default 25)
// example: newsgraph query --name what_did_a_do_to_b --param a=Russia --param b="United States"
MATCH (a:Actor) WHERE a.id = $a OR toLower(a.name) = toLower($a) OR replace(replace(toLower($a), '.', ''), '-', ' ') IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE b.id = $b OR toLower(b.name) = toLower($b) OR replace(replace(toLower($b), '.', ''), '-', ' ') IN coalesce(b.aliases, [])
MATCH (a)-[sr:SOURCE_OF]->(e:Event)-[tr:TARGETS]->(b)
MATCH (e)-[:REPORTED_IN]->(art:Article)
OPTIONAL MATCH (e)-[:REPORTED_BY]->(rep:Actor)
RETURN e.date AS date,
       a.name AS source, sr.role AS source_role,
       e.action AS action, e.verb AS verb, e.category AS category, e.score AS score,
       e.negated AS negated, e.modality AS modality,
       b.name AS target, tr.role AS target_role,
       rep.name AS reported_by,
       e.evidence AS evidence,
       art.title AS title, art.url AS url, art.id AS article_id, e.id AS event_id
ORDER BY coalesce(e.date, '9999-12-31'), art.id, e.sentence_index, e.id
LIMIT $limit
