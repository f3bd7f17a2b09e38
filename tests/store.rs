//! The store under change: the graph is a function of the set of articles.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::*;

fn article(i: usize) -> PathBuf {
    examples().join("articles").join(NAMES[i])
}

fn ingest(store: &Path, paths: &[PathBuf]) {
    let mut args = vec!["ingest".to_string(), "--store".into(), store.display().to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(&args);
    assert!(o.status.success(), "ingest failed");
}

/// The store's N-Quads export, lines sorted.
pub fn sorted_export(store: &Path) -> Vec<String> {
    let o = run(&["export", "--store", store.to_str().unwrap(), "--format", "nquads"]);
    assert!(o.status.success());
    let mut v: Vec<String> = stdout(&o).lines().map(String::from).collect();
    v.sort();
    v
}

/// Lines in one export and not the other, for a readable failure.
fn diff(a: &[String], b: &[String]) -> String {
    let sa: std::collections::BTreeSet<&String> = a.iter().collect();
    let sb: std::collections::BTreeSet<&String> = b.iter().collect();
    let only_a: Vec<_> = sa.difference(&sb).take(10).collect();
    let only_b: Vec<_> = sb.difference(&sa).take(10).collect();
    format!("{} vs {} lines\nonly in the first: {only_a:#?}\nonly in the second: {only_b:#?}", a.len(), b.len())
}

/// Article 001 rewritten: its opening replaced by invented paragraphs with a new speaker,
/// most of its quotations and its likeness to 004 gone.
fn changed_001(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(article(1)).unwrap();
    let tail: Vec<&str> = text.lines().skip(100).collect();
    let new = format!(
        "Harbour Talks Resume as Storm Season Ends\n\n\
         Talks over the fishing harbour in Porthaven resumed on Monday, officials said.\n\n\
         “We expect an agreement before the winter,” said Marta Kowalczyk, the harbour commissioner.\n\n\
         Ms. Kowalczyk said the fleet had lost three weeks of work to the storms.\n\n{}\n",
        tail.join("\n")
    );
    let p = dir.join(NAMES[1]);
    fs::write(&p, new).unwrap();
    p
}

#[test]
fn reingesting_a_changed_article_equals_a_fresh_ingest_of_the_final_files() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (article(0), article(1), article(4));
    let store = dir.path().join("store");
    ingest(&store, &[a.clone(), b, c.clone()]);
    let b2 = changed_001(dir.path());
    // The corrected file arrives with the unchanged ones: only it is processed.
    let o = run(&[
        "ingest",
        "--store",
        store.to_str().unwrap(),
        a.to_str().unwrap(),
        b2.to_str().unwrap(),
        c.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("ingested 3 articles") && stdout(&o).contains("2 of them were stored already"),
        "{}",
        stdout(&o)
    );
    let fresh = dir.path().join("fresh");
    ingest(&fresh, &[a, b2, c]);
    let (x, y) = (sorted_export(&store), sorted_export(&fresh));
    assert!(x == y, "{}", diff(&x, &y));
    // What the old text said is gone: its near-duplicate link to 004 and claims resting on its quotations.
    assert!(!x.iter().any(|l| l.contains("nearDuplicateOf")), "the rewrite is no longer a copy of 004");
    let o = run(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "ASK { ?c schema:appearance ?q FILTER NOT EXISTS { ?q a schema:Quotation } }",
    ]);
    assert_eq!(stdout(&o).trim(), "false", "every appearance is a stored quotation");
}

#[test]
fn arrival_order_and_batch_sizes_do_not_change_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    ingest(&batch, &[examples().join("articles")]);
    let expected = sorted_export(&batch);
    // One file at a time in two shuffled orders, and uneven batches.
    let orders: [&[&[usize]]; 3] =
        [&[&[4], &[2], &[0], &[3], &[1]], &[&[1], &[3], &[4], &[0], &[2]], &[&[3, 1], &[0, 4, 2]]];
    for (n, order) in orders.iter().enumerate() {
        let store = dir.path().join(format!("s{n}"));
        for step in order.iter() {
            ingest(&store, &step.iter().map(|&i| article(i)).collect::<Vec<_>>());
        }
        let got = sorted_export(&store);
        assert!(got == expected, "order {order:?}: {}", diff(&got, &expected));
    }
    let o =
        run(&["query", "--store", batch.to_str().unwrap(), "ASK { ngr:person\\/joe-biden schema:name \"Joe Biden\" }"]);
    assert_eq!(stdout(&o).trim(), "true");
}

#[test]
fn id_collisions_are_errors_that_name_both_sources() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(
        input.join("feed.jsonl"),
        "{\"id\": \"storm\", \"text\": \"Storm closes the coast road. The road to Kelby was shut on Sunday, police said.\"}\n\
         {\"id\": \"ferry\", \"text\": \"Ferries sail again. The ferry to Inchmore sailed on Monday.\"}\n\
         {\"id\": \"ferry\", \"text\": \"Bridge repairs begin. Work on the Tolvan bridge began on Tuesday.\"}\n",
    )
    .unwrap();
    fs::write(input.join("storm.txt"), "Storm warning\n\nA storm warning was issued for the islands on Friday.\n")
        .unwrap();
    let store = dir.path().join("store");
    let o = run(&["ingest", "--store", store.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a collision is a failure");
    let err = stderr(&o);
    assert!(err.contains("record \"ferry\"") && err.matches("feed.jsonl").count() >= 2, "{err}");
    assert!(err.contains("storm.txt") && err.contains("record \"storm\""), "{err}");
    assert!(stdout(&o).contains("ingested 2 articles (0 duplicates skipped, 2 failed)"), "{}", stdout(&o));
    let o = run(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "SELECT ?id ?h WHERE { ?a dct:identifier ?id ; schema:headline ?h } ORDER BY ?id",
        "--format",
        "csv",
    ]);
    let rows: Vec<String> = stdout(&o).lines().skip(1).map(String::from).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].starts_with("ferry,") && rows[0].contains("Ferries sail again"),
        "the first record is kept: {rows:?}"
    );
    assert!(rows[1].starts_with("storm,"), "{rows:?}");
}

#[test]
fn internal_index_data_stays_out_of_queries_and_exports() {
    let (dir, store) = seeded_store();
    let export = sorted_export(Path::new(&store));
    for term in ["lshBand", "minhash", "contentDigest", "indexRecord", "graph/internal"] {
        assert!(!export.iter().any(|l| l.contains(term)), "{term} in the export");
    }
    assert_eq!(count_statements_of(&export), export.len());
    let o = run(&["query", "--store", &store, "ASK { GRAPH ?g { ?a ng:indexRecord ?r } }"]);
    assert_eq!(stdout(&o).trim(), "false");
    // The index survives a reopen: a re-ingest of the same files changes nothing.
    ingest(Path::new(&store), &[examples().join("articles")]);
    assert_eq!(sorted_export(Path::new(&store)), export);
    drop(dir);
}

fn count_statements_of(lines: &[String]) -> usize {
    lines.iter().filter(|l| l.ends_with(" .")).count()
}

#[test]
fn removing_an_article_equals_never_having_ingested_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // 001 and 004 are near duplicates and share claims; 000 shares speakers with both.
    ingest(&store, &[article(0), article(1), article(4)]);
    let o = run(&["remove", "--store", store.to_str().unwrap(), "004_bcffe02d0092fff4.txt", "001_8727e98081cf8dbe"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("removed 2 articles"), "{}", stdout(&o));
    let fresh = dir.path().join("fresh");
    ingest(&fresh, &[article(0)]);
    let (x, y) = (sorted_export(&store), sorted_export(&fresh));
    assert!(x == y, "{}", diff(&x, &y));

    // One of three: the other two keep their link and claims as a fresh ingest of them has.
    let store = dir.path().join("store2");
    ingest(&store, &[article(0), article(1), article(4)]);
    assert!(run(&["remove", "--store", store.to_str().unwrap(), "000_c79dea70320f1e51.txt"]).status.success());
    let fresh = dir.path().join("fresh2");
    ingest(&fresh, &[article(1), article(4)]);
    let (x, y) = (sorted_export(&store), sorted_export(&fresh));
    assert!(x == y, "{}", diff(&x, &y));
    assert!(x.iter().any(|l| l.contains("nearDuplicateOf")));

    // An unknown id is reported and fails; nothing changes.
    let o = run(&["remove", "--store", store.to_str().unwrap(), "no-such-article"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no article with id no-such-article"), "{}", stderr(&o));
    assert_eq!(sorted_export(&store), y);
}

fn log_len(store: &Path) -> Option<u64> {
    fs::metadata(store.join("graph.log")).ok().map(|m| m.len())
}

#[test]
fn an_ingest_appends_what_changed_and_the_log_stays_smaller_than_the_base() {
    if on_rocksdb() {
        return; // the in-memory backend's files
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut appended = 0;
    for i in [2, 0, 4, 1, 3] {
        let base = fs::read(store.join("graph.nq")).ok();
        let before = log_len(&store).unwrap_or(0);
        ingest(&store, &[article(i)]);
        let after = log_len(&store).unwrap_or(0);
        if after > before {
            appended += 1;
            assert_eq!(fs::read(store.join("graph.nq")).ok(), base, "an appended segment leaves the base file alone");
        }
        let base_len = fs::metadata(store.join("graph.nq")).unwrap().len();
        assert!(after <= base_len, "compacted once the log would outgrow the base ({after} > {base_len})");
    }
    assert!(appended >= 2, "most single-article ingests append a segment");
    let batch = dir.path().join("batch");
    ingest(&batch, &[examples().join("articles")]);
    let (x, y) = (sorted_export(&store), sorted_export(&batch));
    assert!(x == y, "{}", diff(&x, &y));
}

#[test]
fn a_torn_last_segment_is_dropped_with_a_warning_and_earlier_ones_kept() {
    if on_rocksdb() {
        return; // the in-memory backend's files
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let small = small_article(dir.path());
    ingest(&store, &[article(0), article(1), article(2), article(4)]);
    ingest(&store, &[article(3)]);
    let one = log_len(&store).expect("the second ingest appended a segment");
    ingest(&store, std::slice::from_ref(&small));
    let two = log_len(&store).expect("the third ingest appended a segment");
    assert!(two > one);
    // A crash in the middle of the third write: half its segment reached the disk.
    let log = store.join("graph.log");
    let f = fs::OpenOptions::new().write(true).open(&log).unwrap();
    f.set_len(one + (two - one) / 2).unwrap();
    drop(f);
    let o = run(&["export", "--store", store.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("torn last segment"), "{}", stderr(&o));
    let expected = dir.path().join("expected");
    ingest(&expected, &[examples().join("articles")]);
    let (x, y) = (sorted_export(&store), sorted_export(&expected));
    assert!(x == y, "{}", diff(&x, &y));
    // The next writer cuts the torn tail off and goes on.
    ingest(&store, std::slice::from_ref(&small));
    ingest(&expected, std::slice::from_ref(&small));
    let (x, y) = (sorted_export(&store), sorted_export(&expected));
    assert!(x == y, "{}", diff(&x, &y));
    assert!(!stderr(&run(&["export", "--store", store.to_str().unwrap()])).contains("torn"));
}

#[test]
fn a_damaged_segment_before_others_is_an_error_not_a_silent_loss() {
    if on_rocksdb() {
        return; // the in-memory backend's files
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest(&store, &[article(0), article(1), article(2), article(4)]);
    ingest(&store, &[article(3)]);
    ingest(&store, &[small_article(dir.path())]);
    let log = store.join("graph.log");
    let mut bytes = fs::read(&log).unwrap();
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 40;
    bytes[at] ^= 0x20;
    fs::write(&log, bytes).unwrap();
    let o = run(&["query", "--store", store.to_str().unwrap(), "ASK {}"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("damaged log segment"), "{}", stderr(&o));
}

/// A short invented article.
fn small_article(dir: &Path) -> PathBuf {
    let p = dir.join("harbour.txt");
    fs::write(
        &p,
        "Harbour talks resume\n\nTalks over the fishing harbour in Porthaven resumed on Monday. \
         “We expect an agreement before the winter,” said Marta Kowalczyk, the harbour commissioner.\n",
    )
    .unwrap();
    p
}

/// Makes an in-memory store's base (`graph.nq`) as an older newsgraph left it: the lines
/// `keep` accepts, then `added`.
fn rewrite_base(store: &Path, keep: impl Fn(&str) -> bool, added: &str) {
    let base = store.join("graph.nq");
    let mut old: String =
        fs::read_to_string(&base).unwrap().lines().filter(|l| keep(l)).map(|l| format!("{l}\n")).collect();
    old.push_str(added);
    fs::write(&base, old).unwrap();
}

#[test]
fn a_store_from_an_older_newsgraph_is_indexed_on_the_first_write() {
    if on_rocksdb() {
        return; // the in-memory backend's files
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest(&store, &[article(0), article(1), article(4)]);
    // The older layout: no internal records, index data and links inside the article graphs,
    // and an entity description no article supports any more.
    let a0 = "<https://w3id.org/newsgraph/id/article/000_c79dea70320f1e51>";
    let added = format!(
        "{a0} <https://w3id.org/newsgraph/ontology#lshBand> \"3:00ab\" {a0} .\n\
         <https://w3id.org/newsgraph/id/person/nobody> <http://schema.org/name> \"Nobody\" <https://w3id.org/newsgraph/id/graph/entities> .\n"
    );
    rewrite_base(&store, |l| !l.contains("graph/internal"), &added);
    let o = run(&["ingest", "--store", store.to_str().unwrap(), article(2).to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("indexing 3 articles stored by an older newsgraph"), "{}", stderr(&o));
    let fresh = dir.path().join("fresh");
    ingest(&fresh, &[article(0), article(1), article(2), article(4)]);
    let (x, y) = (sorted_export(&store), sorted_export(&fresh));
    assert!(x == y, "{}", diff(&x, &y));
}

/// A small deterministic generator (64-bit LCG), so that failures replay.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn property_random_orders_and_batch_sizes_give_the_batch_graph() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = (0..5).map(article).collect();
    files.push(small_article(dir.path()));
    let batch = dir.path().join("batch");
    ingest(&batch, &files);
    let expected = sorted_export(&batch);
    for seed in [11, 29] {
        let mut rng = Lcg(seed);
        let mut order = files.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let store = dir.path().join(format!("seed{seed}"));
        let mut rest = &order[..];
        let mut steps = Vec::new();
        while !rest.is_empty() {
            let n = 1 + rng.below(rest.len().min(3));
            steps.push(rest[..n].to_vec());
            ingest(&store, &rest[..n]);
            rest = &rest[n..];
        }
        let got = sorted_export(&store);
        assert!(got == expected, "seed {seed}, steps {steps:?}: {}", diff(&got, &expected));
    }
}

/// A JSON Lines corpus of `n` distinct articles: the examples, each copy opened by a line of its own.
fn jsonl_corpus(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        let text = fs::read_to_string(article(i % 5)).unwrap();
        let (title, body) = text.split_once('\n').unwrap();
        let lead = format!("Desk note {i}: filed by correspondent number {} of the evening shift.\n\n", i * 7 + 3);
        let rec = serde_json::json!({"id": format!("copy-{i:03}"), "title": title, "text": format!("{lead}{body}")});
        out.push_str(&format!("{rec}\n"));
    }
    fs::write(path, out).unwrap();
}

/// nif:anchorOf (mention) counts per article graph.
fn mentions_per_article(store: &Path) -> std::collections::BTreeMap<String, String> {
    let q = "SELECT ?id (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle ; dct:identifier ?id ; nif:isString ?t . OPTIONAL { ?m nif:anchorOf ?x } } } GROUP BY ?id";
    let o = run(&["query", "--store", store.to_str().unwrap(), q, "--format", "csv"]);
    assert!(o.status.success(), "the store opens");
    stdout(&o).lines().skip(1).filter_map(|l| l.split_once(',').map(|(a, b)| (a.to_string(), b.to_string()))).collect()
}

#[test]
fn kill_9_during_a_bulk_ingest_leaves_whole_articles_and_the_next_ingest_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    jsonl_corpus(&corpus, 60);
    let fresh = dir.path().join("fresh");
    ingest(&fresh, std::slice::from_ref(&corpus));
    let whole = mentions_per_article(&fresh);
    assert_eq!(whole.len(), 60);

    let store = dir.path().join("store");
    let mut child = bin()
        .args(["ingest", "--store", store.to_str().unwrap(), corpus.to_str().unwrap()])
        .env("NEWSGRAPH_BATCH", "4")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once a few batches are in, while it is writing more.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let saved = store.join("generation").exists() || store.join("graph.log").exists();
        if saved || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(150));
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed before the end (make the corpus larger if this fails)");

    let got = mentions_per_article(&store);
    assert!(!got.is_empty() && got.len() < 60, "some batches were stored, not all: {}", got.len());
    for (id, n) in &got {
        assert_eq!(whole.get(id), Some(n), "article {id} is whole");
    }
    // The same ingest again finishes the job: the same graph as one uninterrupted run.
    ingest(&store, std::slice::from_ref(&corpus));
    let (x, y) = (sorted_export(&store), sorted_export(&fresh));
    assert!(x == y, "{}", diff(&x, &y));
}

#[test]
fn gzip_and_standard_input_are_read_as_json_lines() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    jsonl_corpus(&corpus, 6);
    let gz = dir.path().join("corpus.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(fs::File::create(&gz).unwrap(), flate2::Compression::fast());
    enc.write_all(&fs::read(&corpus).unwrap()).unwrap();
    enc.finish().unwrap();
    let plain = dir.path().join("plain");
    ingest(&plain, std::slice::from_ref(&corpus));
    let zipped = dir.path().join("zipped");
    ingest(&zipped, &[gz]);
    let piped = dir.path().join("piped");
    let o = run_stdin(&["ingest", "--store", piped.to_str().unwrap(), "-"], &fs::read_to_string(&corpus).unwrap());
    assert!(o.status.success());
    assert!(stdout(&o).contains("ingested 6 articles"), "{}", stdout(&o));
    let expected = sorted_export(&plain);
    assert!(sorted_export(&zipped) == expected);
    assert!(sorted_export(&piped) == expected);
}

#[test]
fn a_shell_opened_during_a_bulk_ingest_reads_beside_it_and_follows_it() {
    use std::io::{BufRead, Write};
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    jsonl_corpus(&corpus, 40);
    let store = dir.path().join("store");
    let mut ingest = bin()
        .args(["ingest", "--store", store.to_str().unwrap(), corpus.to_str().unwrap()])
        .env("NEWSGRAPH_BATCH", "4")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    while !(store.join("generation").exists() || store.join("graph.log").exists()) {
        assert!(ingest.try_wait().unwrap().is_none(), "the ingest saved a first batch before it ended");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let mut shell = bin()
        .args(["repl", "--store", store.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = shell.stdin.take().unwrap();
    let mut lines = std::io::BufReader::new(shell.stdout.take().unwrap()).lines().map(|l| l.unwrap());
    let mut articles = move |stdin: &mut std::process::ChildStdin| -> usize {
        writeln!(stdin, ".stats").unwrap();
        let mut n = None;
        for l in lines.by_ref() {
            if let Some(v) = l.strip_prefix("articles: ") {
                n = v.parse().ok();
            }
            if l.starts_with("triples") {
                break;
            }
        }
        n.expect("stats print the article count")
    };
    let during = articles(&mut stdin);
    assert!(during > 0, "the shell opened while the ingest ran");
    assert!(ingest.wait().unwrap().success());
    assert_eq!(articles(&mut stdin), 40, "the shell sees what the ingest stored after it opened");
    drop(stdin);
    assert!(shell.wait().unwrap().success());
}

#[test]
fn ctrl_c_stops_a_bulk_ingest_at_a_batch_boundary_and_keeps_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    jsonl_corpus(&corpus, 60);
    let store = dir.path().join("store");
    let child = bin()
        .args(["ingest", "--store", store.to_str().unwrap(), corpus.to_str().unwrap()])
        .env("NEWSGRAPH_BATCH", "4")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while !(store.join("generation").exists() || store.join("graph.log").exists()) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let sent = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("interrupted"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stopping after the batch"));
    let got = mentions_per_article(&store);
    assert!(!got.is_empty() && got.len() < 60, "stopped early, batches kept: {}", got.len());
    assert_eq!(got.len() % 4, 0, "whole batches only");
    // Nothing to repair: the same ingest goes on and gives the uninterrupted graph.
    ingest(&store, std::slice::from_ref(&corpus));
    let fresh = dir.path().join("fresh");
    ingest(&fresh, std::slice::from_ref(&corpus));
    let (x, y) = (sorted_export(&store), sorted_export(&fresh));
    assert!(x == y, "{}", diff(&x, &y));
}

/// An invented article naming the United States (as `name`) and some other places.
fn us_article(dir: &Path, file: &str, name: &str, town: &str) -> PathBuf {
    let p = dir.join(file);
    fs::write(
        &p,
        format!(
            "Grain shipments resume\n\nGrain shipments from {name} to Porthaven resumed on Monday \
             (report {file}), officials in {town} said. “The harbour is open again,” said Marta Kowalczyk, the harbour \
             commissioner, adding that {name} had sent two ships to Germany and France.\n"
        ),
    )
    .unwrap();
    p
}

/// Asserts that `store` exports what a fresh ingest of `files` exports (sorted).
fn equals_fresh_ingest(dir: &Path, store: &Path, files: &[PathBuf], step: &str) {
    let fresh = dir.join(format!("fresh-{step}"));
    ingest(&fresh, files);
    let (x, y) = (sorted_export(store), sorted_export(&fresh));
    assert!(x == y, "{step}: {}", diff(&x, &y));
}

/// Runs the binary with `args` and returns the records that merged into entity summaries,
/// leaving and arriving (from its timing lines).
fn merges(args: &[&str]) -> (usize, usize) {
    let o = bin().args(args).env("NEWSGRAPH_TIMING", "1").output().unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let line = err.lines().find(|l| l.contains("arriving merge into")).unwrap_or_else(|| panic!("{err}"));
    let n: Vec<usize> = line.split(' ').filter_map(|w| w.parse().ok()).collect();
    (n[0], n[1])
}

/// A very common place (a country) is resolved by merging a record into its summary, not by
/// reading every record of it: one more article naming it, another bringing it a new name,
/// one before its first record, a removal and a replacement each give the sorted export of
/// a fresh ingest of the final files, on both backends.
#[test]
fn an_article_naming_a_common_place_equals_a_fresh_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let base: Vec<PathBuf> = (0..6)
        .map(|i| us_article(dir.path(), &format!("b{i}.txt"), ["the U.S.", "the United States"][i % 2], "Leeds"))
        .collect();
    let store = dir.path().join("store");
    ingest(&store, &base);
    let mut files = base.clone();
    let check = |files: &[PathBuf], step: &str| equals_fresh_ingest(dir.path(), &store, files, step);
    let s = store.to_str().unwrap();
    // One more article naming it by a name it has: merged.
    let more = us_article(dir.path(), "c0.txt", "the U.S.", "Leeds");
    assert!(merges(&["ingest", "--store", s, more.to_str().unwrap()]).1 > 0);
    files.push(more);
    check(&files, "more");
    // A name new to it ("America"), from an article that sorts last: merged, described anew.
    let new_name = us_article(dir.path(), "d0.txt", "America", "Leeds");
    assert!(merges(&["ingest", "--store", s, new_name.to_str().unwrap()]).1 > 0);
    files.push(new_name);
    check(&files, "new-name");
    // An article before the first record of it: resolved with its component.
    let first = us_article(dir.path(), "a0.txt", "the U.S.", "Leeds");
    assert_eq!(merges(&["ingest", "--store", s, first.to_str().unwrap()]).1, 0);
    files.push(first);
    check(&files, "first");
    // A removal, and a replacement naming it otherwise.
    assert!(merges(&["remove", "--store", s, "c0"]).0 > 0);
    files.retain(|f| !f.ends_with("c0.txt"));
    check(&files, "removed");
    let replaced = us_article(dir.path(), "b3.txt", "the U.S.", "York");
    merges(&["ingest", "--store", s, replaced.to_str().unwrap()]);
    check(&files, "replaced");
    // Removing the article that brought "America" takes the name away again.
    merges(&["remove", "--store", s, "d0"]);
    files.retain(|f| !f.ends_with("d0.txt"));
    check(&files, "name-gone");
}

fn ministry_article(dir: &Path, file: &str, name: &str) -> PathBuf {
    let p = dir.join(file);
    fs::write(
        &p,
        format!(
            "Harbour talks stall\n\nThe {name} said on Monday that talks over the harbour had stalled (report {file}). \
             “We will not sign,” said Marta Kowalczyk, a spokeswoman for the {name}, adding that the ministry had \
             written to officials.\n"
        ),
    )
    .unwrap();
    p
}

/// A common organisation without a GeoNames id is resolved by merging a record into its
/// summary, found by its name's key: one more article naming it, another bringing it a new
/// name ("Ministry of Harbours", the key of "Harbours Ministry"), one before its first
/// record, a removal, a replacement naming it otherwise, and the removal of the only
/// article bearing a name each give the sorted export of a fresh ingest of the final
/// files, on both backends.
#[test]
fn an_article_naming_a_common_organisation_equals_a_fresh_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let base: Vec<PathBuf> =
        (0..6).map(|i| ministry_article(dir.path(), &format!("b{i}.txt"), "Harbours Ministry")).collect();
    let store = dir.path().join("store");
    ingest(&store, &base);
    let mut files = base.clone();
    let check = |files: &[PathBuf], step: &str| equals_fresh_ingest(dir.path(), &store, files, step);
    // The organisation is the only place or organisation these articles name: `merges` counts its records.
    let s = store.to_str().unwrap();
    let more = ministry_article(dir.path(), "c0.txt", "Harbours Ministry");
    assert_eq!(merges(&["ingest", "--store", s, more.to_str().unwrap()]), (0, 1));
    files.push(more);
    check(&files, "more");
    let new_name = ministry_article(dir.path(), "d0.txt", "Ministry of Harbours");
    assert_eq!(merges(&["ingest", "--store", s, new_name.to_str().unwrap()]), (0, 1));
    files.push(new_name);
    check(&files, "new-name");
    let first = ministry_article(dir.path(), "a0.txt", "Harbours Ministry");
    assert_eq!(merges(&["ingest", "--store", s, first.to_str().unwrap()]), (0, 0));
    files.push(first);
    check(&files, "first");
    assert_eq!(merges(&["remove", "--store", s, "c0"]), (1, 0));
    files.retain(|f| !f.ends_with("c0.txt"));
    check(&files, "removed");
    let replaced = ministry_article(dir.path(), "b3.txt", "Ministry of Harbours");
    merges(&["ingest", "--store", s, replaced.to_str().unwrap()]);
    check(&files, "replaced");
    // d0 no longer brings the name alone: b3 bears it before it.
    assert_eq!(merges(&["remove", "--store", s, "d0"]), (1, 0));
    files.retain(|f| !f.ends_with("d0.txt"));
    check(&files, "d0-gone");
    // The only article bearing that name leaves: the name goes with it.
    merges(&["remove", "--store", s, "b3"]);
    files.retain(|f| !f.ends_with("b3.txt"));
    check(&files, "name-gone");
}

fn vesker_article(dir: &Path, file: &str, who: &str) -> PathBuf {
    let p = dir.join(file);
    let text = match who {
        "" => format!(
            "Budget row deepens\n\nMr. Vesker said on Monday that the budget would not pass (report {file}). \
             “We will not sign,” Mr. Vesker said.\n"
        ),
        who => format!("Budget row deepens\n\n{who} said on Monday that the budget would pass (report {file}).\n"),
    };
    fs::write(&p, text).unwrap();
    p
}

/// A surname two people with a given name bear, named alone ("Mr. Vesker"): each such record
/// is an entity of its own, merged without reading the surname's other bare records when a
/// namesake precedes it. One more article, one before every namesake, a removal, the loss of
/// one of the two people (the bare ones then join the other), and one more after it each give
/// the sorted export of a fresh ingest of the final files, on both backends.
#[test]
fn an_article_naming_an_ambiguous_bare_surname_equals_a_fresh_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![
        vesker_article(dir.path(), "b0.txt", "Tomas Vesker, the finance minister,"),
        vesker_article(dir.path(), "b1.txt", "Ilse Vesker, a lawyer,"),
    ];
    files.extend((1..3).map(|i| vesker_article(dir.path(), &format!("c{i}.txt"), "")));
    let store = dir.path().join("store");
    ingest(&store, &files);
    let check = |files: &[PathBuf], step: &str| equals_fresh_ingest(dir.path(), &store, files, step);
    let s = store.to_str().unwrap();
    let more = vesker_article(dir.path(), "c3.txt", "");
    assert_eq!(merges(&["ingest", "--store", s, more.to_str().unwrap()]), (0, 1));
    files.push(more);
    check(&files, "more");
    // Before every namesake: it takes the id base, which another held.
    let first = vesker_article(dir.path(), "a0.txt", "");
    assert_eq!(merges(&["ingest", "--store", s, first.to_str().unwrap()]), (0, 0));
    files.push(first);
    check(&files, "first");
    assert_eq!(merges(&["remove", "--store", s, "c3"]), (1, 0));
    files.retain(|f| !f.ends_with("c3.txt"));
    check(&files, "removed");
    // One person left under the surname: every bare record joins Tomas Vesker.
    assert_eq!(merges(&["remove", "--store", s, "b1"]), (0, 0));
    files.retain(|f| !f.ends_with("b1.txt"));
    check(&files, "one-person");
    let after = vesker_article(dir.path(), "c4.txt", "");
    assert_eq!(merges(&["ingest", "--store", s, after.to_str().unwrap()]), (0, 0));
    files.push(after);
    check(&files, "joins");
}

/// Entities whose `ng:articleCount` is not the number of articles that mention them (none
/// where there is a mention, or a count where there is none, or another number).
fn miscounted(store: &Path) -> Vec<String> {
    let q = "SELECT ?e ?n ?m WHERE { \
               { GRAPH <https://w3id.org/newsgraph/id/graph/entities> { ?e ng:articleCount ?n } \
                 OPTIONAL { SELECT ?e (COUNT(DISTINCT ?a) AS ?m) WHERE { ?a schema:mentions ?e } GROUP BY ?e } \
                 FILTER(!BOUND(?m) || ?n != ?m) } \
               UNION \
               { SELECT DISTINCT ?e WHERE { ?a schema:mentions ?e \
                   FILTER NOT EXISTS { GRAPH <https://w3id.org/newsgraph/id/graph/entities> { ?e ng:articleCount ?c } } } } }";
    let o = run(&["query", "--store", store.to_str().unwrap(), q, "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().skip(1).map(String::from).collect()
}

fn article_count(store: &Path, name: &str) -> String {
    let q = format!(
        "SELECT ?n WHERE {{ GRAPH <https://w3id.org/newsgraph/id/graph/entities> {{ ?e schema:name \"{name}\" ; ng:articleCount ?n }} }}"
    );
    let o = run(&["query", "--store", store.to_str().unwrap(), &q, "--format", "csv"]);
    stdout(&o).lines().nth(1).unwrap_or_default().to_string()
}

#[test]
fn each_entity_counts_the_articles_that_mention_it_through_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest(&store, &[article(0), article(1), article(4)]);
    assert_eq!(miscounted(&store), Vec::<String>::new());
    assert_eq!(article_count(&store, "NATO"), "3");
    ingest(&store, &[article(2), article(3)]);
    assert_eq!(miscounted(&store), Vec::<String>::new());
    assert_eq!(article_count(&store, "NATO"), "5");
    let o = run(&["remove", "--store", store.to_str().unwrap(), "004_bcffe02d0092fff4.txt"]);
    assert!(o.status.success());
    assert_eq!(miscounted(&store), Vec::<String>::new());
    assert_eq!(article_count(&store, "NATO"), "4");
    // A changed article: its new speaker counted once, what it no longer names counted down.
    let changed = dir.path().join("changed");
    fs::create_dir(&changed).unwrap();
    ingest(&store, &[changed_001(&changed)]);
    assert_eq!(miscounted(&store), Vec::<String>::new());
    assert_eq!(article_count(&store, "Marta Kowalczyk"), "1");
}

#[test]
fn a_store_written_before_the_article_counts_counts_every_entity_on_the_next_write() {
    if on_rocksdb() {
        return; // the in-memory backend's files
    }
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest(&store, &[article(0), article(1), article(4)]);
    rewrite_base(&store, |l| !l.contains("ontology#articleCount"), "");
    assert!(!miscounted(&store).is_empty());
    // An article naming none of the stored entities: they are counted all the same.
    ingest(&store, &[small_article(dir.path())]);
    assert_eq!(miscounted(&store), Vec::<String>::new());
    assert_eq!(article_count(&store, "NATO"), "3");
}
