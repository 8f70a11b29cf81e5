// Registers the property names of syndicated copies (load/duplicates.cypher), for the reason
// given in 003_attribute_names.cypher.
CREATE (n:_NewsgraphSchema {duplicate_of: 0, similarity: 0})
DELETE n;
