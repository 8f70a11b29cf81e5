// name: who_reported_what
// question: Which events did a person or body report (REPORTED_BY), with the evidence sentence?
// params: reporter (actor id, name or alias, e.g. "Maria Zakharova"), limit (int, default 50)
// example: newsgraph query --name who_reported_what --param reporter="Maria Zakharova"
MATCH (rep:Actor) WHERE rep.id = $reporter OR toLower(rep.name) = toLower($reporter) OR replace(replace(toLower($reporter), '.', ''), '-', ' ') IN coalesce(rep.aliases, [])
MATCH (e:Event)-[:REPORTED_BY]->(rep)
MATCH (s:Actor)-[:SOURCE_OF]->(e)-[:REPORTED_IN]->(art:Article)
OPTIONAL MATCH (e)-[:TARGETS]->(t:Actor)
RETURN rep.name AS reporter, e.date AS date, s.name AS source, e.action AS action, e.verb AS verb,
       t.name AS target, e.category AS category, e.score AS score, e.negated AS negated,
       e.modality AS modality, e.evidence AS evidence, art.title AS title, art.url AS url, e.id AS event_id
ORDER BY coalesce(e.date, '9999-12-31'), art.id, e.sentence_index, e.id
LIMIT $limit
