// Registers every property name the load statements write, before any load runs.
// Why: FalkorDB 4.16 rolls back the property names a failed query introduced, but its cached
// plan for that query text keeps their ids, so the next run of the same statement writes values
// under the wrong names (seen here: Event.action stored as "doc"). With every name registered up
// front, a load never introduces one, and a failed batch cannot corrupt the batches after it.
CREATE (n:_NewsgraphSchema {id: 0, doc: 0, url: 0, title: 0, published: 0, source: 0, language: 0,
  content_hash: 0, pipeline_version: 0, sentence_count: 0, word_count: 0, name: 0, kind: 0,
  country: 0, article_id: 0, action: 0, verb: 0, category: 0, score: 0, negated: 0, modality: 0,
  date: 0, evidence: 0, sentence_index: 0, start: 0, end: 0, confidence: 0, role: 0, count: 0,
  first_seen: 0, last_seen: 0})
DELETE n;
