// What is derived from the events (INTERACTS_WITH, the actor and pair analytics) is stale from
// any write that changes events or articles until a run recomputes it. Written in that write's
// own transaction, so a run killed between its loads and its refresh leaves the marker stale and
// the next run refreshes, even when it finds every article unchanged.
MERGE (s:PipelineState {id: 'derived'})
SET s.current = false
