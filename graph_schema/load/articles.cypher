// Upsert articles. params: rows (list of maps with every Article property)
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.doc = row.doc, a.url = row.url, a.title = row.title, a.published = row.published,
    a.source = row.source, a.language = row.language, a.content_hash = row.content_hash,
    a.pipeline_version = row.pipeline_version, a.sentence_count = row.sentence_count,
    a.word_count = row.word_count, a.duplicate_of = null
