// The content hash and pipeline version of the given articles, so that a run skips what it has seen.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.content_hash AS hash, a.pipeline_version AS version
