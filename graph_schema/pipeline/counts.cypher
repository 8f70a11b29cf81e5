// What a run summary and the tests count, in one statement. The pairs are counted apart from the
// relationships (one per action), and only where a relationship was found.
OPTIONAL MATCH (n:Article)
WITH count(CASE WHEN n.duplicate_of IS NULL THEN n END) AS articles, count(n.duplicate_of) AS duplicates,
     coalesce(sum(n.sentence_count), 0) AS sentences
OPTIONAL MATCH (e:Event)
WITH articles, duplicates, sentences, count(e) AS events
OPTIONAL MATCH (x:Actor)
WITH articles, duplicates, sentences, events, count(x) AS actors
OPTIONAL MATCH (s:Actor)-[r:INTERACTS_WITH]->(t:Actor)
RETURN articles, duplicates, sentences, events, actors,
       count(DISTINCT CASE WHEN r IS NULL THEN NULL ELSE s.id + '>' + t.id END) AS interaction_pairs,
       count(r) AS interactions
