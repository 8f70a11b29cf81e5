// Pair values onto every INTERACTS_WITH of the pair.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})-[r:INTERACTS_WITH]->(t:Actor {id: row.target})
SET r.pair_count = row.count, r.pair_balance = row.balance, r.pair_months = row.months,
    r.pair_monthly_balance = row.monthly_balance
