// name: actors_named
// question: Which actors do the articles name with these words (as written, or after "the"), how often, and by which rules?
// params: text (the words as written, e.g. "Kremlin"), limit (int, default 25)
// example: newsgraph query --name actors_named --param text=Kremlin
MATCH (m:Mention)-[:REFERS_TO]->(a:Actor)
WHERE m.text IN [$text, 'the ' + $text, 'The ' + $text]
WITH a, count(m) AS mentions, count(DISTINCT m.article_id) AS articles, collect(DISTINCT m.rule) AS rules
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, mentions, articles, rules
ORDER BY mentions DESC, id
LIMIT $limit
