// Set once INTERACTS_WITH and the analytics are recomputed from the events now in the graph.
MERGE (s:PipelineState {id: 'derived'})
SET s.current = true
