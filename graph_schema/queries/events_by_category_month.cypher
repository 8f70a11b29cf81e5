// name: events_by_category_month
// question: How many events of each category were reported per month (by the article's published date)?
// params: limit (int, default 500)
// example: newsgraph query --name events_by_category_month
MATCH (e:Event)
WITH coalesce(substring(e.date, 0, 7), 'undated') AS month, e.category AS category,
     CASE WHEN coalesce(e.negated, false) = false AND e.modality IS NULL THEN 1 ELSE 0 END AS asserted,
     e.score AS score
WITH month, category, count(*) AS events, toInteger(sum(asserted)) AS asserted,
     sum(CASE WHEN asserted = 1 THEN score ELSE 0.0 END) AS asserted_score
RETURN month, category, events, asserted, asserted_score
ORDER BY month, category
LIMIT $limit
