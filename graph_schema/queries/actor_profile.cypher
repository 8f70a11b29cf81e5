// name: actor_profile
// question: Who is actor A: kind, country, affiliations, how many articles mention it, and its asserted events as source and as target by category?
// params: a (actor id, name or alias, e.g. "Russia")
// example: newsgraph query --name actor_profile --param a=Russia
MATCH (a:Actor) WHERE a.id = $a OR toLower(a.name) = toLower($a) OR replace(replace(toLower($a), '.', ''), '-', ' ') IN coalesce(a.aliases, [])
OPTIONAL MATCH (a)-[af:AFFILIATED_WITH]->(org:Actor)
WITH a, af, org
ORDER BY org.id
WITH a, [x IN collect({id: org.id, name: org.name, role: af.role}) WHERE x.id IS NOT NULL] AS affiliated_with
OPTIONAL MATCH (m:Actor)-[mf:AFFILIATED_WITH]->(a)
WITH a, affiliated_with, m, mf
ORDER BY m.id
WITH a, affiliated_with, [x IN collect({id: m.id, name: m.name, role: mf.role}) WHERE x.id IS NOT NULL] AS members
OPTIONAL MATCH (art:Article)-[:MENTIONS]->(a)
WITH a, affiliated_with, members, count(DISTINCT art) AS articles
OPTIONAL MATCH (a)-[:SOURCE_OF]->(se:Event)
WHERE coalesce(se.negated, false) = false AND se.modality IS NULL
WITH a, affiliated_with, members, articles, se.category AS category, count(se) AS n
ORDER BY n DESC, category
WITH a, affiliated_with, members, articles,
     [x IN collect({category: category, events: n}) WHERE x.category IS NOT NULL] AS as_source
OPTIONAL MATCH (te:Event)-[:TARGETS]->(a)
WHERE coalesce(te.negated, false) = false AND te.modality IS NULL
WITH a, affiliated_with, members, articles, as_source, te.category AS category, count(te) AS n
ORDER BY n DESC, category
WITH a, affiliated_with, members, articles, as_source,
     [x IN collect({category: category, events: n}) WHERE x.category IS NOT NULL] AS as_target
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country,
       affiliated_with, members, articles, as_source, as_target
ORDER BY id
