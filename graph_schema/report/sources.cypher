// Articles per source, and how many came from Wikinews (the report then credits it).
MATCH (a:Article)
WHERE a.duplicate_of IS NULL
RETURN coalesce(a.source, '') AS source, count(a) AS articles,
       sum(CASE WHEN a.url CONTAINS 'wikinews.org' THEN 1 ELSE 0 END) AS wikinews
ORDER BY articles DESC, source
