// The articles that name an actor are marked for re-extraction (a run re-extracts an article
// whose pipeline_version is not the current one); their input files are returned, so that
// `actors split` can run them again. params: id (actor id)
MATCH (art:Article)-[:MENTIONS]->(:Actor {id: $id})
SET art.pipeline_version = 'stale'
RETURN DISTINCT art.doc AS doc
ORDER BY doc
