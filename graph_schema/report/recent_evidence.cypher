// The latest events with their evidence sentence and article.
MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (e)-[:TARGETS]->(t:Actor)
RETURN e.date AS date, s.name AS source, e.verb AS verb, e.category AS category,
       e.negated AS negated, e.modality AS modality, t.name AS target, e.evidence AS evidence,
       a.title AS title, a.url AS url, a.doc AS doc
ORDER BY coalesce(e.date, '') DESC, e.id
LIMIT $limit
