//! Questions for people who do not write SPARQL: each dot-command is a query
//! built here, printed before it runs so that it can be learnt from and edited.

/// A SPARQL string literal holding `s`.
pub fn literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The entities (people, organisations, places) one of whose names contains `name`, ignoring case:
/// one pass over the names in the entities graph (which holds only entities, with every name and
/// alternate name an article gave them). The LIMIT, far above any useful answer, also tells
/// oxigraph's planner (which has no statistics) that this part is the small one, so that the query
/// starts from it and looks up the rest per entity instead of reading every quotation or article.
fn entities_named(name: &str) -> String {
    format!(
        "  {{ SELECT DISTINCT ?entity WHERE {{\n      GRAPH {} {{ ?entity schema:name|schema:alternateName ?n }}\n      FILTER(CONTAINS(LCASE(?n), LCASE({})))\n  }} LIMIT 100000 }}\n",
        crate::rdf::entities_graph(),
        literal(name)
    )
}

/// What a person or organisation said, with the article.
pub fn quotes(name: &str) -> String {
    format!(
        "SELECT ?speaker ?quote ?article ?headline WHERE {{\n{}  ?entity schema:name ?speaker .\n  ?q schema:creator ?entity ; schema:text ?quote ; schema:isPartOf ?a .\n  FILTER EXISTS {{ ?q a schema:Quotation }}\n  ?a dct:identifier ?article ; schema:headline ?headline .\n}}\nORDER BY ?speaker ?article ?quote",
        entities_named(name)
    )
}

/// Who said a phrase, in which articles: one pass over the texts, then lookups for the matches. The
/// type is compared in a FILTER of its own (`?q a schema:Quotation` would make the planner start
/// from every quotation; a FILTER EXISTS may be merged into the text filter and run first).
pub fn said(phrase: &str) -> String {
    format!(
        "SELECT ?speaker ?quote ?article ?headline WHERE {{\n  {{ SELECT ?q ?quote WHERE {{ ?q schema:text ?quote FILTER(CONTAINS(LCASE(?quote), LCASE({}))) }} }}\n  ?q a ?type ; schema:isPartOf ?a .\n  FILTER(?type = schema:Quotation)\n  ?a dct:identifier ?article ; schema:headline ?headline .\n  OPTIONAL {{ ?q schema:creator ?s . ?s schema:name ?speaker }}\n}}\nORDER BY ?speaker ?article ?quote",
        literal(phrase)
    )
}

/// Everything the graph says of an entity: types, names, roles, articles, quotes. (Each branch is
/// planned before it is known that ?entity is bound: the quotation's type is checked by FILTER
/// EXISTS so that the branch starts from the entity, not from every quotation.)
pub fn entity(name: &str) -> String {
    format!(
        "SELECT DISTINCT ?entity ?property ?value WHERE {{\n{}  {{ ?entity a ?value BIND(\"1 type\" AS ?property) }}\n  UNION {{ ?entity schema:name ?value BIND(\"2 name\" AS ?property) }}\n  UNION {{ ?entity schema:alternateName ?value BIND(\"3 also called\" AS ?property) }}\n  UNION {{ ?entity schema:jobTitle ?value BIND(\"4 title\" AS ?property) }}\n  UNION {{ ?entity schema:affiliation/schema:name ?value BIND(\"5 affiliation\" AS ?property) }}\n  UNION {{ ?entity schema:nationality/schema:name ?value BIND(\"6 nationality\" AS ?property) }}\n  UNION {{ ?a schema:mentions ?entity ; dct:identifier ?value BIND(\"7 article\" AS ?property) }}\n  UNION {{ ?q schema:creator ?entity ; schema:text ?value FILTER EXISTS {{ ?q a schema:Quotation }} BIND(\"8 quote\" AS ?property) }}\n}}\nORDER BY ?entity ?property ?value",
        entities_named(name)
    )
}

/// The articles that name an entity.
pub fn articles(name: &str) -> String {
    format!(
        "SELECT ?name ?article ?headline WHERE {{\n{}  ?entity schema:name ?name .\n  ?a schema:mentions ?entity ; dct:identifier ?article ; schema:headline ?headline .\n  FILTER EXISTS {{ ?a a schema:NewsArticle }}\n}}\nORDER BY ?name ?article",
        entities_named(name)
    )
}

/// Statements carried by several articles, with how each worded them.
pub fn claims() -> String {
    "SELECT ?speaker (COUNT(DISTINCT ?a) AS ?articles) (GROUP_CONCAT(DISTINCT ?wording; SEPARATOR=\" | \") AS ?wordings) WHERE {\n  ?claim a schema:Claim ; schema:author ?s ; schema:appearance ?q .\n  ?s schema:name ?speaker .\n  ?q schema:isPartOf ?a ; schema:text ?wording .\n}\nGROUP BY ?speaker ?claim\nORDER BY DESC(?articles) ?speaker"
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repl::sparql::{Check, check};

    #[test]
    fn shortcuts_are_valid_sparql() {
        let p = crate::print::default_prefixes();
        for q in [quotes("Putin"), said("say \"no\" \\ here"), entity("NATO"), articles("Kyiv"), claims()] {
            assert_eq!(check(&q, &p), Check::Query, "{q}");
        }
        assert_eq!(literal("a\"b"), "\"a\\\"b\"");
    }
}
