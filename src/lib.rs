//! newsgraph: news articles -> knowledge graph (people, organisations, places,
//! attributed quotations), every fact anchored to the characters it came from.
//!
//! `run` wires one pipeline per subcommand; the stages live in their modules
//! (see ARCHITECTURE.md).

pub mod check;
pub mod cli;
pub mod extract;
pub mod fuzz;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod print;
pub mod rdf;
pub mod remote;
pub mod repl;
pub mod resolve;
pub mod rng;
pub mod store;
pub mod update;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use oxigraph::io::RdfFormat;

use cli::{Args, Command, ExportFormat};
use model::{Article, Extraction};
use store::{Access, GraphStore};

/// The store folder: --store after the subcommand, else --store before it, else
/// $NEWSGRAPH_STORE, else ./newsgraph-data. The flag is true when the folder was named.
fn store_dir(top: Option<&Path>, arg: &cli::StoreArg) -> (PathBuf, bool) {
    if let Some(p) = arg.store.as_deref().or(top) {
        return (p.to_path_buf(), true);
    }
    match std::env::var_os("NEWSGRAPH_STORE") {
        Some(p) if !p.is_empty() => (PathBuf::from(p), true),
        _ => (PathBuf::from("newsgraph-data"), false),
    }
}

/// The command is done and the process ends next: leave the store's memory (a million
/// small allocations in a large store, a second or more to free one by one) to the
/// operating system. Everything was saved; the lock goes with the process.
fn exiting(st: GraphStore) {
    st.close();
}

/// The corpus the REPL loads into an empty store.
pub fn default_corpus() -> PathBuf {
    let local = PathBuf::from("examples/articles");
    if local.is_dir() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

pub fn run(args: Args) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let top = args.store.clone();
    remote::configure(remote::Options {
        query_url: args.endpoints.query_url.clone(),
        update_url: args.endpoints.update_url.clone(),
        graph_store_url: args.endpoints.graph_store_url.clone(),
    });
    let dir_of = |arg: &cli::StoreArg| store_dir(top.as_deref(), arg).0;
    let default_repl = Command::Repl {
        store: cli::StoreArg { store: None },
        examples: false,
        keep_going: false,
        timeout: None,
        max_rows: repl::DEFAULT_MAX_ROWS,
    };
    match args.command.unwrap_or(default_repl) {
        Command::Ingest { store, backend, paths } => {
            let backend = backend.map(|b| match b {
                cli::BackendArg::Memory => store::Backend::Memory,
                cli::BackendArg::Rocksdb => store::Backend::RocksDb,
            });
            let st = GraphStore::open_with(&dir_of(&store), Access::Write, backend)?;
            migrate(&st, &mut std::io::stderr())?;
            stop_on_ctrl_c();
            let report = ingest_paths(&st, &paths, &mut std::io::stderr())?;
            report.print(&mut out)?;
            exiting(st);
            Ok(if report.interrupted {
                ExitCode::from(130)
            } else if report.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Remove { store, ids } => {
            let st = GraphStore::open(&dir_of(&store), Access::Write)?;
            migrate(&st, &mut std::io::stderr())?;
            let (removed, missing) = remove_ids(&st, &ids, &mut std::io::stderr())?;
            writeln!(out, "removed {removed} articles; store holds {} articles", st.index().len())?;
            exiting(st);
            Ok(if missing > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Query { store, sparql, file, format, timeout, max_rows } => {
            let text = match (sparql, file) {
                (Some(q), _) => q,
                (None, Some(f)) if f.as_os_str() == "-" => {
                    let mut t = String::new();
                    std::io::Read::read_to_string(&mut std::io::stdin(), &mut t)
                        .context("cannot read the query from standard input")?;
                    t
                }
                (None, Some(f)) => {
                    std::fs::read_to_string(&f).with_context(|| format!("cannot read query file {}", f.display()))?
                }
                (None, None) => unreachable!("clap requires one of them"),
            };
            // Left to the operating system at exit (see `exiting`); a timed-out query's thread goes with it.
            let st: &'static GraphStore = Box::leak(Box::new(GraphStore::open(&dir_of(&store), Access::Read)?));
            use std::io::IsTerminal;
            let piped = !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal();
            let timeout = repl::effective_timeout(timeout, piped);
            let text = text.trim().trim_end_matches(';');
            let style = print::Style { max_rows, ..print::Style::default() };
            let result = repl::run_query(st, text, format, &style, timeout, &mut out);
            match result {
                Ok(_) => Ok(ExitCode::SUCCESS),
                Err(repl::QueryError::Io(e)) => Err(e.into()),
                Err(e) => {
                    eprintln!("newsgraph: {e}");
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Export { store, format, output, graph, min_weight } => {
            let st = GraphStore::open(&dir_of(&store), Access::Read)?;
            export(&st, format, output.as_deref(), &ExportOptions { graph, min_weight }, &mut out)?;
            exiting(st);
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { store } => {
            let ok = check::check(&dir_of(&store), &mut out)?;
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Repair { store } => {
            let ok = check::repair(&dir_of(&store), &mut out, &mut std::io::stderr())?;
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Extract { paths } => {
            let (files, errors) = ingest::list_inputs(&paths);
            let mut failed = errors.len();
            for e in &errors {
                eprintln!("newsgraph: {e}");
            }
            for f in &files {
                for r in ingest::read_articles(f) {
                    match r {
                        Ok(a) => describe_extraction(&a, &extract::extract(&a), &mut out)?,
                        Err(e) => {
                            eprintln!("newsgraph: {e}");
                            failed += 1;
                        }
                    }
                }
            }
            Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Repl { store, examples, keep_going, timeout, max_rows } => {
            let (dir, named) = store_dir(top.as_deref(), &store);
            // The default folder is the quick start: created with the examples. A named one must exist.
            let open = if examples || !named { repl::Open::Examples } else { repl::Open::Existing };
            // Left to the operating system at exit, like `exiting`: query threads may still hold it.
            let st: &'static GraphStore = Box::leak(Box::new(repl::open_for_repl(&dir, open, &mut std::io::stderr())?));
            use std::io::IsTerminal;
            let timeout = repl::effective_timeout(timeout, !std::io::stdin().is_terminal());
            let opts = repl::Options { keep_going, timeout, max_rows };
            let ok = repl::run(st, &opts, &mut out)?;
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
    }
}

/// A readable listing of one article's extraction.
pub fn describe_extraction(a: &Article, ex: &Extraction, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "== {} ({})", a.id, a.headline)?;
    for (i, e) in ex.entities.iter().enumerate() {
        let n = ex.mentions.iter().filter(|m| m.entity == i).count();
        if n == 0 {
            continue;
        }
        let kind = format!("{:?}", e.kind).to_lowercase();
        let surfaces: Vec<&str> = e.surfaces.iter().map(String::as_str).collect();
        let titles: Vec<&str> = e.titles.iter().map(String::as_str).collect();
        writeln!(
            w,
            "{kind:13} {} ×{n} [{}]{}",
            e.name,
            surfaces.join(" | "),
            if titles.is_empty() { String::new() } else { format!(" titles: {}", titles.join("; ")) }
        )?;
    }
    for q in &ex.quotes {
        let who = q.speaker.map_or("(no speaker)", |s| ex.entities[s].name.as_str());
        writeln!(w, "quote         {who}: “{}”", q.span.slice(&a.text))?;
    }
    for st in &ex.statements {
        let who = st.speaker.map_or("(no speaker)", |s| ex.entities[s].name.as_str());
        writeln!(w, "reported      {who}: {}", st.span.slice(&a.text))?;
    }
    for warning in &ex.warnings {
        writeln!(w, "warning       {warning}")?;
    }
    Ok(())
}

pub fn rdf_format(f: ExportFormat) -> RdfFormat {
    match f {
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Jsonld => RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
        ExportFormat::Rdfxml => RdfFormat::RdfXml,
        ExportFormat::Dot | ExportFormat::Graphml => unreachable!("graph formats are not RDF"),
    }
}

/// What to export besides the format.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Only this named graph (RDF formats).
    pub graph: Option<String>,
    /// Network formats: the fewest sentences naming two entities together for a link.
    pub min_weight: u32,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { graph: None, min_weight: 2 }
    }
}

/// Writes the store to `path` (atomically: a temporary file beside it, then a
/// rename) or to `out`. Errors name `path`, the file the user asked for.
pub fn export(
    st: &GraphStore,
    format: ExportFormat,
    path: Option<&Path>,
    opts: &ExportOptions,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(p) = path else {
        return write_export(st, format, opts, out);
    };
    let cannot = |e: &dyn std::fmt::Display| anyhow::anyhow!("cannot write {}: {e}", p.display());
    if p.is_dir() {
        return Err(cannot(&"it is a folder"));
    }
    let mut tmp_name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    tmp_name.push(".partial");
    let tmp = p.with_file_name(tmp_name);
    let file = std::fs::File::create(&tmp).map_err(|e| cannot(&e))?;
    let mut w = std::io::BufWriter::new(file);
    let written = write_export(st, format, opts, &mut w).and_then(|()| w.flush().map_err(|e| cannot(&e)));
    drop(w);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, p).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        cannot(&e)
    })
}

fn write_export(st: &GraphStore, format: ExportFormat, opts: &ExportOptions, out: &mut dyn Write) -> Result<()> {
    if matches!(format, ExportFormat::Dot | ExportFormat::Graphml) {
        let g = graph::network(st, opts.min_weight)?;
        match format {
            ExportFormat::Dot => graph::write_dot(&g, out)?,
            _ => graph::write_graphml(&g, out)?,
        }
        return Ok(());
    }
    let format = rdf_format(format);
    match &opts.graph {
        Some(g) => {
            let iri = oxigraph::model::NamedNode::new(g.trim_start_matches('<').trim_end_matches('>'))
                .map_err(|e| anyhow::anyhow!("--graph {g}: not an IRI ({e})"))?;
            if !st.has_graph(&iri)? {
                anyhow::bail!("no graph {g} in the store (`.graphs` in the shell lists them)");
            }
            st.dump_graph(&iri, format, out).map_err(export_error)?
        }
        None => st.dump(format, out).map_err(export_error)?,
    }
    Ok(())
}

/// Keeps an I/O error (a closed pipe) recognisable through anyhow.
fn export_error(e: Box<dyn std::error::Error + Send + Sync>) -> anyhow::Error {
    match e.downcast::<std::io::Error>() {
        Ok(io) => anyhow::Error::from(*io),
        Err(other) => anyhow::anyhow!(other),
    }
}

/// Removes the articles with these identifiers; returns (removed, not found).
pub fn remove_ids(st: &GraphStore, ids: &[String], err: &mut dyn Write) -> Result<(usize, usize)> {
    let mut iris = Vec::new();
    let mut missing = 0;
    let all: Vec<String> = ids.iter().map(|id| rdf::article_iri(id).into_string()).collect();
    st.index_mut().fetch(&all)?;
    for id in ids {
        let iri = rdf::article_iri(id);
        if st.index().articles.contains_key(iri.as_str()) {
            if !iris.contains(&iri) {
                iris.push(iri);
            }
        } else {
            writeln!(err, "newsgraph: no article with id {id} in the store")?;
            missing += 1;
        }
    }
    if !iris.is_empty() {
        update::apply(st, Vec::new(), &iris, err)?;
        st.save()?;
    }
    Ok((iris.len(), missing))
}

/// Brings a store written by an older newsgraph (no internal index; digests,
/// signatures and near-duplicate links inside the article graphs) to the
/// current layout: its articles are extracted again from their stored text and
/// the entities graph is rebuilt. Returns how many articles were migrated.
pub fn migrate(st: &GraphStore, err: &mut dyn Write) -> Result<usize> {
    let repair = st.needs_repair();
    if st.backend() != store::Backend::Memory && !repair {
        // RocksDB stores and servers are all written with an internal index.
        return Ok(0);
    }
    let old = st.unindexed_articles()?;
    if old.is_empty() && !repair {
        return Ok(0);
    }
    if repair {
        writeln!(
            err,
            "newsgraph: the last write to {} was interrupted: rebuilding its entities, claims and near duplicates ...",
            st.dir().display()
        )?;
    }
    if !old.is_empty() {
        let why =
            if repair { "whose record the interrupted write did not save" } else { "stored by an older newsgraph" };
        writeln!(err, "newsgraph: indexing {} articles {why} ...", old.len())?;
    }
    let mut upserts = Vec::new();
    for iri in &old {
        match st.article(iri)? {
            Some(article) => {
                let extraction = extract::extract(&article);
                let signature = resolve::similar::signature(&article.text);
                upserts.push(update::Upsert::new(article, extraction, signature));
            }
            None => writeln!(err, "newsgraph: {iri}: no stored text, left as it is")?,
        }
    }
    let n = upserts.len();
    if repair {
        update::rebuild(st, upserts, err)?;
        st.save()?;
        return Ok(n);
    }
    // Entity descriptions are rebuilt from scratch: the old ones may name entities no record links.
    st.remove_graph(&rdf::entities_graph())?;
    {
        // Articles indexed already are written again too, so that every entity is described anew.
        let mut idx = st.index_mut();
        let keys: Vec<String> = idx.articles.keys().cloned().collect();
        for k in keys {
            if let Some(e) = idx.entry_mut(&k) {
                e.links.clear();
            }
        }
    }
    update::apply_all(st, upserts, err)?;
    st.save()?;
    Ok(n)
}

/// What an ingest did.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub articles: usize,
    /// Articles already stored with the same headline and text: nothing to do.
    pub unchanged: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub entities: usize,
    pub quotes: usize,
    /// Articles in the store after the run.
    pub stored: usize,
    /// The entities the articles of this run name.
    pub named: std::collections::HashSet<String>,
    pub seconds: f64,
    /// Stopped by Ctrl-C: the batches stored before are kept.
    pub interrupted: bool,
}

impl IngestReport {
    pub fn print(&self, w: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            w,
            "ingested {} articles ({} duplicates skipped, {} failed): {} entities, {} quotes; store holds {} articles; {:.2} s",
            self.articles, self.duplicates, self.failed, self.entities, self.quotes, self.stored, self.seconds
        )?;
        if self.unchanged > 0 {
            writeln!(w, "{} of them were stored already, unchanged", self.unchanged)?;
        }
        if self.interrupted {
            writeln!(w, "interrupted: the articles above are stored; the same ingest again goes on from there")?;
        }
        Ok(())
    }
}

/// Set by Ctrl-C during an ingest: stop after the batch being stored.
pub static STOP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Ctrl-C stops an ingest at the next batch boundary (what was stored stays); a second
/// Ctrl-C ends the process at once (the store then keeps its last saved state).
fn stop_on_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, std::sync::atomic::Ordering::SeqCst) {
            eprintln!("\nnewsgraph: stopped");
            std::process::exit(130);
        }
        eprintln!("\nnewsgraph: stopping after the batch being stored (Ctrl-C again to stop now) ...");
    });
}

/// Articles per batch: each batch is extracted on all cores, stored and saved before the
/// next is read, so memory stays bounded whatever the input size ($NEWSGRAPH_BATCH). The
/// in-memory store holds everything anyway and saves a large batch best: larger batches.
/// On RocksDB too: a batch resolves the component of what it adds, which on news spans
/// most of the corpus (common surnames and places join nearly everything), so small batches
/// resolve the corpus again and again and rewrite the graphs whose links moved; a large
/// batch resolves once and holds only its texts and entity records (`KEEP_EXTRACTIONS`).
fn batch_size(st: &GraphStore) -> usize {
    let default = match st.backend() {
        store::Backend::Memory => 20_000,
        store::Backend::RocksDb => 20_000,
        // Each batch reads the speakers and claims it touches from the server, then saves.
        store::Backend::Remote => 2_000,
    };
    std::env::var("NEWSGRAPH_BATCH").ok().and_then(|v| v.parse().ok()).filter(|&n| n > 0).unwrap_or(default)
}

/// Reads, extracts, resolves and stores articles; problems go to `err`, one line each.
///
/// An article's IRI comes from its id (a file name, or a JSONL record's id): two inputs
/// of one run that give the same IRI are an error naming both, and the first is kept.
/// An id already in the store is replaced (re-ingest). Inputs are streamed in batches
/// (`batch_size`); each batch is stored and saved whole, so an interrupted run keeps
/// the batches before. On a terminal, a progress bar shows articles/s and the time left.
pub fn ingest_paths(st: &GraphStore, paths: &[PathBuf], err: &mut dyn Write) -> Result<IngestReport> {
    use std::io::IsTerminal;
    use std::sync::atomic::Ordering;
    let started = Instant::now();
    let mut report = IngestReport::default();
    let (files, errors) = ingest::list_inputs(paths);
    for e in &errors {
        writeln!(err, "newsgraph: {e}")?;
        report.failed += 1;
    }
    let bar = if std::io::stderr().is_terminal() {
        let total: Option<u64> = files.iter().map(|f| ingest::count_articles(f)).sum();
        let bar = match total {
            Some(n) => indicatif::ProgressBar::new(n).with_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} articles  {per_sec}  {elapsed_precise} elapsed, {eta} left  {msg}",
                )
                .expect("valid template"),
            ),
            None => indicatif::ProgressBar::new_spinner().with_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} articles  {per_sec}  {elapsed_precise}  {msg}",
                )
                .expect("valid template"),
            ),
        };
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Some(bar)
    } else {
        None
    };
    // Lines for `err` go above the bar.
    let mut say = |line: String| -> std::io::Result<()> {
        match &bar {
            Some(b) => {
                b.suspend(|| writeln!(err, "{line}"))?;
                Ok(())
            }
            None => writeln!(err, "{line}"),
        }
    };
    let limit = batch_size(st);
    let mut sources: HashMap<String, String> = HashMap::new();
    // Content digests of this run: the same content under two names is stored once.
    let mut run_digests: HashMap<String, String> = HashMap::new();
    let mut batch: Vec<Article> = Vec::new();
    let mut inputs = files.iter().flat_map(|f| {
        let jsonl = ingest::is_record_input(f);
        ingest::stream_articles(f).map(move |r| (f, jsonl, r))
    });
    loop {
        let next = if STOP.load(Ordering::SeqCst) { None } else { inputs.next() };
        let end = next.is_none();
        if let Some((f, jsonl, r)) = next {
            match r {
                Ok(a) => {
                    let source = if jsonl {
                        format!(
                            "record \"{}\" of {}",
                            a.id,
                            if f.as_os_str() == "-" { "standard input".into() } else { f.display().to_string() }
                        )
                    } else {
                        f.display().to_string()
                    };
                    let iri = rdf::article_iri(&a.id).as_str().to_string();
                    if let Some(first) = sources.get(&iri) {
                        say(format!("newsgraph: skipped {source}: same article id as {first} (the first is kept)"))?;
                        report.failed += 1;
                    } else {
                        sources.insert(iri, source);
                        batch.push(a);
                    }
                }
                Err(e) => {
                    say(format!("newsgraph: skipped {e}"))?;
                    report.failed += 1;
                }
            }
        }
        // Stopped by Ctrl-C: a batch read only in part is left for the next run.
        if batch.len() >= limit || (end && !batch.is_empty() && !STOP.load(Ordering::SeqCst)) {
            let n = batch.len() as u64;
            let show = |m: String| {
                if let Some(b) = &bar {
                    b.set_message(m);
                }
            };
            store_batch(st, std::mem::take(&mut batch), &mut run_digests, &mut report, &mut say, &show)?;
            show(String::new());
            if let Some(b) = &bar {
                b.inc(n);
            }
        }
        if end {
            break;
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    report.interrupted = STOP.load(Ordering::SeqCst);
    report.entities = report.named.len();
    report.stored = st.index().len();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// A batch of more articles than this keeps their entity records, not their extractions,
/// until their graphs are made (`update::Upsert::lean`).
const KEEP_EXTRACTIONS: usize = 4096;

/// Articles extracted at once on all cores.
const EXTRACT_CHUNK: usize = 2048;

/// One batch of an ingest: skips what is stored already or repeats content, extracts the
/// rest on all cores, stores it and saves.
fn store_batch(
    st: &GraphStore,
    articles: Vec<Article>,
    run_digests: &mut HashMap<String, String>,
    report: &mut IngestReport,
    say: &mut dyn FnMut(String) -> std::io::Result<()>,
    show: &dyn Fn(String),
) -> Result<()> {
    let mut kept: Vec<Article> = Vec::new();
    {
        // RocksDB: the records of these articles and of the articles with their digests
        // (a large batch reads every record at once).
        update::prepare(st, articles.len())?;
        let digests: Vec<String> = articles.iter().map(|a| rdf::digest(&a.text)).collect();
        let iris: Vec<String> = articles.iter().map(|a| rdf::article_iri(&a.id).into_string()).collect();
        let mut idx = st.index_mut();
        idx.fetch_digests(digests.iter().map(String::as_str))?;
        idx.fetch(&iris)?;
        drop(idx);
        let idx = st.index();
        for a in articles {
            let d = rdf::digest(&a.text);
            let iri = rdf::article_iri(&a.id);
            let stored = idx
                .by_digest(&d)
                .filter(|other| *other != iri.as_str())
                .and_then(|other| idx.articles.get(other))
                .map(|e| e.id.clone());
            let same = idx.articles.get(iri.as_str()).is_some_and(|e| e.digest == d)
                && st.article(&iri)?.is_some_and(|old| old.headline == a.headline && old.text == a.text);
            if same {
                report.unchanged += 1;
                report.articles += 1;
                continue;
            }
            match stored.or_else(|| run_digests.get(&d).cloned()) {
                Some(other) => {
                    say(format!("newsgraph: {} has the same content as {}; stored once", a.id, other))?;
                    report.duplicates += 1;
                }
                None => {
                    run_digests.insert(d, a.id.clone());
                    kept.push(a);
                }
            }
        }
    }
    // Extraction is pure and per article: spread it over the cores, a chunk at a time. A
    // large batch keeps only each article's entity records: its graphs extract the text
    // again when they are made, rather than hold every extraction in memory at once.
    // An internal error on one article (a bug, not bad input) skips that article, not the batch.
    let total = kept.len();
    let lean = total > KEEP_EXTRACTIONS;
    let mut upserts = Vec::with_capacity(kept.len());
    let mut rest = kept.into_iter().peekable();
    while rest.peek().is_some() {
        if lean {
            show(format!("extracted {} of {}", upserts.len(), total));
        }
        let chunk: Vec<Article> = rest.by_ref().take(EXTRACT_CHUNK).collect();
        let results: Vec<std::thread::Result<(Extraction, Vec<u32>)>> = {
            use rayon::prelude::*;
            chunk
                .par_iter()
                .map(|a| {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        (extract::extract(a), resolve::similar::signature(&a.text))
                    }))
                })
                .collect()
        };
        for (a, r) in chunk.into_iter().zip(results) {
            match r {
                Ok((extraction, signature)) => {
                    report.quotes += extraction.quotes.len();
                    let u = update::Upsert::new(a, extraction, signature);
                    upserts.push(if lean { u.lean() } else { u });
                }
                Err(_) => {
                    say(format!("newsgraph: skipped {}: internal error during extraction (please report it)", a.id))?;
                    report.failed += 1;
                }
            }
        }
    }
    report.articles += upserts.len();
    if !upserts.is_empty() {
        let mut buf = Vec::new();
        let outcome = update::apply_showing(st, upserts, &mut buf, show)?;
        report.named.extend(outcome.named);
        for line in String::from_utf8_lossy(&buf).lines() {
            say(line.to_string())?;
        }
        show("saving".into());
        st.save()?;
    }
    Ok(())
}
