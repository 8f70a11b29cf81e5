// Registers the property names of dated affiliations (AFFILIATED_WITH.since, until, basis), of
// Actor.aliases and of Event.token, for the reason given in 003_attribute_names.cypher.
CREATE (n:_NewsgraphSchema {since: 0, until: 0, basis: 0, aliases: 0, token: 0})
DELETE n;
