// Per-article replace, step 2: old MENTIONS of the articles being reloaded.
// params: ids (list of article ids)
UNWIND $ids AS id
MATCH (:Article {id: id})-[m:MENTIONS]->(:Actor)
DELETE m
