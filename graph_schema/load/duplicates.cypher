// Syndicated copies: an article whose text is the same as, or nearly the same as, an earlier
// one is kept as an Article with `duplicate_of` and a DUPLICATE_OF relationship to its original,
// and no events, so one claim printed twice is counted once. delete_article_events and delete_article_mentions have already
// removed the copy's old events, mentions and DUPLICATE_OF (it may have been an original before).
// params: rows (list of Article property maps plus original_id, kind ("exact"|"near"), similarity)
UNWIND $rows AS row
MERGE (d:Article {id: row.id})
SET d.doc = row.doc, d.url = row.url, d.title = row.title, d.published = row.published,
    d.source = row.source, d.language = row.language, d.content_hash = row.content_hash,
    d.pipeline_version = row.pipeline_version, d.sentence_count = null, d.word_count = null,
    d.duplicate_of = row.original_id
WITH d, row
MATCH (o:Article {id: row.original_id})
CREATE (d)-[:DUPLICATE_OF {kind: row.kind, similarity: row.similarity}]->(o)
