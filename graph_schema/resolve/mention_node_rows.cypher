// The :Mention rows of some articles, as the load writes them. params: ids (article ids)
MATCH (m:Mention)-[:REFERS_TO]->(a:Actor) WHERE m.article_id IN $ids
RETURN m.article_id AS article_id, a.id AS actor_id, m.text AS text, m.sentence_index AS sentence_index,
       m.start AS start, m.end AS end, m.rule AS rule, m.role AS role
ORDER BY article_id, start, end, actor_id
