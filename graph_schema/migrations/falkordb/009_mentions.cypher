// :Mention nodes (load/mention_nodes.cypher): the id (for 010's constraint), the per-article
// replace's lookup and the lookup by the words an article names an actor with; and the
// property names they add, for the reason given in 003_attribute_names.cypher.
CREATE INDEX FOR (m:Mention) ON (m.id);
CREATE INDEX FOR (m:Mention) ON (m.article_id);
CREATE INDEX FOR (m:Mention) ON (m.text);
CREATE (n:_NewsgraphSchema {text: 0})
DELETE n;
