//! Quality floor on the example corpus: exports the seed graph and scores it
//! with ../shared/eval/score.py (rdflib, an independent RDF library). Fails
//! when a figure drops more than 0.01 below what the extractor reaches now.
//! Needs python3 with rdflib and ../shared beside the clone; .ci/run provides
//! both. When the environment variable CI is set (CI runs `bash .ci/run` with
//! CI=true) a missing piece fails the test; elsewhere the test prints why it
//! did not score and passes.

use std::path::Path;
use std::process::Command;

use crate::util::*;

/// (figure, floor): the seed scores reached, minus 0.01.
const FLOORS: &[(&str, f64)] = &[
    // Places 0.97: "North Ossetia" and "East Room" were found only through lexicon
    // entries fitted to the seeds (region list, place head "Room"), now removed.
    // Organisations 0.93: the learned tagger adds names the seed gold leaves out
    // (pipeline and programme names, "Southern Military Districts").
    ("entity_f1", 0.964),
    ("people_f1", 0.98),
    ("orgs_f1", 0.93),
    ("places_f1", 0.97),
    ("quote_f1", 0.99),
    ("who_f1", 0.99),
];

/// In CI a test that cannot run must fail, not pass unseen; elsewhere it says why it skipped.
/// Returns normally only outside CI.
fn cannot_run(reason: &str) {
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"));
    assert!(!ci, "CI is set and the seed evaluation cannot run: {reason}");
    eprintln!("skipped: {reason}");
}

#[test]
fn seed_scores_do_not_regress() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let score = root.join("../shared/eval/score.py");
    let gold = root.join("../shared/eval/gold/seeds");
    if !score.exists() {
        cannot_run(&format!("no {} beside the project", score.display()));
        return;
    }
    let has_rdflib = Command::new("python3").args(["-c", "import rdflib"]).status().is_ok_and(|s| s.success());
    if !has_rdflib {
        cannot_run("python3 with rdflib is needed (python3 -m pip install rdflib)");
        return;
    }
    let (dir, store) = seeded_store();
    let out = dir.path().join("out.nq");
    assert!(run(&["export", "--store", &store, "-o", out.to_str().unwrap()]).status.success());
    let o = Command::new("python3").arg(&score).arg(&out).arg(&gold).arg("--json").output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    eprintln!("{v}");
    for (figure, floor) in FLOORS {
        let got = v[figure].as_f64().unwrap();
        assert!(got >= *floor, "{figure} fell to {got:.3} (floor {floor})");
    }
    assert_eq!(v["offsets_bad"], 0);
    assert_eq!(v["missing_articles"].as_array().map(Vec::len), Some(0));
    assert!(v["overmerged_iris"].as_u64().unwrap() <= 1);
    // The one IRI the scorer counts as merging two gold entities is the Kremlin, which the gold
    // annotations type as an organisation in some articles and as a place in others.
    assert_eq!(v["resolved"], v["multi_article_entities"]);
}

#[test]
fn missing_evaluation_fails_in_ci_and_skips_elsewhere() {
    // Runs the check in a child process of this test binary with and without CI set.
    let me = std::env::current_exe().unwrap();
    let child = |ci: Option<&str>| {
        let mut c = Command::new(&me);
        c.args(["--exact", "eval::cannot_run_probe", "--nocapture", "--include-ignored"]);
        c.env_remove("CI");
        if let Some(v) = ci {
            c.env("CI", v);
        }
        c.output().unwrap()
    };
    assert!(!child(Some("true")).status.success(), "CI=true must fail");
    let o = child(None);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("skipped: probe"));
    assert!(child(Some("false")).status.success());
}

#[test]
#[ignore = "run by missing_evaluation_fails_in_ci_and_skips_elsewhere in a child process"]
fn cannot_run_probe() {
    cannot_run("probe");
}
