// The MENTIONS rows of some articles. params: ids (article ids)
MATCH (art:Article)-[m:MENTIONS]->(a:Actor) WHERE art.id IN $ids
RETURN art.id AS article_id, a.id AS actor_id, m.count AS count
ORDER BY article_id, actor_id
