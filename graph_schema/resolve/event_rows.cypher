// The Event rows of some articles, with their participants, as the load writes them.
// params: ids (article ids)
MATCH (e:Event) WHERE e.article_id IN $ids
MATCH (s:Actor)-[sr:SOURCE_OF]->(e)
OPTIONAL MATCH (e)-[tr:TARGETS]->(t:Actor)
OPTIONAL MATCH (e)-[:REPORTED_BY]->(r:Actor)
RETURN e.id AS id, e.article_id AS article_id, e.action AS action, e.verb AS verb,
       e.category AS category, e.score AS score, e.negated AS negated, e.modality AS modality,
       e.mode AS mode, e.date AS date, e.evidence AS evidence, e.sentence_index AS sentence_index,
       e.start AS start, e.end AS end, e.confidence AS confidence, e.rule AS rule, e.token AS token,
       s.id AS source_id, sr.role AS source_role, t.id AS target_id, tr.role AS target_role,
       r.id AS reporter_id
ORDER BY article_id, sentence_index, id
