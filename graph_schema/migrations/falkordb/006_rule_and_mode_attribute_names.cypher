// Registers the property names of the rules and the PLOVER mode an event records (Event.rule,
// Event.mode), for the reason given in 003_attribute_names.cypher.
CREATE (n:_NewsgraphSchema {rule: 0, mode: 0})
DELETE n;
