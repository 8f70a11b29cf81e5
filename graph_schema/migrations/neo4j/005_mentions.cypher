// :Mention nodes (load/mention_nodes.cypher): unique ids, the per-article replace's lookup, and
// the query library's lookup of an actor by the words an article names it with.
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE;
CREATE INDEX mention_article_id IF NOT EXISTS FOR (m:Mention) ON (m.article_id);
CREATE INDEX mention_text IF NOT EXISTS FOR (m:Mention) ON (m.text);
