// The marker of load/derived_stale.cypher, created stale where it is missing (a graph loaded
// before it existed): the next run recomputes the derived relationships once and marks them
// current. Created here so that reading it never meets an unknown label.
MERGE (s:PipelineState {id: 'derived'})
ON CREATE SET s.current = false;
