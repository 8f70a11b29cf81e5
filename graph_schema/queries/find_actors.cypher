// name: find_actors
// question: Which actors have a name or id containing some text, and how often are they mentioned?
// params: q (text, e.g. "united"), limit (int, default 25)
// example: newsgraph query --name find_actors --param q=united
MATCH (a:Actor)
WHERE toLower(a.name) CONTAINS toLower($q) OR toLower(a.id) CONTAINS toLower($q)
OPTIONAL MATCH (art:Article)-[m:MENTIONS]->(a)
WITH a, count(DISTINCT art) AS articles, toInteger(sum(m.count)) AS mentions
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, articles, mentions
ORDER BY articles DESC, id
LIMIT $limit
