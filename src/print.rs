//! Query results to a writer: aligned tables and Markdown with names that can
//! be pasted back into a query, the standard CSV, TSV, JSON and XML result
//! formats; graphs in any RDF format.

use std::io::Write;

use comfy_table::{Cell, CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use crate::cli::ResultFormat;
use crate::rdf::vocab::{PREFIXES, RESOURCE_PREFIXES};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How tables show terms.
#[derive(Debug, Clone)]
pub struct Style {
    /// Declared prefixes, tried longest namespace first.
    pub prefixes: Vec<(String, String)>,
    /// Cells wider than this many characters are cut with "…" (0: never).
    pub maxwidth: usize,
    /// Print at most this many rows (or triples); 0: no bound. Results are laid out in
    /// memory before they are printed, so an unbounded cross product would exhaust it.
    pub max_rows: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style { prefixes: default_prefixes(), maxwidth: 0, max_rows: 0 }
    }
}

/// What a bounded print wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    /// Rows (or triples) written.
    pub rows: usize,
    /// More results were left out: `Style::max_rows` was reached.
    pub cut: bool,
}

/// The contract's prefixes and the resource prefixes.
pub fn default_prefixes() -> Vec<(String, String)> {
    PREFIXES.iter().chain(RESOURCE_PREFIXES).map(|(p, i)| (p.to_string(), i.to_string())).collect()
}

/// True when `local` is a SPARQL/Turtle local name that needs no escaping.
pub fn valid_local(local: &str) -> bool {
    let chars: Vec<char> = local.chars().collect();
    if chars.is_empty() {
        return true;
    }
    let ok_first =
        |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':' || (!c.is_ascii() && c.is_alphanumeric());
    let ok_mid = |c: char| ok_first(c) || c == '-' || c == '.';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '%' {
            if i + 2 < chars.len() && chars[i + 1].is_ascii_hexdigit() && chars[i + 2].is_ascii_hexdigit() {
                i += 3;
                continue;
            }
            return false;
        }
        let ok = if i == 0 { ok_first(c) } else { ok_mid(c) };
        if !ok {
            return false;
        }
        i += 1;
    }
    !local.ends_with('.')
}

/// An IRI as the shortest valid prefixed name, else `<IRI>`: both paste back into a query.
pub fn compact_iri(iri: &str, prefixes: &[(String, String)]) -> String {
    let mut best: Option<(usize, String)> = None;
    for (p, ns) in prefixes {
        if let Some(local) = iri.strip_prefix(ns.as_str())
            && valid_local(local)
            && best.as_ref().is_none_or(|(len, _)| ns.len() > *len)
        {
            best = Some((ns.len(), format!("{p}:{local}")));
        }
    }
    best.map_or_else(|| format!("<{iri}>"), |(_, s)| s)
}

const NUMERIC: &[&str] = &[
    "integer",
    "decimal",
    "double",
    "float",
    "int",
    "long",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "negativeInteger",
    "nonPositiveInteger",
    "unsignedInt",
    "unsignedLong",
    "unsignedShort",
    "unsignedByte",
];

/// True for literals of a numeric XSD type.
pub fn is_number(l: &Literal) -> bool {
    l.datatype()
        .as_str()
        .strip_prefix("http://www.w3.org/2001/XMLSchema#")
        .is_some_and(|local| NUMERIC.contains(&local))
}

/// A term for a table cell: IRIs as pasteable names, plain strings as they are,
/// numbers and booleans bare, other literals with their language tag or datatype.
pub fn show(term: &Term, prefixes: &[(String, String)]) -> String {
    match term {
        Term::NamedNode(n) => compact_iri(n.as_str(), prefixes),
        Term::Literal(l) => {
            let dt = l.datatype().as_str();
            if let Some(lang) = l.language() {
                format!("\"{}\"@{lang}", l.value())
            } else if dt == "http://www.w3.org/2001/XMLSchema#string"
                || is_number(l)
                || dt == "http://www.w3.org/2001/XMLSchema#boolean"
            {
                l.value().to_string()
            } else {
                format!("\"{}\"^^{}", l.value(), compact_iri(dt, prefixes))
            }
        }
        other => other.to_string(),
    }
}

/// The term as `show`, compacted with the default prefixes.
pub fn compact(term: &Term) -> String {
    show(term, &default_prefixes())
}

fn cut(s: &str, max: usize) -> String {
    let one_line: String = s.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
    if max == 0 || one_line.chars().count() <= max {
        return one_line;
    }
    let mut t: String = one_line.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn results_format(format: ResultFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    }
}

/// The RDF format a graph result (CONSTRUCT, DESCRIBE) is written in.
pub fn graph_format(format: ResultFormat) -> Option<RdfFormat> {
    match format {
        ResultFormat::Table | ResultFormat::Markdown | ResultFormat::Turtle => Some(RdfFormat::Turtle),
        ResultFormat::Ntriples => Some(RdfFormat::NTriples),
        ResultFormat::Json | ResultFormat::Jsonld => Some(RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }),
        ResultFormat::Xml | ResultFormat::Rdfxml => Some(RdfFormat::RdfXml),
        ResultFormat::Csv | ResultFormat::Tsv => None,
    }
}

/// Prints results with the default style; returns the number of rows (or triples) written.
pub fn print_results(results: QueryResults<'_>, format: ResultFormat, w: &mut dyn Write) -> Result<usize, BoxError> {
    print_styled(results, format, &Style::default(), w)
}

/// Prints results; returns the number of rows (or triples) written. Every
/// format ends with a newline.
pub fn print_styled(
    results: QueryResults<'_>,
    format: ResultFormat,
    style: &Style,
    w: &mut dyn Write,
) -> Result<usize, BoxError> {
    print_bounded(results, format, style, w).map(|p| p.rows)
}

/// The most bytes a bounded print lays out in memory (with `Style::max_rows` set): a few
/// rows holding whole article texts weigh more than many short ones.
pub const MAX_PRINT_BYTES: usize = 64 << 20;

/// How much of a result has been laid out, against the bounds.
struct Budget {
    max_rows: usize,
    rows: usize,
    bytes: usize,
    more: bool,
}

impl Budget {
    /// Called with a next result in hand: true when it passes a bound (it is then left out).
    fn full(&mut self) -> bool {
        if self.max_rows > 0 && (self.rows >= self.max_rows || self.bytes >= MAX_PRINT_BYTES) {
            self.more = true;
        }
        self.more
    }

    fn printed(&self) -> Printed {
        Printed { rows: self.rows, cut: self.more }
    }
}

/// Counts what goes through to the writer.
struct Counting<'a> {
    inner: &'a mut dyn Write,
    bytes: std::rc::Rc<std::cell::Cell<usize>>,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes.set(self.bytes.get() + n);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Prints results, at most `style.max_rows` of them and about `MAX_PRINT_BYTES` (the rest
/// are not read; no bound when `max_rows` is 0); says how many were written and whether
/// more were left out. Every format ends with a newline.
pub fn print_bounded(
    results: QueryResults<'_>,
    format: ResultFormat,
    style: &Style,
    w: &mut dyn Write,
) -> Result<Printed, BoxError> {
    let mut budget = Budget { max_rows: style.max_rows, rows: 0, bytes: 0, more: false };
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<_> = solutions.variables().to_vec();
            if matches!(format, ResultFormat::Table | ResultFormat::Markdown) {
                let mut rows: Vec<Vec<(String, bool)>> = Vec::new();
                // A table pads every cell to its column's width: its size is rows × the widths.
                let mut widths = vec![0; vars.len()];
                for s in solutions {
                    if budget.full() {
                        break;
                    }
                    let s = s?;
                    let row: Vec<(String, bool)> = vars
                        .iter()
                        .map(|v| match s.get(v) {
                            Some(t) => {
                                let num = matches!(t, Term::Literal(l) if is_number(l));
                                (cut(&show(t, &style.prefixes), style.maxwidth), num)
                            }
                            None => (String::new(), false),
                        })
                        .collect();
                    budget.rows += 1;
                    if format == ResultFormat::Table {
                        for (w, (cell, _)) in widths.iter_mut().zip(&row) {
                            *w = (*w).max(cell.len() + 3);
                        }
                        budget.bytes = budget.rows * widths.iter().sum::<usize>();
                    } else {
                        budget.bytes += row.iter().map(|(c, _)| c.len() + 3).sum::<usize>();
                    }
                    rows.push(row);
                }
                let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
                if format == ResultFormat::Markdown {
                    write_markdown(&header, &rows, w)?;
                } else {
                    let mut table = Table::new();
                    table.load_preset(UTF8_FULL_CONDENSED);
                    table.set_header(header);
                    for r in &rows {
                        table.add_row(r.iter().map(|(s, num)| {
                            let c = Cell::new(s);
                            if *num { c.set_alignment(CellAlignment::Right) } else { c }
                        }));
                    }
                    writeln!(w, "{table}")?;
                }
                return Ok(budget.printed());
            }
            let Some(f) = results_format(format) else {
                return Err(format!(
                    "{} is an RDF format for CONSTRUCT and DESCRIBE; SELECT results print as table, csv, tsv, json, xml or markdown",
                    format_name(format)
                )
                .into());
            };
            let written = std::rc::Rc::new(std::cell::Cell::new(0));
            let counting = Counting { inner: &mut *w, bytes: written.clone() };
            let mut ser = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(counting, vars)?;
            for s in solutions {
                budget.bytes = written.get();
                if budget.full() {
                    break;
                }
                let s = s?;
                ser.serialize(s.iter())?;
                budget.rows += 1;
            }
            ser.finish()?;
            if matches!(format, ResultFormat::Json | ResultFormat::Xml) {
                writeln!(w)?;
            }
            Ok(budget.printed())
        }
        QueryResults::Boolean(b) => {
            match results_format(format) {
                None => writeln!(w, "{b}")?,
                Some(f) => {
                    QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *w, b)?;
                    if matches!(format, ResultFormat::Json | ResultFormat::Xml) {
                        writeln!(w)?;
                    }
                }
            }
            Ok(Printed { rows: 1, cut: false })
        }
        QueryResults::Graph(triples) => {
            let Some(f) = graph_format(format) else {
                return Err(format!(
                    "{} is for SELECT results; CONSTRUCT and DESCRIBE print as turtle, ntriples, jsonld or rdfxml",
                    format_name(format)
                )
                .into());
            };
            let mut ser = RdfSerializer::from_format(f);
            if f != RdfFormat::NTriples {
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns)?;
                }
            }
            let mut buf = Vec::new();
            let written = std::rc::Rc::new(std::cell::Cell::new(0));
            let mut ser = ser.for_writer(Counting { inner: &mut buf, bytes: written.clone() });
            for t in triples {
                budget.bytes = written.get();
                if budget.full() {
                    break;
                }
                ser.serialize_triple(&t?)?;
                budget.rows += 1;
            }
            ser.finish()?;
            if !buf.ends_with(b"\n") {
                buf.push(b'\n');
            }
            w.write_all(&buf)?;
            Ok(budget.printed())
        }
    }
}

fn format_name(f: ResultFormat) -> String {
    format!("{f:?}").to_lowercase()
}

fn write_markdown(header: &[String], rows: &[Vec<(String, bool)>], w: &mut dyn Write) -> std::io::Result<()> {
    let esc = |s: &str| s.replace('|', "\\|");
    writeln!(w, "| {} |", header.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "))?;
    let numeric: Vec<bool> =
        (0..header.len()).map(|i| !rows.is_empty() && rows.iter().all(|r| r[i].1 || r[i].0.is_empty())).collect();
    writeln!(w, "|{}|", numeric.iter().map(|n| if *n { "---:" } else { "---" }).collect::<Vec<_>>().join("|"))?;
    for r in rows {
        writeln!(w, "| {} |", r.iter().map(|(s, _)| esc(s)).collect::<Vec<_>>().join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;

    #[test]
    fn names_paste_back() {
        let p = default_prefixes();
        assert_eq!(compact_iri("https://w3id.org/newsgraph/id/place/kyiv", &p), "place:kyiv");
        assert_eq!(compact_iri("http://schema.org/Person", &p), "schema:Person");
        let mention = "https://w3id.org/newsgraph/id/article/000_c79#char=0,5";
        assert_eq!(compact_iri(mention, &p), format!("<{mention}>"));
        assert_eq!(compact_iri("https://w3id.org/newsgraph/id/article/a/quote/1", &p).chars().next(), Some('<'));
        assert!(!valid_local("a."));
        assert!(valid_local("a%20b"));
        assert!(!valid_local("a%2"));
        let lit = Term::Literal(Literal::new_language_tagged_literal_unchecked("Kyiv", "en"));
        assert_eq!(show(&lit, &p), "\"Kyiv\"@en");
        let date = Term::Literal(Literal::new_typed_literal(
            "2024-01-01",
            NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#date"),
        ));
        assert_eq!(show(&date, &p), "\"2024-01-01\"^^xsd:date");
        assert_eq!(show(&Term::Literal(Literal::from(12)), &p), "12");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 0), "abc");
    }
}
