// Actors that dropped out of the actor graph lose the metrics an earlier analysis wrote.
MATCH (a:Actor)
WHERE a.community IS NOT NULL AND NOT a.id IN $ids
SET a.degree = null, a.weighted_degree = null, a.pagerank = null, a.betweenness = null, a.community = null
