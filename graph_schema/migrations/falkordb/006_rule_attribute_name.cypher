// Registers the property name of the rules an event records (Event.rule), for the reason given
// in 003_attribute_names.cypher.
CREATE (n:_NewsgraphSchema {rule: 0})
DELETE n;
