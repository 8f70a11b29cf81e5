// Last of the clear_* statements (see clear_events): actors, and the pipeline's marker.
MATCH (n)
WHERE n:Actor OR n:PipelineState
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS deleted
