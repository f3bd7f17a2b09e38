//! What the user typed, parsed without side effects.

use std::path::PathBuf;

use crate::cli::{ExportFormat, ResultFormat};

pub const HELP: &str = "\
Enter a SPARQL query; it runs at Enter once it parses as a whole query (or at a ; ending a line); a valid
beginning continues on the next line (prompt ...>). Ctrl-C cancels a running query or clears the input.
Declared prefixes: schema: dct: prov: nif: itsrdf: xsd: owl: rdf: rdfs: skos: ng: ngr: person: organization:
place: article: claim: (.prefixes lists them).

Output
  .mode MODE               table, markdown, csv, tsv, json, xml (SELECT/ASK); turtle, ntriples, jsonld, rdfxml (CONSTRUCT)
  .output [FILE]           results to FILE (appended to while it stays set); no FILE: back to the screen
  .maxwidth N              cut table cells wider than N characters (0: never)
  .maxrows N               print at most N rows of a result, saying so when more are left out (0: no bound)
  .timer on|off            show how long each query took
  .timeout SECONDS|off     stop queries that run longer
Store
  .stats                   articles, entities by type, quotes, triples
  .graphs                  the named graphs and their sizes
  .schema                  classes and properties in use, with counts
  .prefixes                the declared prefixes
  .prefix P: <IRI>         declare a prefix for the rest of the session
  .explain QUERY           oxigraph's plan for QUERY, with statistics from running it
  .export FORMAT FILE      write the store (turtle, ntriples, nquads, trig, jsonld, rdfxml) or the entity network (dot, graphml)
  .read FILE               run the commands and queries in FILE
Questions without SPARQL (each prints the query it ran, to learn from and edit)
  .quotes NAME             what a person or organisation said, with the article
  .said \"PHRASE\"           who said it, in which articles
  .entity NAME             types, names, roles, articles and quotes of an entity
  .articles NAME           the articles that name an entity
  .claims                  statements carried by several articles, with each wording
Session
  .help                    this text
  .quit                    leave (Ctrl-D too)
The graph is computed from the articles: SPARQL UPDATE is refused; use `newsgraph ingest` and `newsgraph remove`.";

/// Every dot-command, for completion.
pub const NAMES: &[&str] = &[
    ".articles",
    ".claims",
    ".entity",
    ".exit",
    ".explain",
    ".export",
    ".graphs",
    ".help",
    ".maxrows",
    ".maxwidth",
    ".mode",
    ".output",
    ".prefix",
    ".prefixes",
    ".quit",
    ".quotes",
    ".read",
    ".said",
    ".schema",
    ".stats",
    ".timeout",
    ".timer",
];

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Help,
    Prefixes,
    Stats,
    Quit,
    Export { format: ExportFormat, path: PathBuf },
    Mode(ResultFormat),
    Output(Option<PathBuf>),
    Read(PathBuf),
    MaxWidth(usize),
    MaxRows(usize),
    Prefix { prefix: String, iri: String },
    Graphs,
    Schema,
    Explain(String),
    Timer(bool),
    Timeout(Option<f64>),
    Quotes(String),
    Said(String),
    Entity(String),
    Articles(String),
    Claims,
    Query(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("unknown command {0}; try .help")]
    Unknown(String),
    #[error("usage: {0}")]
    Usage(&'static str),
    #[error("unknown export format {0} (turtle, ntriples, nquads, trig, jsonld, rdfxml, dot, graphml)")]
    Format(String),
    #[error("unknown mode {0} (table, markdown, csv, tsv, json, xml, turtle, ntriples, jsonld, rdfxml)")]
    Mode(String),
}

/// `~` and `~/…` become the home folder; surrounding quotes are dropped.
pub fn user_path(s: &str) -> PathBuf {
    let s = unquote(s.trim());
    if (s == "~" || s.starts_with("~/"))
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(s.trim_start_matches('~').trim_start_matches('/'));
    }
    PathBuf::from(s)
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

pub fn export_format(f: &str) -> Option<ExportFormat> {
    Some(match f {
        "turtle" | "ttl" => ExportFormat::Turtle,
        "ntriples" | "nt" => ExportFormat::Ntriples,
        "nquads" | "nq" => ExportFormat::Nquads,
        "trig" => ExportFormat::Trig,
        "jsonld" | "json-ld" => ExportFormat::Jsonld,
        "rdfxml" | "rdf" | "xml" => ExportFormat::Rdfxml,
        "dot" => ExportFormat::Dot,
        "graphml" => ExportFormat::Graphml,
        _ => return None,
    })
}

pub fn mode(m: &str) -> Option<ResultFormat> {
    Some(match m {
        "table" => ResultFormat::Table,
        "markdown" | "md" => ResultFormat::Markdown,
        "csv" => ResultFormat::Csv,
        "tsv" => ResultFormat::Tsv,
        "json" => ResultFormat::Json,
        "xml" => ResultFormat::Xml,
        "turtle" | "ttl" => ResultFormat::Turtle,
        "ntriples" | "nt" => ResultFormat::Ntriples,
        "jsonld" | "json-ld" => ResultFormat::Jsonld,
        "rdfxml" => ResultFormat::Rdfxml,
        _ => return None,
    })
}

impl Command {
    pub fn parse(input: &str) -> Result<Command, CommandError> {
        let t = input.trim();
        let Some(rest) = t.strip_prefix('.') else {
            return Ok(Command::Query(t.trim_end_matches(';').trim().to_string()));
        };
        let (cmd, arg) = match rest.split_once(char::is_whitespace) {
            Some((c, a)) => (c, a.trim()),
            None => (rest, ""),
        };
        let need = |usage: &'static str| if arg.is_empty() { Err(CommandError::Usage(usage)) } else { Ok(()) };
        Ok(match cmd {
            "help" => Command::Help,
            "prefixes" => Command::Prefixes,
            "stats" => Command::Stats,
            "graphs" => Command::Graphs,
            "schema" => Command::Schema,
            "claims" => Command::Claims,
            "quit" | "exit" => Command::Quit,
            "export" => {
                const USAGE: &str =
                    ".export FORMAT FILE (FORMAT: turtle, ntriples, nquads, trig, jsonld, rdfxml, dot, graphml)";
                let Some((f, p)) = arg.split_once(char::is_whitespace) else {
                    return Err(CommandError::Usage(USAGE));
                };
                let format = export_format(f).ok_or_else(|| CommandError::Format(f.to_string()))?;
                Command::Export { format, path: user_path(p) }
            }
            "mode" => {
                need(".mode table|markdown|csv|tsv|json|xml|turtle|ntriples|jsonld|rdfxml")?;
                Command::Mode(mode(arg).ok_or_else(|| CommandError::Mode(arg.to_string()))?)
            }
            "output" | "once" => Command::Output(if arg.is_empty() { None } else { Some(user_path(arg)) }),
            "read" => {
                need(".read FILE")?;
                Command::Read(user_path(arg))
            }
            "maxwidth" => Command::MaxWidth(arg.parse().map_err(|_| CommandError::Usage(".maxwidth N (0: no limit)"))?),
            "maxrows" => Command::MaxRows(arg.parse().map_err(|_| CommandError::Usage(".maxrows N (0: no bound)"))?),
            "prefix" => {
                const USAGE: &str = ".prefix P: <IRI>";
                let (p, iri) = arg.split_once(char::is_whitespace).ok_or(CommandError::Usage(USAGE))?;
                let (Some(p), Some(iri)) =
                    (p.strip_suffix(':'), iri.trim().strip_prefix('<').and_then(|i| i.strip_suffix('>')))
                else {
                    return Err(CommandError::Usage(USAGE));
                };
                Command::Prefix { prefix: p.to_string(), iri: iri.to_string() }
            }
            "explain" => {
                need(".explain QUERY")?;
                Command::Explain(arg.trim_end_matches(';').trim().to_string())
            }
            "timer" => match arg {
                "on" => Command::Timer(true),
                "off" => Command::Timer(false),
                _ => return Err(CommandError::Usage(".timer on|off")),
            },
            "timeout" => match arg {
                "off" | "0" => Command::Timeout(None),
                s => match s.trim_end_matches('s').parse::<f64>() {
                    Ok(x) if x > 0.0 => Command::Timeout(Some(x)),
                    _ => return Err(CommandError::Usage(".timeout SECONDS|off")),
                },
            },
            "quotes" => {
                need(".quotes NAME")?;
                Command::Quotes(unquote(arg).to_string())
            }
            "said" => {
                need(".said \"PHRASE\"")?;
                Command::Said(unquote(arg).to_string())
            }
            "entity" => {
                need(".entity NAME")?;
                Command::Entity(unquote(arg).to_string())
            }
            "articles" => {
                need(".articles NAME")?;
                Command::Articles(unquote(arg).to_string())
            }
            other => return Err(CommandError::Unknown(format!(".{other}"))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        assert_eq!(Command::parse(".help"), Ok(Command::Help));
        assert_eq!(Command::parse(" .stats "), Ok(Command::Stats));
        assert_eq!(Command::parse(".quit"), Ok(Command::Quit));
        assert_eq!(
            Command::parse(".export nq out.nq"),
            Ok(Command::Export { format: ExportFormat::Nquads, path: "out.nq".into() })
        );
        assert_eq!(
            Command::parse(".export ttl \"my graph.ttl\""),
            Ok(Command::Export { format: ExportFormat::Turtle, path: "my graph.ttl".into() })
        );
        assert_eq!(
            Command::parse(".export ttl my graph.ttl"),
            Ok(Command::Export { format: ExportFormat::Turtle, path: "my graph.ttl".into() })
        );
        assert!(matches!(Command::parse(".export"), Err(CommandError::Usage(_))));
        assert_eq!(Command::parse(".export xls a"), Err(CommandError::Format("xls".into())));
        assert_eq!(Command::parse(".nope"), Err(CommandError::Unknown(".nope".into())));
        assert_eq!(Command::parse("ASK {};"), Ok(Command::Query("ASK {}".into())));
        assert_eq!(Command::parse(".mode csv"), Ok(Command::Mode(ResultFormat::Csv)));
        assert_eq!(Command::parse(".mode xls"), Err(CommandError::Mode("xls".into())));
        assert_eq!(Command::parse(".maxwidth 20"), Ok(Command::MaxWidth(20)));
        assert_eq!(
            Command::parse(".prefix ex: <http://example.org/>"),
            Ok(Command::Prefix { prefix: "ex".into(), iri: "http://example.org/".into() })
        );
        assert!(Command::parse(".prefix ex <http://example.org/>").is_err());
        assert_eq!(Command::parse(".timer on"), Ok(Command::Timer(true)));
        assert_eq!(Command::parse(".timeout 2.5"), Ok(Command::Timeout(Some(2.5))));
        assert_eq!(Command::parse(".timeout off"), Ok(Command::Timeout(None)));
        assert_eq!(Command::parse(".said \"not our enemy\""), Ok(Command::Said("not our enemy".into())));
        assert_eq!(Command::parse(".output"), Ok(Command::Output(None)));
    }

    #[test]
    fn home_folder() {
        let home = std::env::var("HOME").unwrap();
        assert_eq!(user_path("~/a b.ttl"), PathBuf::from(home).join("a b.ttl"));
        assert_eq!(user_path("'x y'"), PathBuf::from("x y"));
    }
}
