// Lookups the loader and the analyst queries make by property.
CREATE INDEX event_article_id IF NOT EXISTS FOR (e:Event) ON (e.article_id);
CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date);
CREATE INDEX event_category IF NOT EXISTS FOR (e:Event) ON (e.category);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX article_content_hash IF NOT EXISTS FOR (a:Article) ON (a.content_hash);
