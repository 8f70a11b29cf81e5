// FalkorDB has no IF NOT EXISTS: the runner treats "already indexed" as applied.
CREATE INDEX FOR (a:Article) ON (a.id);
CREATE INDEX FOR (a:Actor) ON (a.id);
CREATE INDEX FOR (e:Event) ON (e.id);
CREATE INDEX FOR (e:Event) ON (e.article_id);
CREATE INDEX FOR (e:Event) ON (e.date);
CREATE INDEX FOR (e:Event) ON (e.category);
CREATE INDEX FOR (a:Actor) ON (a.name);
CREATE INDEX FOR (a:Article) ON (a.content_hash);
