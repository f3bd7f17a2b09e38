//! Pathological articles: time against size, doubling the size each step.
//!
//! Four kinds of hostile text (README, "Reliability"): a text without punctuation, a run
//! of quotation marks, a run of capitalised words, and one long line of ordinary words.
//! Each is generated deterministically at four sizes, doubling up to the size the README
//! names, and taken through what ingest does to one article (cleaning, extraction, the
//! near-duplicate signature). The time should double with the size: the last column is
//! the ratio to the step before, about 2 for linear work; above 3 is flagged. Times are
//! the CPU time of the measuring thread, so a busy machine changes them little.
//!
//! Run: `cargo bench --bench pathological` (NEWSGRAPH_BENCH_SCALE=0.1 for a quick run).

use newsgraph::rng::XorShift;
use std::path::Path;

/// CPU time of this thread (Linux: /proc/thread-self/schedstat, nanoseconds), so that other
/// work on a shared machine does not count; wall time elsewhere.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    match std::fs::read_to_string("/proc/thread-self/schedstat") {
        Ok(s) => s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()).unwrap_or(0.0) / 1e9,
        Err(_) => START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
    }
}

const WORDS: &[&str] = &["the", "river", "market", "council", "said", "winter", "green", "stone", "and", "of"];
const CAPS: &[&str] = &["Anna", "Berg", "Oslo", "Council", "Harbour", "Minister", "Smith", "Paris", "Bank", "Union"];

/// (name, unit, full size in units, generator of a text of n units)
type Kind = (&'static str, &'static str, usize, fn(usize) -> String);

fn no_punctuation(bytes: usize) -> String {
    let mut r = XorShift::new(7);
    let mut s = String::from("Headline\n\n");
    while s.len() < bytes {
        let list = if r.next_u64().is_multiple_of(5) { CAPS } else { WORDS };
        s.push_str(r.pick(list));
        s.push(if r.next_u64().is_multiple_of(50) { '\n' } else { ' ' });
    }
    s
}

fn quotation_marks(marks: usize) -> String {
    let mut r = XorShift::new(11);
    let mut s = String::from("Headline\n\n");
    for i in 0..marks {
        s.push_str(["\"", "“", "”", "'"][(r.next_u64() % 4) as usize]);
        s.push_str(if i.is_multiple_of(3) { "Anna Berg said " } else { "it was " });
    }
    s
}

fn capitalised_words(words: usize) -> String {
    let mut r = XorShift::new(13);
    let mut s = String::from("Headline\n\n");
    for _ in 0..words {
        s.push_str(r.pick(CAPS));
        s.push(' ');
    }
    s.push_str("said.\n");
    s
}

fn one_line(bytes: usize) -> String {
    let mut r = XorShift::new(17);
    let mut s = String::from("Headline\n\n");
    while s.len() < bytes {
        let list = if r.next_u64().is_multiple_of(4) { CAPS } else { WORDS };
        s.push_str(r.pick(list));
        s.push_str(["", "", "", ",", "."][(r.next_u64() % 5) as usize]);
        s.push(' ');
    }
    s
}

fn main() {
    let scale: f64 = std::env::var("NEWSGRAPH_BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let kinds: [Kind; 4] = [
        ("no punctuation", "bytes", 5_000_000, no_punctuation),
        ("quotation marks", "marks", 50_000, quotation_marks),
        ("capitalised words in a row", "words", 20_000, capitalised_words),
        ("one line", "bytes", 2_000_000, one_line),
    ];
    let mut worst: f64 = 0.0;
    for (name, unit, full, make) in kinds {
        println!("{name}:");
        let mut before: Option<f64> = None;
        for step in (0..4).rev() {
            let n = ((full as f64 * scale) as usize >> step).max(1);
            let text = make(n);
            let t = cpu_seconds();
            let article = newsgraph::ingest::parse_article(Path::new("bench.txt"), text.as_bytes());
            let found = match &article {
                Ok(a) => {
                    let ex = newsgraph::extract::extract(a);
                    let _ = newsgraph::resolve::similar::signature(&a.text);
                    format!("{} entities, {} quotes", ex.entities.len(), ex.quotes.len())
                }
                Err(e) => format!("refused: {e}"),
            };
            let secs = cpu_seconds() - t;
            let ratio = before.map(|b| secs / b.max(1e-4));
            if let Some(r) = ratio.filter(|_| secs > 0.02) {
                worst = worst.max(r);
            }
            println!(
                "  {n:>9} {unit:5} {:>8.1} kB  {secs:>8.3} s  {:>6}  {found}{}",
                text.len() as f64 / 1e3,
                ratio.map_or("".to_string(), |r| format!("×{r:.2}")),
                if ratio.is_some_and(|r| r > 3.0 && secs > 0.02) { "  SUPER-LINEAR" } else { "" }
            );
            before = Some(secs);
        }
    }
    println!("largest time ratio for a doubled size (steps over 20 ms): {worst:.2}");
}
