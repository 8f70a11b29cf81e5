// name: actors_to_review
// question: Which names should a person curate first: the most mentioned actors of kind other, persons with no country, and persons known by one word only?
// params: limit (int, default 25)
// example: newsgraph query --name actors_to_review
MATCH (a:Actor)
WHERE a.kind = 'other' OR (a.kind = 'person' AND (a.country IS NULL OR NOT a.name CONTAINS ' '))
MATCH (art:Article)-[m:MENTIONS]->(a)
WITH a, count(DISTINCT art) AS articles, toInteger(sum(m.count)) AS mentions
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, articles, mentions,
       CASE WHEN a.kind = 'other' THEN 'kind unknown'
            WHEN NOT a.name CONTAINS ' ' THEN 'one word: a surname no full name explains'
            ELSE 'no country' END AS why
ORDER BY articles DESC, mentions DESC, id
LIMIT $limit
