// The forms the user's alias file gives actors, over the shipped ones the load writes (see
// newsgraph.resolution). params: rows (list of {id, aliases})
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.aliases = row.aliases
