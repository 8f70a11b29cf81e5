// name: actors_to_review
// question: Which names should a person curate first: the most mentioned actors of kind other, persons with no country, and persons known by one word only (with the words the articles use for each, and the full names a word alone could be)?
// params: limit (int, default 25)
// example: newsgraph query --name actors_to_review
MATCH (a:Actor)
WHERE a.kind = 'other' OR (a.kind = 'person' AND (a.country IS NULL OR NOT a.name CONTAINS ' '))
MATCH (art:Article)-[m:MENTIONS]->(a)
WITH a, count(DISTINCT art) AS articles, toInteger(sum(m.count)) AS mentions
ORDER BY articles DESC, mentions DESC, a.id
LIMIT $limit
// The words the articles name it with, most used first (its :Mention nodes)
OPTIONAL MATCH (w:Mention)-[:REFERS_TO]->(a)
WITH a, articles, mentions, w.text AS text, count(w) AS uses
ORDER BY uses DESC, text
WITH a, articles, mentions, collect(text)[..3] AS words
// A surname every run's resolve left alone: the full names it could be, for `actors merge`
OPTIONAL MATCH (f:Actor {kind: 'person'})
WHERE a.kind = 'person' AND NOT a.name CONTAINS ' ' AND f.name ENDS WITH (' ' + a.name)
WITH a, articles, mentions, words, collect(f.id) AS fits
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, articles, mentions, words,
       CASE WHEN a.kind = 'other' THEN 'kind unknown'
            WHEN NOT a.name CONTAINS ' ' AND size(fits) > 1
              THEN 'one word: ' + toString(size(fits)) + ' full names fit: ' + reduce(s = '', f IN fits[..3] | s + (CASE WHEN s = '' THEN '' ELSE ', ' END) + f)
            WHEN NOT a.name CONTAINS ' ' THEN 'one word: a surname no full name explains'
            ELSE 'no country' END AS why
ORDER BY articles DESC, mentions DESC, id
