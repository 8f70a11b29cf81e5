// name: pair_balance_by_month
// question: How did the relation from actor A to actor B move between cooperation and conflict, month by month (written by `newsgraph analyze`)?
// params: a (name or id), b (name or id)
// example: newsgraph query --name pair_balance_by_month --param a=Russia --param "b=United States"
MATCH (s:Actor)-[r:INTERACTS_WITH]->(t:Actor)
WHERE (s.id = $a OR toLower(s.name) = toLower($a) OR replace(replace(toLower($a), '.', ''), '-', ' ') IN coalesce(s.aliases, [])) AND (t.id = $b OR toLower(t.name) = toLower($b) OR replace(replace(toLower($b), '.', ''), '-', ' ') IN coalesce(t.aliases, []))
  AND r.pair_months IS NOT NULL
WITH s, t, r LIMIT 1
UNWIND range(0, size(r.pair_months) - 1) AS i
RETURN s.name AS source, t.name AS target, r.pair_months[i] AS month,
       r.pair_monthly_balance[i] AS balance, r.pair_balance AS overall_balance, r.pair_count AS events
ORDER BY month
