// Metrics onto actors: set, never incremented, so an analysis can be repeated.
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.degree = row.degree, a.weighted_degree = row.weighted_degree, a.pagerank = row.pagerank,
    a.betweenness = row.betweenness, a.community = row.community
