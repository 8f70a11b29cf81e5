// Deletes up to 5000 of the newsgraph nodes (not other labels such as NeoDash's dashboards); run
// until it deletes none: one transaction deleting a large graph exceeds Neo4j's transaction memory.
MATCH (n)
WHERE n:Event OR n:Article OR n:Actor OR n:PipelineState
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS deleted
