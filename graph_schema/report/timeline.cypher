// Asserted, dated events per month and event type.
MATCH (e:Event)
WHERE coalesce(e.negated, false) = false AND e.modality IS NULL AND e.date IS NOT NULL
RETURN substring(e.date, 0, 7) AS month, e.category AS category, count(e) AS events
ORDER BY month, category
