//! Command-line arguments (clap derive types only).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Turns news articles into a knowledge graph of people, organisations,
/// places and attributed quotations, stored in an embedded Oxigraph store.
///
/// Without a subcommand, starts the interactive SPARQL shell (`repl`).
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about)]
pub struct Args {
    /// Store folder, or a SPARQL server's URL (http://host:port), also accepted before the subcommand [default: $NEWSGRAPH_STORE, else ./newsgraph-data]
    #[arg(long, value_name = "DIR|URL", value_hint = clap::ValueHint::DirPath)]
    pub store: Option<PathBuf>,
    #[command(flatten)]
    pub endpoints: EndpointArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A SPARQL server's URLs when `--store URL` is not enough. Credentials come from the
/// environment only: NEWSGRAPH_USER and NEWSGRAPH_PASSWORD (HTTP Basic), or NEWSGRAPH_TOKEN (Bearer).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EndpointArgs {
    /// SPARQL query endpoint of a --store URL [default: URL/query]
    #[arg(long, global = true, value_name = "URL", env = "NEWSGRAPH_QUERY_URL")]
    pub query_url: Option<String>,
    /// SPARQL update endpoint of a --store URL [default: URL/update]
    #[arg(long, global = true, value_name = "URL", env = "NEWSGRAPH_UPDATE_URL")]
    pub update_url: Option<String>,
    /// Graph Store HTTP Protocol endpoint of a --store URL [default: URL/store]
    #[arg(long, global = true, value_name = "URL", env = "NEWSGRAPH_GRAPH_STORE_URL")]
    pub graph_store_url: Option<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// Store folder, or a SPARQL server's URL (http://host:port) [default: $NEWSGRAPH_STORE, else ./newsgraph-data]
    #[arg(long, value_name = "DIR|URL", value_hint = clap::ValueHint::DirPath)]
    pub store: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract articles into the store
    ///
    /// Each PATH is a .txt article, a .jsonl file of articles (one JSON object
    /// per line with "id" and "text", optionally "title"), or a folder of
    /// them. The identifier (dct:identifier) is the file name or the record id. One named graph per
    /// article; re-ingesting a file replaces its triples. A bad file is
    /// reported and skipped, the others are stored; the exit status is 1 if
    /// any failed.
    Ingest {
        #[command(flatten)]
        store: StoreArg,
        /// Backend of a new store: memory (default) or rocksdb (needs a build with
        /// --features rocksdb). An existing store keeps the one it was created with.
        /// [default: $NEWSGRAPH_BACKEND, else memory]
        #[arg(long, value_enum)]
        backend: Option<BackendArg>,
        /// Article files or folders of .txt files
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
    },
    /// Remove articles from the store, by identifier
    ///
    /// The store is left as if the articles had never been ingested: their
    /// graphs go, and entities, alternate names, claims and near-duplicate
    /// links are recomputed. An ID is the article's dct:identifier (the file
    /// name, `.txt` optional, or the record id). An unknown ID is reported;
    /// the exit status is then 1.
    Remove {
        #[command(flatten)]
        store: StoreArg,
        /// Article identifiers
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Interactive SPARQL shell over the store
    ///
    /// A store folder given with --store (or $NEWSGRAPH_STORE) must exist;
    /// the default ./newsgraph-data, or any new folder with --examples, is
    /// created with the example articles in examples/articles. Piped standard
    /// input runs the same commands without a prompt and stops at the first
    /// error (exit status 1) unless --keep-going.
    Repl {
        #[command(flatten)]
        store: StoreArg,
        /// Create the store (or fill it when empty) with the example articles
        #[arg(long)]
        examples: bool,
        /// Piped input: go on after an error (the exit status is still 1)
        #[arg(long)]
        keep_going: bool,
        /// Stop any query after this many seconds (0: never) [default: 60 when standard input is not a terminal, else never]
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<f64>,
        /// Print at most this many rows of a result, saying so when more are left out (0: no bound)
        #[arg(long, value_name = "N", default_value_t = 100_000)]
        max_rows: usize,
    },
    /// Run one SPARQL query
    ///
    /// SELECT and ASK print results in the chosen format; CONSTRUCT and
    /// DESCRIBE print Turtle. The contract's prefixes (schema:, nif:, ...)
    /// are pre-declared.
    Query {
        #[command(flatten)]
        store: StoreArg,
        /// The query text
        #[arg(required_unless_present = "file", conflicts_with = "file")]
        sparql: Option<String>,
        /// Read the query from a file (`-`: standard input)
        #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
        file: Option<PathBuf>,
        /// Result format: table, csv, tsv, json, xml or markdown for SELECT and ASK; turtle, ntriples, jsonld or rdfxml for CONSTRUCT and DESCRIBE (table prints Turtle there)
        #[arg(long, value_enum, default_value_t = ResultFormat::Table)]
        format: ResultFormat,
        /// Stop the query after this many seconds, exit status 1 (0: never) [default: 60 when standard input or output is not a terminal, else never]
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<f64>,
        /// Print at most this many rows (or triples); when more are left out, say so on standard error and exit with status 1 (0: no bound)
        #[arg(long, value_name = "N", default_value_t = 100_000)]
        max_rows: usize,
    },
    /// Verify a store's files and print what is wrong (exit status 1 when damaged)
    ///
    /// In-memory stores: every line of graph.nq and every segment of graph.log is read
    /// on its own, so one damaged place does not hide the others; each is named with its
    /// file and line. RocksDB stores: the store opens, and an interrupted write is reported.
    Check {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Recover what can be read from a damaged store, saying what was lost
    ///
    /// In-memory stores: the lines that parse and the whole log segments are kept, the
    /// articles among them (identifier, headline, text) are extracted and stored again
    /// into a fresh store, and the damaged files are kept beside it (graph.nq.damaged-TIME).
    /// Every dropped line and every article that could not be recovered is named; the exit
    /// status is 1 when an article was lost. RocksDB stores: the entities, claims, near
    /// duplicates and internal records are rebuilt from the stored articles.
    Repair {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Show what extraction finds in articles, without storing anything
    ///
    /// Prints each entity (kind, name, surface forms, titles) and each
    /// quotation with its speaker.
    Extract {
        /// Article files or folders of .txt files
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
    },
    /// Export the whole store
    ///
    /// N-Quads and TriG keep the per-article graphs; Turtle and N-Triples
    /// write their union. DOT (Graphviz) and GraphML (Gephi) write the entity
    /// network: people, organisations and places, linked when articles name
    /// them together.
    Export {
        #[command(flatten)]
        store: StoreArg,
        /// RDF format, or a network format
        #[arg(long, value_enum, default_value_t = ExportFormat::Nquads)]
        format: ExportFormat,
        /// Output file [default: standard output]
        #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
        /// Only this named graph (an article IRI, or .../graph/entities, claims, similar)
        #[arg(long, value_name = "IRI")]
        graph: Option<String>,
        /// Network formats: keep links between entities named together in at least this many sentences
        #[arg(long, value_name = "N", default_value_t = 2)]
        min_weight: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackendArg {
    /// In-memory store persisted as graph.nq plus a log of changes
    Memory,
    /// RocksDB on disk, for large corpora
    Rocksdb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    /// SPARQL XML results (RDF/XML for graphs)
    Xml,
    Markdown,
    Turtle,
    Ntriples,
    Jsonld,
    Rdfxml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    /// JSON-LD (keeps the named graphs)
    Jsonld,
    /// RDF/XML (the union of the graphs)
    Rdfxml,
    /// Graphviz: the entity network
    Dot,
    /// GraphML (Gephi, yEd): the entity network
    Graphml,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_relations() {
        assert!(Args::try_parse_from(["newsgraph", "ingest"]).is_err(), "ingest needs a path");
        assert!(Args::try_parse_from(["newsgraph", "query"]).is_err(), "query needs text or --file");
        assert!(Args::try_parse_from(["newsgraph", "query", "ASK {}", "--file", "q.rq"]).is_err());
        assert!(Args::try_parse_from(["newsgraph", "export", "--format", "xml"]).is_err());
        let a = Args::try_parse_from(["newsgraph", "export", "--format", "trig", "-o", "x.trig"]).unwrap();
        assert!(matches!(a.command, Some(Command::Export { format: ExportFormat::Trig, .. })));
        assert!(Args::try_parse_from(["newsgraph"]).unwrap().command.is_none());
        let a = Args::try_parse_from(["newsgraph", "--store", "s", "query", "ASK {}"]).unwrap();
        assert_eq!(a.store.as_deref(), Some(std::path::Path::new("s")));
        // A server's endpoint URLs, before or after the subcommand.
        let a = Args::try_parse_from(["newsgraph", "export", "--store", "http://h", "--query-url", "http://h/sparql"])
            .unwrap();
        assert_eq!(a.endpoints.query_url.as_deref(), Some("http://h/sparql"));
        let a = Args::try_parse_from(["newsgraph", "--update-url", "http://h/u", "query", "ASK {}"]).unwrap();
        assert_eq!(a.endpoints.update_url.as_deref(), Some("http://h/u"));
    }
}
