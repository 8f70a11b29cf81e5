// Affiliations written before they had a basis were all stated by the text.
MATCH ()-[r:AFFILIATED_WITH]->() WHERE r.basis IS NULL SET r.basis = 'stated';
