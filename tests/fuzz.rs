//! The fuzz targets of `src/fuzz.rs` on stable: every input kept in `fuzz/corpus/TARGET/`
//! (found cases stay there as regression tests), then a deterministic run of random
//! mutations of them. `NEWSGRAPH_FUZZ_ITERATIONS=N` sets the mutations per target (default
//! a short run for `cargo test`), `NEWSGRAPH_FUZZ_SEED` the seed. An input that breaks a
//! property is written to the temporary folder and named in the failure, to be added to
//! the corpus once fixed.

use newsgraph::rng::XorShift;
use std::path::{Path, PathBuf};

type Target = fn(&[u8]);

const TARGETS: [(&str, Target, usize); 4] = [
    // (name, target, default mutations: extraction and the loader cost more per input)
    ("extraction", newsgraph::fuzz::extraction, 150),
    ("jsonl", newsgraph::fuzz::jsonl, 300),
    ("store_loader", newsgraph::fuzz::store_loader, 100),
    ("shell_command", newsgraph::fuzz::shell_command, 300),
];

/// Pieces worth inserting: quotation marks, capitals, speech, separators, odd bytes.
const TOKENS: &[&[u8]] = &[
    "“".as_bytes(),
    "”".as_bytes(),
    "‘".as_bytes(),
    "’".as_bytes(),
    b"\"",
    b"'",
    b" said ",
    b" Anna Berg",
    b" Mr. ",
    b"\n\n",
    b"\r",
    b", ",
    b". ",
    b": ",
    b"{",
    b"}",
    b"\"id\": ",
    b"\"text\": ",
    b"@segment 10 00000000000000ff\n",
    b"<http://x/a> <http://x/b> \"c\" <http://x/g> .\n",
    b"\\u201c",
    b";",
    b".mode ",
    b"SELECT * WHERE { ",
    "\u{feff}".as_bytes(),
    "é".as_bytes(),
    b"\xff\xfe",
    b"\0",
    b"\xe2\x80",
];

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|rd| rd.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

fn mutate(rng: &mut XorShift, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(v.len() + 1);
        match rng.below(7) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => v.insert(at, rng.next_u64() as u8),
            2 if !v.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 if !v.is_empty() => {
                let a = rng.below(v.len());
                let b = (a + 1 + rng.below(256)).min(v.len());
                let piece = v[a..b].to_vec();
                let times = 1 + rng.below(20);
                for _ in 0..times {
                    v.splice(at.min(v.len())..at.min(v.len()), piece.iter().copied());
                }
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                v.splice(at..at, other[from..].iter().copied());
            }
            5 if at < v.len() => v.truncate(at),
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
        }
    }
    v.truncate(64 << 10);
    v
}

/// Runs one input, turning a panic into a failure that names a file holding the input.
fn run_one(name: &str, target: Target, input: &[u8], what: &str) {
    let result = std::panic::catch_unwind(|| target(input));
    if let Err(e) = result {
        let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
        let saved = std::env::temp_dir().join(format!("newsgraph-fuzz-{name}-{}.bin", std::process::id()));
        let _ = std::fs::write(&saved, input);
        panic!("fuzz target {name} failed on {what} (input saved as {}): {msg:?}", saved.display());
    }
}

#[test]
fn fuzz_targets_hold_on_the_corpus_and_its_mutations() {
    let iterations: Option<usize> = std::env::var("NEWSGRAPH_FUZZ_ITERATIONS").ok().and_then(|s| s.parse().ok());
    let seed: u64 = std::env::var("NEWSGRAPH_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0xF0F0_1234);
    for (name, target, default) in TARGETS {
        let kept = corpus(name);
        assert!(!kept.is_empty(), "fuzz/corpus/{name} holds the seed inputs");
        for (path, input) in &kept {
            run_one(name, target, input, &path.display().to_string());
        }
        let seeds: Vec<Vec<u8>> = kept.into_iter().map(|(_, v)| v).collect();
        let mut rng = XorShift::new((seed ^ (name.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1);
        let n = iterations.unwrap_or(default);
        for i in 0..n {
            let input = mutate(&mut rng, &seeds);
            run_one(name, target, &input, &format!("mutation {i} (seed {seed})"));
        }
        eprintln!("fuzz {name}: {} corpus inputs and {n} mutations passed", seeds.len());
    }
}
