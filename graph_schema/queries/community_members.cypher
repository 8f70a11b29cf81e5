// name: community_members
// question: Which actors make up a community found by `newsgraph analyze` (0 is the largest), most central first?
// params: community (int, default 0), limit (int, default 25)
// example: newsgraph query --name community_members --param community=0 --param limit=10
MATCH (a:Actor)
WHERE a.community = $community
RETURN a.community AS community, a.id AS id, a.name AS name, a.kind AS kind, a.country AS country,
       a.pagerank AS pagerank, a.degree AS counterparts, a.weighted_degree AS events
ORDER BY a.pagerank DESC, a.id
LIMIT $limit
