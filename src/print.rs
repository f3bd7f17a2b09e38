//! Query results to a writer: aligned tables with prefixed names, or the
//! standard CSV, TSV and JSON result formats; graphs as Turtle.

use std::io::Write;

use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use crate::cli::ResultFormat;
use crate::rdf::vocab::PREFIXES;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// An IRI as a prefixed name when a known prefix covers it.
pub fn compact(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            for (p, ns) in PREFIXES {
                if let Some(local) = iri.strip_prefix(ns)
                    && !local.is_empty()
                    && local.chars().all(|c| c.is_alphanumeric() || "-_/.#=,%".contains(c))
                {
                    return format!("{p}:{local}");
                }
            }
            format!("<{iri}>")
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// Prints results; returns the number of rows (or triples) written.
pub fn print_results(results: QueryResults<'_>, format: ResultFormat, w: &mut dyn Write) -> Result<usize, BoxError> {
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<_> = solutions.variables().to_vec();
            if format == ResultFormat::Table {
                let mut table = Table::new();
                table.load_preset(UTF8_FULL_CONDENSED);
                table.set_header(vars.iter().map(|v| v.as_str().to_string()));
                let mut n = 0;
                for s in solutions {
                    let s = s?;
                    table.add_row(vars.iter().map(|v| s.get(v).map(compact).unwrap_or_default()));
                    n += 1;
                }
                writeln!(w, "{table}")?;
                return Ok(n);
            }
            let f = match format {
                ResultFormat::Csv => QueryResultsFormat::Csv,
                ResultFormat::Tsv => QueryResultsFormat::Tsv,
                _ => QueryResultsFormat::Json,
            };
            let mut ser = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *w, vars)?;
            let mut n = 0;
            for s in solutions {
                let s = s?;
                ser.serialize(s.iter())?;
                n += 1;
            }
            ser.finish()?;
            Ok(n)
        }
        QueryResults::Boolean(b) => {
            match format {
                ResultFormat::Table => writeln!(w, "{b}")?,
                f => {
                    let f = match f {
                        ResultFormat::Csv => QueryResultsFormat::Csv,
                        ResultFormat::Tsv => QueryResultsFormat::Tsv,
                        _ => QueryResultsFormat::Json,
                    };
                    QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *w, b)?;
                }
            }
            Ok(1)
        }
        QueryResults::Graph(triples) => {
            let mut ser = RdfSerializer::from_format(RdfFormat::Turtle);
            for (p, ns) in PREFIXES {
                ser = ser.with_prefix(*p, *ns)?;
            }
            let mut ser = ser.for_writer(&mut *w);
            let mut n = 0;
            for t in triples {
                ser.serialize_triple(&t?)?;
                n += 1;
            }
            ser.finish()?;
            Ok(n)
        }
    }
}
