// The most central actors by PageRank, as `newsgraph analyze` prints them.
MATCH (a:Actor)
WHERE a.pagerank IS NOT NULL
RETURN a.name AS actor, a.kind AS kind, a.community AS community, a.degree AS degree,
       round(a.pagerank * 1000) / 1000 AS pagerank
ORDER BY a.pagerank DESC, a.id
LIMIT $limit
