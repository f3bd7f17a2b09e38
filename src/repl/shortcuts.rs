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

/// The entities (people, organisations, places) one of whose names contains `name`, ignoring case.
fn entities_named(name: &str) -> String {
    format!(
        "  {{ SELECT DISTINCT ?entity WHERE {{\n      ?entity a ?kind ; schema:name|schema:alternateName ?n .\n      FILTER(?kind IN (schema:Person, schema:Organization, schema:Place))\n      FILTER(CONTAINS(LCASE(?n), LCASE({})))\n  }} }}\n",
        literal(name)
    )
}

/// What a person or organisation said, with the article.
pub fn quotes(name: &str) -> String {
    format!(
        "SELECT ?speaker ?quote ?article ?headline WHERE {{\n{}  ?entity schema:name ?speaker .\n  ?q a schema:Quotation ; schema:creator ?entity ; schema:text ?quote ; schema:isPartOf ?a .\n  ?a dct:identifier ?article ; schema:headline ?headline .\n}}\nORDER BY ?speaker ?article ?quote",
        entities_named(name)
    )
}

/// Who said a phrase, in which articles.
pub fn said(phrase: &str) -> String {
    format!(
        "SELECT ?speaker ?quote ?article ?headline WHERE {{\n  ?q a schema:Quotation ; schema:text ?quote ; schema:isPartOf ?a .\n  FILTER(CONTAINS(LCASE(?quote), LCASE({})))\n  OPTIONAL {{ ?q schema:creator ?s . ?s schema:name ?speaker }}\n  ?a dct:identifier ?article ; schema:headline ?headline .\n}}\nORDER BY ?speaker ?article",
        literal(phrase)
    )
}

/// Everything the graph says of an entity: types, names, roles, articles, quotes.
pub fn entity(name: &str) -> String {
    format!(
        "SELECT DISTINCT ?entity ?property ?value WHERE {{\n{}  {{ ?entity a ?value BIND(\"1 type\" AS ?property) }}\n  UNION {{ ?entity schema:name ?value BIND(\"2 name\" AS ?property) }}\n  UNION {{ ?entity schema:alternateName ?value BIND(\"3 also called\" AS ?property) }}\n  UNION {{ ?entity schema:jobTitle ?value BIND(\"4 title\" AS ?property) }}\n  UNION {{ ?entity schema:affiliation/schema:name ?value BIND(\"5 affiliation\" AS ?property) }}\n  UNION {{ ?entity schema:nationality/schema:name ?value BIND(\"6 nationality\" AS ?property) }}\n  UNION {{ ?a schema:mentions ?entity ; dct:identifier ?value BIND(\"7 article\" AS ?property) }}\n  UNION {{ ?q schema:creator ?entity ; a schema:Quotation ; schema:text ?value BIND(\"8 quote\" AS ?property) }}\n}}\nORDER BY ?entity ?property ?value",
        entities_named(name)
    )
}

/// The articles that name an entity.
pub fn articles(name: &str) -> String {
    format!(
        "SELECT ?name ?article ?headline WHERE {{\n{}  ?entity schema:name ?name .\n  ?a a schema:NewsArticle ; schema:mentions ?entity ; dct:identifier ?article ; schema:headline ?headline .\n}}\nORDER BY ?name ?article",
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
