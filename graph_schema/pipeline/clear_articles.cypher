// Second of the clear_* statements (see clear_events): articles, with their MENTIONS.
MATCH (n:Article)
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS deleted
