// name: shortest_chain
// question: What is the shortest chain of interactions leading from actor A to actor B (directed, at most 6 hops)?
// params: a (actor id, name or alias, e.g. "Syria"), b (actor id, name or alias, e.g. "Russia"), limit (int, default 10)
// example: newsgraph query --name shortest_chain --param a=Syria --param b=Russia
MATCH (a:Actor) WHERE a.id = $a OR toLower(a.name) = toLower($a) OR replace(replace(toLower($a), '.', ''), '-', ' ') IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE (b.id = $b OR toLower(b.name) = toLower($b) OR replace(replace(toLower($b), '.', ''), '-', ' ') IN coalesce(b.aliases, [])) AND b <> a
WITH a, b
MATCH p = allShortestPaths((a)-[:INTERACTS_WITH*..6]->(b))
WITH DISTINCT nodes(p) AS ns
UNWIND range(0, size(ns) - 2) AS i
WITH ns, i, ns[i] AS x, ns[i + 1] AS y
MATCH (x)-[r:INTERACTS_WITH]->(y)
WITH ns, i, x, y, r
ORDER BY i, r.count DESC, r.action
WITH ns, i, x, y, collect(r.action) AS actions, toInteger(sum(r.count)) AS events, sum(r.score) AS score
ORDER BY i
WITH ns, collect({source: x.name, target: y.name, actions: actions, events: events, score: score}) AS steps
RETURN size(ns) - 1 AS hops, [n IN ns | n.name] AS chain, [n IN ns | n.id] AS chain_ids, steps
ORDER BY hops, chain_ids
LIMIT $limit
