//! SPARQL text checked with oxigraph's own parser: is an input whole, is it an
//! update, where is its error and what does the error mean in plain words.
//!
//! A parse that fails only at the end of the input means the user has more to
//! type; a parse that fails earlier is an error to show now.

use oxigraph::sparql::SparqlEvaluator;

/// What the parser makes of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// A whole query (SELECT, ASK, CONSTRUCT, DESCRIBE).
    Query,
    /// A whole SPARQL UPDATE request.
    Update,
    /// The text is a valid beginning: more is to come.
    Incomplete,
    /// A syntax error before the end of the text.
    Error(SyntaxError),
}

/// A syntax error, at a 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    /// Byte offset in the text.
    pub offset: usize,
    /// The parser's own words (what it expected there).
    pub expected: String,
}

fn evaluator(prefixes: &[(String, String)]) -> SparqlEvaluator {
    let mut ev = SparqlEvaluator::new();
    for (p, iri) in prefixes {
        if let Ok(e) = ev.clone().with_prefix(p, iri) {
            ev = e;
        }
    }
    ev
}

/// Reads "error at L:C: expected X" (the parser's message) back into its parts.
fn locate(text: &str, message: &str) -> Option<SyntaxError> {
    let rest = message.strip_prefix("error at ")?;
    let (pos, expected) = rest.split_once(": ")?;
    let (l, c) = pos.split_once(':')?;
    let (line, column): (usize, usize) = (l.parse().ok()?, c.parse().ok()?);
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            offset += l.char_indices().nth(column - 1).map_or(l.len(), |(b, _)| b);
            break;
        }
        offset += l.len();
    }
    let expected = expected.strip_prefix("expected ").unwrap_or(expected).to_string();
    Some(SyntaxError { line, column, offset: offset.min(text.len()), expected })
}

/// Parses `text` as a query, then as an update; the attempt that got further tells.
pub fn check(text: &str, prefixes: &[(String, String)]) -> Check {
    let query_err = match evaluator(prefixes).parse_query(text) {
        Ok(_) => return Check::Query,
        Err(e) => e.to_string(),
    };
    let update_err = match evaluator(prefixes).parse_update(text) {
        // Comments and PREFIX lines alone are an empty update: a beginning, not a request.
        Ok(_) if first_keyword(text).is_none() => return Check::Incomplete,
        Ok(_) => return Check::Update,
        Err(e) => e.to_string(),
    };
    let q = locate(text, &query_err);
    let u = locate(text, &update_err);
    let err = match (q, u) {
        (Some(q), Some(u)) => {
            if u.offset > q.offset {
                u
            } else {
                q
            }
        }
        (Some(e), None) | (None, Some(e)) => e,
        (None, None) => {
            // Not a position error (a shared blank node, a bad base IRI): say it as it is.
            return Check::Error(SyntaxError { line: 1, column: 1, offset: 0, expected: query_err });
        }
    };
    // A misspelt first keyword: the parser's furthest point is elsewhere, the mistake is here.
    if let Some((at, w)) = first_keyword(text)
        && at < err.offset
        && !FORMS.iter().any(|f| w.to_uppercase().starts_with(f))
    {
        let line = text[..at].matches('\n').count() + 1;
        let column = text[..at].rsplit('\n').next().unwrap_or("").chars().count() + 1;
        let expected = "SELECT, ASK, CONSTRUCT or DESCRIBE".to_string();
        return Check::Error(SyntaxError { line, column, offset: at, expected });
    }
    if err.offset >= text.trim_end().len() {
        return Check::Incomplete;
    }
    // A misspelt keyword before the parser's furthest point is the likelier mistake.
    if let Some((at, _)) = misspelt_keyword(text, err.offset) {
        let line = text[..at].matches('\n').count() + 1;
        let column = text[..at].rsplit('\n').next().unwrap_or("").chars().count() + 1;
        return Check::Error(SyntaxError { line, column, offset: at, expected: err.expected });
    }
    Check::Error(err)
}

/// True when the text starts like a SPARQL UPDATE operation.
pub fn looks_like_update(text: &str) -> bool {
    first_keyword(text).is_some_and(|(_, w)| FORMS[4..].contains(&w.to_uppercase().as_str()))
}

/// The text with comments blanked out (same byte offsets).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_iri = false;
    let mut quote: Option<char> = None;
    let mut comment = false;
    for c in text.chars() {
        if c == '\n' {
            comment = false;
            in_iri = false;
            quote = None;
            out.push(c);
            continue;
        }
        if comment {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            continue;
        }
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if !in_iri => quote = Some(c),
            (None, '<') => in_iri = true,
            (None, '>') => in_iri = false,
            (None, '#') if !in_iri => {
                comment = true;
                out.push(' ');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// The first word after the prologue (PREFIX and BASE declarations), with its byte offset.
fn first_keyword(text: &str) -> Option<(usize, String)> {
    let clean = strip_comments(text);
    let mut words = clean.split_whitespace().map(|w| (w.as_ptr() as usize - clean.as_ptr() as usize, w.to_string()));
    while let Some((at, w)) = words.next() {
        match w.to_uppercase().as_str() {
            "PREFIX" => {
                // `PREFIX p: <iri>` or `PREFIX p:<iri>`
                if let Some((_, p)) = words.next()
                    && !p.contains('<')
                {
                    words.next();
                }
            }
            "BASE" => {
                words.next();
            }
            _ => return Some((at, w)),
        }
    }
    None
}

const FORMS: &[&str] = &[
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
];

const KEYWORDS: &[&str] = &[
    "SELECT",
    "WHERE",
    "FILTER",
    "OPTIONAL",
    "ORDER",
    "GROUP",
    "LIMIT",
    "OFFSET",
    "DISTINCT",
    "PREFIX",
    "CONSTRUCT",
    "DESCRIBE",
    "ASK",
    "UNION",
    "GRAPH",
    "VALUES",
    "BIND",
    "HAVING",
    "REGEX",
    "CONTAINS",
    "LCASE",
    "UCASE",
    "COUNT",
    "SAMPLE",
    "GROUP_CONCAT",
    "MINUS",
    "EXISTS",
    "STR",
    "LANG",
    "DESC",
    "ASC",
    "FROM",
    "NAMED",
    "REDUCED",
    "SERVICE",
];

fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The last bare word before `limit` (not a variable, prefixed name, string or IRI) that is
/// one or two letters away from a keyword: (offset, keyword).
fn misspelt_keyword(text: &str, limit: usize) -> Option<(usize, &'static str)> {
    let clean = strip_comments(text);
    // Strings and IRIs blanked out too.
    let mut bare = String::with_capacity(clean.len());
    let mut quote: Option<char> = None;
    let mut in_iri = false;
    for c in clean.chars() {
        let blank = match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                true
            }
            (Some(_), _) => true,
            (None, '"' | '\'') => {
                quote = Some(c);
                true
            }
            (None, '<') if !in_iri => {
                in_iri = !clean.is_empty();
                true
            }
            (None, '>') if in_iri => {
                in_iri = false;
                true
            }
            _ => in_iri,
        };
        if blank { bare.extend(std::iter::repeat_n(' ', c.len_utf8())) } else { bare.push(c) }
    }
    let mut found = None;
    let bytes = bare.as_bytes();
    let mut i = 0;
    while i < bare.len().min(limit + 1) {
        if !bare.is_char_boundary(i) || !(bytes[i].is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bare.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        let word = &bare[start..i];
        let prev = bare[..start].chars().next_back();
        let next = bare[i..].chars().next();
        if matches!(prev, Some('?' | '$' | ':' | '_' | '@')) || next == Some(':') || word.len() < 4 {
            continue;
        }
        let upper = word.to_uppercase();
        if KEYWORDS.contains(&upper.as_str()) {
            continue;
        }
        if let Some((d, k)) = KEYWORDS.iter().map(|k| (distance(&upper, k), *k)).min()
            && d <= 2
            && d * 3 <= upper.len()
        {
            found = Some((start, k));
        }
    }
    found
}

/// The word that starts at `offset`, if any.
fn word_at(text: &str, offset: usize) -> &str {
    let rest = text.get(offset..).unwrap_or("");
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '-')).unwrap_or(rest.len());
    &rest[..end]
}

/// The error for a text that ends before its query does.
pub fn render_unfinished(text: &str) -> String {
    let t = text.trim_end();
    let line = t.lines().count().max(1);
    let last = t.lines().last().unwrap_or("");
    format!(
        "syntax error at line {line}, column {}: the query ends too early\n  {last}\n  {}^\nhint: a closing }} or ) may be missing, or a clause is unfinished (ORDER BY, LIMIT, FILTER ...)",
        last.chars().count() + 1,
        " ".repeat(last.chars().count())
    )
}

/// A plain-words hint for an error.
pub fn hint(text: &str, e: &SyntaxError) -> String {
    let word = word_at(text, e.offset);
    if looks_like_update(text) {
        return UPDATE_REFUSED.to_string();
    }
    if let Some((p, _)) = word.split_once(':')
        && !word.starts_with('?')
        && e.expected.to_lowercase().contains("prefix")
    {
        return format!(
            "the prefix {p}: is not declared: add PREFIX {p}: <IRI> to the query or use .prefix {p}: <IRI>"
        );
    }
    let upper = word.to_uppercase();
    if !word.is_empty() && !word.contains(':') {
        let best = KEYWORDS.iter().map(|k| (distance(&upper, k), *k)).min();
        if let Some((d, k)) = best
            && d > 0
            && d <= 2
            && upper.len() >= 3
        {
            return format!("{word} is not a SPARQL keyword here; did you mean {k}?");
        }
    }
    if e.expected.contains("\"}\"") && e.expected.contains("\".\"") {
        return "a triple pattern is unfinished or a } is missing before this point".to_string();
    }
    if e.expected.contains("\"{\"") {
        return "a { is expected here (WHERE { ... } holds the patterns)".to_string();
    }
    let tokens: Vec<&str> = e.expected.split(", ").collect();
    if tokens.len() > 6 {
        return "the query cannot go on with this word; check the spelling and the punctuation just before it"
            .to_string();
    }
    format!("the parser expected {}", e.expected)
}

/// What the shell says to SPARQL UPDATE.
pub const UPDATE_REFUSED: &str = "SPARQL UPDATE (INSERT, DELETE, LOAD, CLEAR, DROP ...) is not run by the shell: \
the graph is computed from the articles, so change the articles instead: \
`newsgraph ingest --store DIR FILE...` adds or replaces articles, `newsgraph remove --store DIR ID...` removes them";

/// The error as the user sees it: where, the line with a caret under the column, the parser's words, a hint.
pub fn render(text: &str, e: &SyntaxError) -> String {
    let line = text.lines().nth(e.line.saturating_sub(1)).unwrap_or("");
    let indent: String =
        line.chars().take(e.column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    let expected: String = if e.expected.chars().count() > 160 {
        format!("{}…", e.expected.chars().take(160).collect::<String>())
    } else {
        e.expected.clone()
    };
    format!(
        "syntax error at line {}, column {}:\n  {line}\n  {indent}^\nexpected {expected}\nhint: {}",
        e.line,
        e.column,
        hint(text, e)
    )
}

/// Splits a script (piped input or a .read file) into inputs: a dot-command is
/// one line; a query goes on while the next line continues it (the longer text
/// still parses or needs more), so `ORDER BY` on the line after a closing brace
/// belongs to its query. `;` at the end of a line always ends a query.
pub fn split_script(text: &str, prefixes: &[(String, String)]) -> Vec<String> {
    let mut s = Splitter::default();
    let mut out: Vec<String> = text.lines().flat_map(|l| s.push(l, prefixes)).collect();
    out.extend(s.finish());
    out
}

/// `split_script` a line at a time, for input that arrives while earlier commands run:
/// a dot-command or a `;`-ended query is handed over at once; a whole query waits
/// for the next line (which may continue it) or the end.
#[derive(Debug, Default)]
pub struct Splitter {
    buf: String,
}

impl Splitter {
    /// Takes one line; returns the inputs it completes.
    pub fn push(&mut self, line: &str, prefixes: &[(String, String)]) -> Vec<String> {
        let mut out = Vec::new();
        if self.buf.trim().is_empty() {
            self.buf.clear();
            if line.trim().is_empty() {
                return out;
            }
            if line.trim_start().starts_with('.') {
                out.push(line.trim().to_string());
                return out;
            }
            self.buf.push_str(line);
        } else if line.trim().is_empty() {
            self.buf.push('\n');
        } else if matches!(check(&self.buf, prefixes), Check::Error(_)) {
            // No line can mend an error before the end: report it, and the line starts anew.
            out.push(std::mem::take(&mut self.buf).trim_end().to_string());
            out.extend(self.push(line, prefixes));
            return out;
        } else if is_whole(&self.buf, prefixes) {
            let longer = format!("{}\n{line}", self.buf);
            let continues = !line.trim_start().starts_with('.')
                && !starts_a_query(line)
                && match check(&longer, prefixes) {
                    Check::Query | Check::Update | Check::Incomplete => true,
                    // The error is past the new line's first word: the line belongs to this query (and is wrong).
                    Check::Error(e) => e.offset > self.buf.len() + 1 + first_token_len(line),
                };
            if continues {
                self.buf = longer;
            } else {
                out.push(std::mem::take(&mut self.buf).trim_end().to_string());
                if line.trim_start().starts_with('.') {
                    out.push(line.trim().to_string());
                    return out;
                }
                self.buf.push_str(line);
            }
        } else {
            self.buf.push('\n');
            self.buf.push_str(line);
        }
        if ends_with_semicolon(&self.buf, prefixes) {
            out.push(std::mem::take(&mut self.buf).trim_end().to_string());
        }
        out
    }

    /// The input left at the end, if any (whole or not: an unfinished query is reported).
    pub fn finish(&mut self) -> Option<String> {
        let rest = std::mem::take(&mut self.buf);
        (!rest.trim().is_empty()).then(|| rest.trim_end().to_string())
    }
}

/// A line that can only begin a new query or update (its first word is a query form, an update
/// operation or a prologue declaration): after a whole query, it never continues it.
fn starts_a_query(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("").to_uppercase();
    let first = first.split(['{', '(']).next().unwrap_or("");
    FORMS.contains(&first) || first == "PREFIX" || first == "BASE"
}

/// `;` at the end ends a query, unless the text before it is a valid beginning (a `;` between
/// the predicates of one subject inside a pattern).
fn ends_with_semicolon(text: &str, prefixes: &[(String, String)]) -> bool {
    let Some(before) = text.trim_end().strip_suffix(';') else { return false };
    check(before, prefixes) != Check::Incomplete
}

fn first_token_len(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    lead + line.trim_start().find(char::is_whitespace).unwrap_or(line.trim_start().len())
}

/// A text the parser accepts as it is.
fn is_whole(text: &str, prefixes: &[(String, String)]) -> bool {
    matches!(check(text, prefixes), Check::Query | Check::Update)
}

/// Interactive completeness: run on `;`, on a whole query, or on an error the
/// user must see now; wait for more when the text is a valid beginning.
pub fn is_complete(text: &str, prefixes: &[(String, String)]) -> bool {
    let t = text.trim();
    if t.is_empty() || t.starts_with('.') || ends_with_semicolon(t, prefixes) {
        return true;
    }
    !matches!(check(t, prefixes), Check::Incomplete)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Vec<(String, String)> {
        crate::rdf::vocab::PREFIXES.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn completeness_by_parsing() {
        let p = p();
        assert_eq!(check("SELECT * WHERE {", &p), Check::Incomplete);
        assert_eq!(check("SELECT * WHERE { ?s ?p ?o } ORDER BY", &p), Check::Incomplete);
        assert_eq!(check("SELECT * WHERE { ?s ?p ?o } LIMIT", &p), Check::Incomplete);
        assert_eq!(check("SELECT * WHERE { ?s ?p ?o }", &p), Check::Query);
        assert_eq!(check("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) }", &p), Check::Query);
        assert_eq!(check("SELECT * WHERE { # a { in a comment\n ?s ?p ?o }", &p), Check::Query);
        assert_eq!(check("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) ", &p), Check::Incomplete);
        assert_eq!(check("# a comment\nPREFIX a: <http://a/>\n", &p), Check::Incomplete);
        assert_eq!(check("INSERT DATA { <a:b> <a:c> <a:d> }", &p), Check::Update);
        assert_eq!(check("SELECT ?n WHERE { ?p schema:name ?n }", &p), Check::Query);
        match check("PREFIX a: <http://a/>\n  SELCT ?n WHERE { ?p schema:name ?n }", &p) {
            Check::Error(e) => {
                assert_eq!((e.line, e.column), (2, 3));
                let text = "PREFIX a: <http://a/>\n  SELCT ?n WHERE { ?p schema:name ?n }";
                assert!(hint(text, &e).contains("did you mean SELECT"), "{}", hint(text, &e));
            }
            other => panic!("{other:?}"),
        }
        match check("SELECT ?n\nWHERE { ?p nope:name ?n }", &p) {
            Check::Error(e) => {
                assert_eq!(e.line, 2);
                let r = render("SELECT ?n\nWHERE { ?p nope:name ?n }", &e);
                assert!(r.contains("line 2"), "{r}");
                assert!(r.contains("\n  WHERE { ?p nope:name ?n }\n"), "{r}");
            }
            other => panic!("{other:?}"),
        }
        assert!(is_complete("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s;", &p));
        assert!(!is_complete("SELECT * WHERE { ?s ?p ?o } ORDER BY", &p));
        assert!(is_complete(".stats", &p));
        assert!(!is_complete("SELECT * WHERE { ?s a schema:Person ;", &p), "a ; inside a pattern continues");
        match check("SELECT ?n\nWHERE { ?p schema:nme ?n FILTR(?n) }", &p) {
            Check::Error(e) => assert_eq!((e.line, e.column), (2, 26)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn scripts_split_on_whole_queries() {
        let p = p();
        let s = "SELECT ?name\nWHERE { ?p a schema:Person ; schema:name ?name }\nORDER BY ?name\nLIMIT 3\n.stats\nASK { ?s ?p ?o }\nSELECT * WHERE { ?s ?p ?o } LIMIT 1;\nASK {}\n";
        let parts = split_script(s, &p);
        assert_eq!(
            parts,
            vec![
                "SELECT ?name\nWHERE { ?p a schema:Person ; schema:name ?name }\nORDER BY ?name\nLIMIT 3".to_string(),
                ".stats".into(),
                "ASK { ?s ?p ?o }".into(),
                "SELECT * WHERE { ?s ?p ?o } LIMIT 1;".into(),
                "ASK {}".into(),
            ]
        );
        // A misspelt continuation stays with its query (and is reported as its error).
        let parts = split_script("SELECT * WHERE { ?s ?p ?o }\nORDER BY ?s LIMT 3\n", &p);
        assert_eq!(parts.len(), 1);
        let parts = split_script("SELECT * WHERE { ?s ?p ?o }\nORDER BY ?s\n\nASK { ?s ?p ?o }\n", &p);
        assert_eq!(parts.len(), 2, "{parts:?}");
        let parts = split_script("SELCT * WHERE { ?s ?p ?o }\n.stats\n", &p);
        assert_eq!(parts, vec!["SELCT * WHERE { ?s ?p ?o }".to_string(), ".stats".into()]);
        // An unfinished query at the end is still handed over (to report it).
        assert_eq!(split_script("SELECT * WHERE {\n", &p), vec!["SELECT * WHERE {".to_string()]);
    }

    #[test]
    fn updates_are_recognised() {
        assert!(looks_like_update("PREFIX a: <http://x/>\nINSERT DATA { a:b a:c a:d }"));
        assert!(looks_like_update("# note\nDELETE WHERE { ?s ?p ?o }"));
        assert!(!looks_like_update("SELECT * WHERE { ?s ?p ?o }"));
    }
}
