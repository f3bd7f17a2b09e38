//! What the user typed, parsed without side effects.

use std::path::PathBuf;

use crate::cli::ExportFormat;

pub const HELP: &str = "\
Enter a SPARQL query; it runs when it ends with ; or its closing } (or a LIMIT/OFFSET number). The prefixes schema: dct: prov: nif: itsrdf: xsd: owl: rdf: rdfs: skos: ng: ngr: are declared.
  .help                    this text
  .prefixes                the declared prefixes
  .stats                   articles, entities by type, quotes, triples
  .export FORMAT FILE      write the store (turtle, ntriples, nquads, trig) or the entity network (dot, graphml)
  .quit                    leave (Ctrl-D too; Ctrl-C clears the line)";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Prefixes,
    Stats,
    Quit,
    Export { format: ExportFormat, path: PathBuf },
    Query(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("unknown command {0}; try .help")]
    Unknown(String),
    #[error("usage: .export FORMAT FILE (FORMAT: turtle, ntriples, nquads, trig, dot, graphml)")]
    ExportUsage,
    #[error("unknown export format {0} (turtle, ntriples, nquads, trig, dot, graphml)")]
    Format(String),
}

/// True when `input` is a whole command: a dot-command, or a query with
/// balanced braces that ends with `}` or `;`.
pub fn is_complete(input: &str) -> bool {
    let t = input.trim();
    if t.is_empty() || t.starts_with('.') {
        return true;
    }
    let mut depth = 0i32;
    let mut in_str: Option<char> = None;
    let mut in_iri = false;
    for c in t.chars() {
        match (in_str, c) {
            (Some(q), c) if c == q => in_str = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if !in_iri => in_str = Some(c),
            (None, '<') => in_iri = true,
            (None, '>') => in_iri = false,
            (None, '{') if !in_iri => depth += 1,
            (None, '}') if !in_iri => depth -= 1,
            _ => {}
        }
    }
    let last_line = t.lines().last().unwrap_or("").trim().to_uppercase();
    let ends_with_limit = ["LIMIT ", "OFFSET "].iter().any(|k| {
        last_line.contains(k)
            && last_line.rsplit(' ').next().is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    });
    depth <= 0 && in_str.is_none() && (t.ends_with(';') || t.ends_with('}') || ends_with_limit)
}

impl Command {
    pub fn parse(input: &str) -> Result<Command, CommandError> {
        let t = input.trim();
        if let Some(rest) = t.strip_prefix('.') {
            let mut words = rest.split_whitespace();
            let cmd = words.next().unwrap_or("");
            return match cmd {
                "help" => Ok(Command::Help),
                "prefixes" => Ok(Command::Prefixes),
                "stats" => Ok(Command::Stats),
                "quit" | "exit" => Ok(Command::Quit),
                "export" => {
                    let (Some(f), Some(p), None) = (words.next(), words.next(), words.next()) else {
                        return Err(CommandError::ExportUsage);
                    };
                    let format = match f {
                        "turtle" | "ttl" => ExportFormat::Turtle,
                        "ntriples" | "nt" => ExportFormat::Ntriples,
                        "nquads" | "nq" => ExportFormat::Nquads,
                        "trig" => ExportFormat::Trig,
                        "dot" => ExportFormat::Dot,
                        "graphml" => ExportFormat::Graphml,
                        other => return Err(CommandError::Format(other.to_string())),
                    };
                    Ok(Command::Export { format, path: PathBuf::from(p) })
                }
                other => Err(CommandError::Unknown(format!(".{other}"))),
            };
        }
        Ok(Command::Query(t.trim_end_matches(';').trim().to_string()))
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
        assert_eq!(Command::parse(".export"), Err(CommandError::ExportUsage));
        assert_eq!(Command::parse(".export xml a"), Err(CommandError::Format("xml".into())));
        assert_eq!(Command::parse(".nope"), Err(CommandError::Unknown(".nope".into())));
        assert_eq!(Command::parse("ASK {};"), Ok(Command::Query("ASK {}".into())));
    }

    #[test]
    fn completeness() {
        assert!(!is_complete("SELECT * WHERE {"));
        assert!(!is_complete("SELECT * WHERE { ?s ?p ?o }\nORDER BY ?s"));
        assert!(is_complete("SELECT * WHERE { ?s ?p ?o }\nORDER BY ?s;"));
        assert!(is_complete("SELECT * WHERE { ?s ?p \"}\" }"));
        assert!(is_complete(".stats"));
        assert!(is_complete("SELECT * WHERE {\n ?s ?p ?o } LIMIT 2"));
        assert!(!is_complete("SELECT * WHERE {\n ?s ?p ?o } LIMIT"));
        assert!(!is_complete("SELECT * WHERE { ?s <http://x/{> ?o "));
    }
}
