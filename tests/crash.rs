//! Crash and fault tests, in the manner of SQLite's: a writer killed with SIGKILL at a
//! random moment of an ingest, a removal or a compaction leaves a store that opens and
//! holds whole articles only. On the memory backend the store then equals the state
//! before or the state after the write (its last segment is whole or dropped); on RocksDB
//! every article graph a reader sees is whole. The next writer cleans up what the killed
//! one left (temporary files, the `unfinished` mark) and finishes the job. A full disk
//! (a small tmpfs) gives a clear error and leaves the previous store intact.
//!
//! `NEWSGRAPH_CRASH_ITERATIONS=N` (default 2) sets the kills per kind of write;
//! `NEWSGRAPH_CRASH_SEED` the random seed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsgraph::rng::XorShift;

use crate::util::*;

fn article(i: usize) -> String {
    examples().join("articles").join(NAMES[i]).display().to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The store's N-Quads export, grouped by graph (each graph's lines sorted).
fn graphs(store: &Path) -> BTreeMap<String, Vec<String>> {
    let o = run_quiet(&["export", "--store", store.to_str().unwrap(), "--format", "nquads"]);
    assert!(o.status.success(), "the store opens after a crash: {}", stderr(&o));
    let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in stdout(&o).lines() {
        let graph = l.trim_end_matches(" .").rsplit(' ').next().unwrap_or("").to_string();
        by.entry(graph).or_default().push(l.to_string());
    }
    for v in by.values_mut() {
        v.sort();
    }
    by
}

fn run_quiet(args: &[&str]) -> std::process::Output {
    bin().args(args).output().expect("run newsgraph")
}

fn with_store(store: &Path, args: &[String]) -> Vec<String> {
    let mut v = vec![args[0].clone(), "--store".into(), store.display().to_string()];
    v.extend(args[1..].iter().cloned());
    v
}

/// One kind of write: the store before it, the command, and the store after it.
struct Scenario {
    name: &'static str,
    before: PathBuf,
    command: Vec<String>,
    after: BTreeMap<String, Vec<String>>,
    seconds: f64,
}

fn scenario(root: &Path, name: &'static str, setup: &[usize], command: Vec<String>) -> Scenario {
    let before = root.join(format!("{name}-before"));
    let mut args = vec!["ingest".to_string()];
    args.extend(setup.iter().map(|&i| article(i)));
    let a = with_store(&before, &args);
    assert!(run_quiet(&a.iter().map(String::as_str).collect::<Vec<_>>()).status.success());
    let done = root.join(format!("{name}-after"));
    copy_dir(&before, &done);
    let a = with_store(&done, &command);
    let started = Instant::now();
    let o = run_quiet(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    Scenario { name, before, command, after: graphs(&done), seconds: started.elapsed().as_secs_f64() }
}

fn iterations() -> usize {
    std::env::var("NEWSGRAPH_CRASH_ITERATIONS").ok().and_then(|s| s.parse().ok()).unwrap_or(2)
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_whole_store() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let seed = std::env::var("NEWSGRAPH_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EED_u64);
    let mut rng = XorShift::new(seed | 1);
    let scenarios = [
        // One more article: a log segment appended (memory), one transaction per graph (RocksDB).
        scenario(root, "ingest", &[0, 1, 2], vec!["ingest".into(), article(3)]),
        // Four articles into a store of one: the log would outgrow the base, so the base is rewritten.
        scenario(root, "compaction", &[0], vec!["ingest".into(), article(1), article(2), article(3), article(4)]),
        scenario(root, "remove", &[0, 1, 2, 3, 4], vec!["remove".into(), NAMES[1].into(), NAMES[4].into()]),
    ];
    let mut outcomes: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for s in &scenarios {
        let before = graphs(&s.before);
        for i in 0..iterations() {
            let work = root.join(format!("{}-{i}", s.name));
            copy_dir(&s.before, &work);
            let args = with_store(&work, &s.command);
            let mut child = bin()
                .args(&args)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            // A moment anywhere in the write, or just after it.
            let at = Duration::from_secs_f64(s.seconds * 1.1 * (rng.next_u64() % 1000) as f64 / 1000.0);
            std::thread::sleep(at);
            let _ = child.kill();
            let _ = child.wait();
            let seen = graphs(&work);
            // Whole articles only: every article graph is the one before or the one after.
            for (g, lines) in &seen {
                if g.contains("/article/") {
                    assert!(
                        before.get(g) == Some(lines) || s.after.get(g) == Some(lines),
                        "{} killed at {at:?}: article graph {g} is partial",
                        s.name
                    );
                }
            }
            let state = if seen == before {
                0
            } else if seen == s.after {
                1
            } else {
                assert!(
                    on_rocksdb(),
                    "{} killed at {at:?}: the store is neither the one before nor the one after",
                    s.name
                );
                2
            };
            outcomes.entry(s.name).or_default()[state] += 1;
            // The next writer cleans up and finishes: the same command again gives the state after.
            let o = run_quiet(&args.iter().map(String::as_str).collect::<Vec<_>>());
            assert!(o.status.code().is_some_and(|c| c <= 1), "{}: {}", s.name, stderr(&o));
            assert!(!work.join("graph.nq.tmp").exists(), "the temporary file is cleaned up");
            assert!(!work.join("unfinished").exists(), "the unfinished mark is cleared");
            assert!(
                graphs(&work) == s.after,
                "{} killed at {at:?}: running it again does not give the state after",
                s.name
            );
            fs::remove_dir_all(&work).unwrap();
        }
    }
    // Seen in the log of a long run: how many kills left the state before, after, or (RocksDB) between.
    eprintln!("crash outcomes (before, after, between) per write: {outcomes:?}");
}

#[test]
fn a_full_disk_gives_a_clear_error_and_keeps_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("small");
    fs::create_dir(&mnt).unwrap();
    // Room for a store of one article, not of five.
    let size = if on_rocksdb() { "2m" } else { "700k" };
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", mnt.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mnt.clone());
    let store = mnt.join("store");
    let s = store.to_str().unwrap();
    let o = run(&["ingest", "--store", s, &article(0)]);
    assert!(o.status.success(), "one article fits: {}", stderr(&o));
    let before = graphs(&store);
    let o = run(&["ingest", "--store", s, &article(1), &article(2), &article(3), &article(4)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("No space left on device") && err.contains(s), "{err}");
    assert!(graphs(&store) == before, "the store before the failed write is intact");
    assert!(!store.join("graph.nq.tmp").exists(), "no partial file is left");
    // With room again (the tmpfs grown), the next write goes on from the intact store.
    let grown = std::process::Command::new("mount")
        .args(["-o", "remount,size=256m", mnt.to_str().unwrap()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(grown, "remount the tmpfs larger");
    let o = run(&["ingest", "--store", s, &article(1)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["remove", "--store", s, NAMES[1]]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(graphs(&store) == before, "the store is the one before the full disk again");
}

#[test]
fn a_damaged_store_file_is_named_checked_and_repaired() {
    if on_rocksdb() {
        return; // the in-memory backend's files
    }
    let (dir, store) = seeded_store();
    let good = graphs(Path::new(&store));
    let data = Path::new(&store).join("graph.nq");
    let text = fs::read_to_string(&data).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[4] = "<https://example.org/x> damaged here";
    fs::write(&data, lines.join("\n") + "\n").unwrap();
    // Opening names the file and the line, and the way out.
    let o = run(&["query", "--store", &store, "ASK {}"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("graph.nq") && err.contains("line 5") && err.contains("newsgraph repair"), "{err}");
    let o = run(&["check", "--store", &store]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("graph.nq:5:"), "{}", stdout(&o));
    let o = run(&["repair", "--store", &store]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("dropped") && stderr(&o).contains("graph.nq:5"), "{}", stderr(&o));
    assert!(stdout(&o).contains("5 articles recovered"), "{}", stdout(&o));
    // What the damaged line held is derived again from the articles: the store is whole.
    assert!(graphs(Path::new(&store)) == good, "the repaired store equals the store before the damage");
    let o = run(&["check", "--store", &store]);
    assert!(o.status.success() && stdout(&o).contains("ok, 5 articles"), "{}", stdout(&o));
    let aside: Vec<_> = fs::read_dir(&store)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("graph.nq.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept");

    // A store cut short: the articles it no longer holds are named as lost, exit status 1.
    let cut = dir.path().join("cut");
    copy_dir(Path::new(&store), &cut);
    let data = cut.join("graph.nq");
    let bytes = fs::read(&data).unwrap();
    fs::write(&data, &bytes[..bytes.len() / 3]).unwrap();
    let o = run(&["repair", "--store", cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("lost https://w3id.org/newsgraph/id/article/") && err.contains("ingest its file again"),
        "{err}"
    );
    let o = run(&["check", "--store", cut.to_str().unwrap()]);
    assert!(o.status.success(), "after repair the store is consistent: {}", stdout(&o));

    // Cut at a line's end: every line left parses, and the lost articles are named all the same.
    let at_line = dir.path().join("cut-at-line");
    copy_dir(Path::new(&store), &at_line);
    let data = at_line.join("graph.nq");
    let bytes = fs::read(&data).unwrap();
    let end = bytes[..bytes.len() / 3].iter().rposition(|&b| b == b'\n').unwrap() + 1;
    fs::write(&data, &bytes[..end]).unwrap();
    let o = run(&["check", "--store", at_line.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let o = run(&["repair", "--store", at_line.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("lost https://w3id.org/newsgraph/id/article/"), "{}", stderr(&o));
}

#[test]
fn check_and_repair_leave_a_healthy_store_as_it_is() {
    let (_dir, store) = seeded_store();
    let good = graphs(Path::new(&store));
    let o = run(&["check", "--store", &store]);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = run(&["repair", "--store", &store]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(graphs(Path::new(&store)) == good, "repairing a healthy store changes nothing");
    let missing = Path::new(&store).with_file_name("nowhere");
    let o = run(&["check", "--store", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no store at"), "{}", stderr(&o));
}
