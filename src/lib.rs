//! newsgraph: news articles -> knowledge graph (people, organisations, places,
//! attributed quotations), every fact anchored to the characters it came from.
//!
//! `run` wires one pipeline per subcommand; the stages live in their modules
//! (see ARCHITECTURE.md).

pub mod cli;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod print;
pub mod rdf;
pub mod repl;
pub mod resolve;
pub mod store;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;

use cli::{Args, Command, ExportFormat};
use model::{Article, Extraction};
use store::{Access, GraphStore};

/// The store folder: --store, else $NEWSGRAPH_STORE (clap reads both), else ./newsgraph-data.
fn store_dir(arg: &cli::StoreArg) -> PathBuf {
    arg.store.clone().unwrap_or_else(|| PathBuf::from("newsgraph-data"))
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
    match args.command.unwrap_or(Command::Repl { store: cli::StoreArg { store: None } }) {
        Command::Ingest { store, paths } => {
            let st = GraphStore::open(&store_dir(&store), Access::Write)?;
            let report = ingest_paths(&st, &paths, &mut std::io::stderr())?;
            report.print(&mut out)?;
            Ok(if report.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Query { store, sparql, file, format } => {
            let text = match (sparql, file) {
                (Some(q), _) => q,
                (None, Some(f)) => {
                    std::fs::read_to_string(&f).with_context(|| format!("cannot read query file {}", f.display()))?
                }
                (None, None) => unreachable!("clap requires one of them"),
            };
            let st = GraphStore::open(&store_dir(&store), Access::Read)?;
            let results = st.query(&text)?;
            print::print_results(results, format, &mut out).map_err(|e| anyhow::anyhow!(e))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { store, format, output } => {
            let st = GraphStore::open(&store_dir(&store), Access::Read)?;
            export(&st, format, output.as_deref(), &mut out)?;
            Ok(ExitCode::SUCCESS)
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
        Command::Repl { store } => {
            let dir = store_dir(&store);
            let st = repl::open_for_repl(&dir, &mut std::io::stderr())?;
            repl::run(&st, &mut out)?;
            Ok(ExitCode::SUCCESS)
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
        ExportFormat::Dot | ExportFormat::Graphml => unreachable!("graph formats are not RDF"),
    }
}

/// Writes the store to `path` (atomically) or to `out`.
pub fn export(st: &GraphStore, format: ExportFormat, path: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    if matches!(format, ExportFormat::Dot | ExportFormat::Graphml) {
        let (entities, articles) = st.entity_table()?;
        let g = graph::co_mentions(&entities, &articles);
        let mut buf = Vec::new();
        match format {
            ExportFormat::Dot => graph::write_dot(&g, &mut buf)?,
            _ => graph::write_graphml(&g, &mut buf)?,
        }
        match path {
            Some(p) => std::fs::write(p, buf).with_context(|| format!("cannot write {}", p.display()))?,
            None => out.write_all(&buf)?,
        }
        return Ok(());
    }
    let format = rdf_format(format);
    match path {
        Some(p) => {
            let tmp = p.with_extension("partial");
            let mut w = std::io::BufWriter::new(
                std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?,
            );
            st.dump(format, &mut w).map_err(|e| anyhow::anyhow!("cannot export to {}: {e}", p.display()))?;
            w.flush()?;
            drop(w);
            std::fs::rename(&tmp, p).with_context(|| format!("cannot write {}", p.display()))?;
        }
        None => st.dump(format, out).map_err(|e| anyhow::anyhow!(e))?,
    }
    Ok(())
}

/// What an ingest did.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub articles: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub entities: usize,
    pub quotes: usize,
    pub triples: usize,
    pub seconds: f64,
}

impl IngestReport {
    pub fn print(&self, w: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            w,
            "ingested {} articles ({} duplicates skipped, {} failed): {} entities, {} quotes; store holds {} triples; {:.2} s",
            self.articles, self.duplicates, self.failed, self.entities, self.quotes, self.triples, self.seconds
        )
    }
}

/// Reads, extracts, resolves and stores articles; problems go to `err`, one line each.
pub fn ingest_paths(st: &GraphStore, paths: &[PathBuf], err: &mut dyn Write) -> Result<IngestReport> {
    let started = Instant::now();
    let mut report = IngestReport::default();
    let (files, errors) = ingest::list_inputs(paths);
    for e in &errors {
        writeln!(err, "newsgraph: {e}")?;
        report.failed += 1;
    }
    let mut articles: Vec<Article> = Vec::new();
    for f in &files {
        for r in ingest::read_articles(f) {
            match r {
                Ok(a) => articles.push(a),
                Err(e) => {
                    writeln!(err, "newsgraph: skipped {e}")?;
                    report.failed += 1;
                }
            }
        }
    }
    // The same content under two names is stored once.
    let mut digests: HashMap<String, String> = st.digests()?;
    let mut kept: Vec<Article> = Vec::new();
    for a in articles {
        let d = rdf::digest(&a.text);
        match digests.get(&d) {
            Some(other) if *other != a.id => {
                writeln!(err, "newsgraph: {} has the same content as {}; stored once", a.id, other)?;
                report.duplicates += 1;
            }
            _ => {
                digests.insert(d, a.id.clone());
                kept.push(a);
            }
        }
    }
    // Extraction is pure and per article: spread it over the cores.
    // An internal error on one article (a bug, not bad input) skips that article, not the batch.
    let results: Vec<std::thread::Result<(Extraction, Vec<u32>)>> = {
        use rayon::prelude::*;
        kept.par_iter()
            .map(|a| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    (extract::extract(a), resolve::similar::signature(&a.text))
                }))
            })
            .collect()
    };
    let mut extractions = Vec::new();
    let mut signatures = Vec::new();
    let mut extracted = Vec::new();
    for (a, r) in kept.into_iter().zip(results) {
        match r {
            Ok((ex, sig)) => {
                extractions.push(ex);
                signatures.push(sig);
                extracted.push(a);
            }
            Err(_) => {
                writeln!(err, "newsgraph: skipped {}: internal error during extraction (please report it)", a.id)?;
                report.failed += 1;
            }
        }
    }
    let kept = extracted;
    let existing = st.entities()?;
    let refs: Vec<&Extraction> = extractions.iter().collect();
    let res = resolve::resolve(existing, &refs);
    for (i, (a, ex)) in kept.iter().zip(&extractions).enumerate() {
        let quads = rdf::article_quads(a, ex, &res.links[i], &res.entities, &signatures[i]);
        st.replace_graph(&rdf::article_iri(&a.id), &quads)?;
        report.quotes += ex.quotes.len();
    }
    let touched: Vec<&resolve::GlobalEntity> = res.touched.iter().map(|&g| &res.entities[g]).collect();
    st.replace_entities(&touched, &res.entities)?;
    // Near duplicates: stored articles sharing signature bands, confirmed by the signature.
    // A story syndicated to hundreds of outlets links each copy to its closest few only.
    for (a, sig) in kept.iter().zip(&signatures) {
        let iri = rdf::article_iri(&a.id);
        let mut close: Vec<(f64, NamedNode)> = Vec::new();
        for (other, other_sig) in
            st.similar_candidates(&resolve::similar::bands(sig), 4 * resolve::similar::MAX_LINKS)?
        {
            let Some(other_sig) = resolve::similar::from_hex(&other_sig) else { continue };
            let sim = resolve::similar::estimate(sig, &other_sig);
            if other != iri && sim >= resolve::similar::NEAR_DUPLICATE {
                close.push((sim, other));
            }
        }
        close.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
        for (sim, other) in close.into_iter().take(resolve::similar::MAX_LINKS) {
            st.insert(&rdf::near_duplicate_quads(&iri, &other, sim))?;
        }
    }
    // Claims: the same statement by one speaker in several articles.
    let speakers: std::collections::BTreeSet<usize> = extractions
        .iter()
        .enumerate()
        .flat_map(|(i, ex)| ex.quotes.iter().filter_map(move |q| q.speaker.map(|s| (i, s))))
        .map(|(i, s)| res.links[i][s])
        .collect();
    for g in speakers {
        let speaker = rdf::entity_iri(&res.entities[g].id);
        let quotes = st.quotations_by(&speaker)?;
        let groups = resolve::claims::group(&quotes);
        st.replace_claims(&speaker, &rdf::claim_quads(&speaker, &quotes, &groups))?;
    }
    if !kept.is_empty() {
        st.save()?;
    }
    report.articles = kept.len();
    report.entities = touched.len();
    report.triples = st.len()?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
