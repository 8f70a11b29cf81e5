// Nodes of any label (NeoDash's dashboards too) but the pipeline's own marker, which the
// schema creates in an empty database: a backfill replaces the database, so it refuses one
// that holds anything else.
MATCH (n)
WHERE NOT n:PipelineState
RETURN count(n) AS nodes
