// Whether INTERACTS_WITH and the analytics were recomputed after the last write (see
// load/derived_stale.cypher); a graph without the marker is taken as stale.
OPTIONAL MATCH (s:PipelineState {id: 'derived'})
RETURN coalesce(s.current, false) AS current
