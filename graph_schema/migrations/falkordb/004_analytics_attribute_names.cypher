// Registers the property names `newsgraph analyze` writes, for the reason given in
// 003_attribute_names.cypher (FalkorDB 4.16 keeps stale attribute ids in cached plans after a
// failed query that introduced them).
CREATE (n:_NewsgraphSchema {degree: 0, weighted_degree: 0, pagerank: 0, betweenness: 0,
  community: 0, pair_count: 0, pair_balance: 0, pair_months: 0, pair_monthly_balance: 0})
DELETE n;
