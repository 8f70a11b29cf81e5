// The articles that name an actor are marked for re-extraction: a run re-extracts an article
// whose pipeline_version is not the current one. params: id (actor id)
MATCH (art:Article)-[:MENTIONS]->(:Actor {id: $id})
SET art.pipeline_version = 'stale'
RETURN count(DISTINCT art) AS marked
