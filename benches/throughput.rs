//! Extraction throughput on a generated corpus.
//!
//! The corpus is made deterministically from the example articles: their
//! paragraphs are recombined (a fixed-seed shuffle) into synthetic articles
//! until the corpus reaches the requested size (NEWSGRAPH_BENCH_MB, default
//! 8 MB). Reports MB/s on one core and on all cores, and the resolution and
//! RDF-building time for the whole corpus.
//!
//! Run: `cargo bench --bench throughput`; `NEWSGRAPH_BENCH_EXTRACT_ONLY=1`
//! stops after the one-core extraction (for profiling it alone).

use std::path::Path;
use std::time::Instant;

use newsgraph::model::{Article, Extraction};
use newsgraph::rng::XorShift;
use rayon::prelude::*;

fn corpus(target_bytes: usize) -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        let a = newsgraph::ingest::read_article(&f).unwrap();
        paragraphs.extend(a.text.split("\n\n").map(String::from));
    }
    let mut rng = XorShift::new(0x9E3779B97F4A7C15);
    let mut out = Vec::new();
    let mut total = 0;
    while total < target_bytes {
        let n = 8 + (rng.next_u64() % 24) as usize;
        let body: Vec<&str> =
            (0..n).map(|_| paragraphs[(rng.next_u64() % paragraphs.len() as u64) as usize].as_str()).collect();
        let text = body.join("\n\n");
        total += text.len();
        out.push(Article { id: format!("gen-{}.txt", out.len()), headline: body[0].to_string(), text });
    }
    out
}

fn main() {
    let mb: f64 = std::env::var("NEWSGRAPH_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(8.0);
    let articles = corpus((mb * 1e6) as usize);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mbytes = bytes as f64 / 1e6;
    println!("corpus: {} articles, {:.2} MB", articles.len(), mbytes);

    // Steady state: the lexicons, the gazetteer and the tagger's weights load once per process
    // (about 20 ms), before the clock starts.
    if let Some(first) = articles.first() {
        newsgraph::extract::extract(first);
    }
    let t = Instant::now();
    let one: Vec<Extraction> = articles.iter().map(newsgraph::extract::extract).collect();
    let s = t.elapsed().as_secs_f64();
    println!("extract, 1 core:      {:8.3} s  {:8.2} MB/s", s, mbytes / s);
    if std::env::var_os("NEWSGRAPH_BENCH_EXTRACT_ONLY").is_some() {
        return;
    }

    let t = Instant::now();
    let all: Vec<Extraction> = articles.par_iter().map(newsgraph::extract::extract).collect();
    let s = t.elapsed().as_secs_f64();
    println!("extract, {} cores:     {:8.3} s  {:8.2} MB/s", rayon::current_num_threads(), s, mbytes / s);
    assert_eq!(one, all);

    let t = Instant::now();
    let refs: Vec<&Extraction> = all.iter().collect();
    let res = newsgraph::resolve::resolve(Vec::new(), &refs);
    let s_res = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let quads: usize = articles
        .iter()
        .zip(&all)
        .enumerate()
        .map(|(i, (a, ex))| {
            newsgraph::resolve::similar::signature(&a.text);
            newsgraph::rdf::article_quads(a, ex, &res.links[i], &res.entities).len()
        })
        .sum();
    let s_rdf = t.elapsed().as_secs_f64();
    println!("resolve:              {:8.3} s  ({} entities)", s_res, res.entities.len());
    println!("build quads:          {:8.3} s  ({} quads)", s_rdf, quads);

    // End to end: files on disk -> store folder, as `newsgraph ingest` does it.
    let dir = std::env::temp_dir().join(format!("newsgraph-bench-{}", std::process::id()));
    let input = dir.join("articles");
    std::fs::create_dir_all(&input).unwrap();
    for a in &articles {
        std::fs::write(input.join(&a.id), format!("{}\n\n{}\n", a.headline, a.text)).unwrap();
    }
    let store = newsgraph::store::GraphStore::open(&dir.join("store"), newsgraph::store::Access::Write).unwrap();
    let t = Instant::now();
    let report = newsgraph::ingest_paths(&store, &[input], &mut std::io::sink()).unwrap();
    let s = t.elapsed().as_secs_f64();
    println!(
        "ingest end to end:    {:8.3} s  {:8.2} MB/s  ({} articles, {} triples)",
        s,
        mbytes / s,
        report.articles,
        store.len().unwrap()
    );
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
