// Per-article replace (order: steps.toml): old MENTIONS of the articles being reloaded, and the
// DUPLICATE_OF of an article that was a copy before.
// params: ids (list of article ids)
UNWIND $ids AS id
MATCH (:Article {id: id})-[m:MENTIONS|DUPLICATE_OF]->()
DELETE m
