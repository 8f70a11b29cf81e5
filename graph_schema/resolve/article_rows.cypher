// The Article rows of some articles, as the load writes them. params: ids (article ids)
MATCH (a:Article) WHERE a.id IN $ids
RETURN a.id AS id, a.doc AS doc, a.url AS url, a.title AS title, a.published AS published,
       a.source AS source, a.language AS language, a.content_hash AS content_hash,
       a.pipeline_version AS pipeline_version,
       a.sentence_count AS sentence_count, a.word_count AS word_count
ORDER BY id
