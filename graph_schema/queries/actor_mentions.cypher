// name: actor_mentions
// question: With which words do the articles name actor A, read by which rule, and how often?
// params: a (actor id, name or alias, e.g. "Russia"), limit (int, default 25)
// example: newsgraph query --name actor_mentions --param a=Russia
MATCH (a:Actor) WHERE a.id = $a OR toLower(a.name) = toLower($a) OR replace(replace(toLower($a), '.', ''), '-', ' ') IN coalesce(a.aliases, [])
MATCH (m:Mention)-[:REFERS_TO]->(a)
WITH a, m.text AS text, m.rule AS rule, count(m) AS mentions, count(DISTINCT m.article_id) AS articles
RETURN a.id AS id, text, rule, mentions, articles
ORDER BY mentions DESC, text, rule, id
LIMIT $limit
