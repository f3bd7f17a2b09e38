//! The interactive shell in a pseudo-terminal, typed at as a person would.

use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::session::PtySession;

use crate::util::*;

struct Shell {
    p: PtySession,
    history: std::path::PathBuf,
    _home: tempfile::TempDir,
}

fn shell(store: &str) -> Shell {
    let home = tempfile::tempdir().unwrap();
    let history = home.path().join("history");
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    c.args(["repl", "--store", store])
        .env_remove("NEWSGRAPH_STORE")
        .env("HOME", home.path())
        .env("NEWSGRAPH_HISTORY", &history)
        .env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(c, Some(30_000)).expect("spawn the shell in a pty");
    p.exp_string("newsgraph> ").expect("the prompt");
    Shell { p, history, _home: home }
}

impl Shell {
    /// Types a line and presses Enter. (The editor drops what is typed before its prompt shows,
    /// as terminals in raw mode do: wait for the prompt between lines.)
    fn enter(&mut self, line: &str) {
        self.p.send(line).unwrap();
        self.p.send("\r").unwrap();
        self.p.flush().unwrap();
    }

    fn expect(&mut self, s: &str) -> String {
        match self.p.exp_string(s) {
            Ok(before) => before,
            Err(e) => panic!("waiting for {s:?}: {e}"),
        }
    }
}

#[test]
fn multi_line_queries_continue_under_their_own_prompt() {
    let (_dir, store) = seeded_store();
    let mut s = shell(&store);
    s.enter("SELECT ?n WHERE {");
    s.expect("...> ");
    s.enter("  ?p a schema:Organization ; schema:name ?n .");
    s.expect("...> ");
    s.enter("  FILTER(?n = \"NATO\") }");
    s.expect("NATO");
    s.expect("1 row in");
    s.expect("newsgraph> ");
    // `;` inside a pattern continues; at the end of a whole query it runs it.
    s.enter("SELECT ?n WHERE { ?p a schema:Person ;");
    s.expect("...> ");
    s.enter("schema:name ?n } ORDER BY ?n LIMIT 2;");
    s.expect("2 rows in");
    s.expect("newsgraph> ");
    // A syntax error shows at once, with its caret, and the prompt comes back.
    s.enter("SELECT ?n WHERE { ?p schema:name ?n FILTR(?n) }");
    s.expect("did you mean FILTER?");
    s.expect("newsgraph> ");
    // Ctrl-C on a continuation line drops the unfinished input.
    s.enter("SELECT * WHERE {");
    s.expect("...> ");
    s.p.send_control('c').unwrap();
    s.expect("(input cleared)");
    s.enter(".quit");
    s.p.exp_eof().unwrap();
}

#[test]
fn ctrl_c_cancels_a_long_query_and_the_session_goes_on() {
    let (_dir, store) = seeded_store();
    let mut s = shell(&store);
    s.enter("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f");
    std::thread::sleep(Duration::from_millis(800));
    let started = Instant::now();
    s.p.send_control('c').unwrap();
    s.expect("query cancelled (Ctrl-C)");
    assert!(started.elapsed() < Duration::from_secs(5), "cancelled in {:?}", started.elapsed());
    s.expect("newsgraph> ");
    s.enter("ASK { ?a a schema:NewsArticle }");
    s.expect("true");
    s.expect("newsgraph> ");
    // The timeout does the same without a key.
    s.enter(".timeout 0.5");
    s.expect("newsgraph> ");
    s.enter("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f");
    s.expect("0.5 s timeout");
    s.expect("newsgraph> ");
    s.enter(".stats");
    s.expect("articles: 5");
    s.enter(".quit");
    s.p.exp_eof().unwrap();
}

#[test]
fn history_survives_a_killed_session() {
    let (_dir, store) = seeded_store();
    let mut s = shell(&store);
    s.enter("SELECT ?n WHERE { ?p schema:name ?n FILTER(CONTAINS(?n, \"Scholz\")) }");
    s.expect("row");
    s.expect("newsgraph> ");
    s.enter(".stats");
    s.expect("articles: 5");
    s.p.process_mut().kill(rexpect::process::Signal::SIGKILL).unwrap();
    let history = std::fs::read_to_string(&s.history).expect("a history file");
    assert!(history.contains("CONTAINS(?n, \"Scholz\")"), "{history}");
    assert!(history.contains(".stats"), "{history}");
    // The next session can call it back with the Up key.
    let mut again = Shell { p: shell_with_history(&store, &s.history), history: s.history.clone(), _home: s._home };
    again.p.send("\x1b[A\x1b[A\r").unwrap();
    again.p.flush().unwrap();
    again.expect("Olaf Scholz");
}

fn shell_with_history(store: &str, history: &std::path::Path) -> PtySession {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    c.args(["repl", "--store", store])
        .env_remove("NEWSGRAPH_STORE")
        .env("NEWSGRAPH_HISTORY", history)
        .env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(c, Some(30_000)).unwrap();
    p.exp_string("newsgraph> ").unwrap();
    p
}

#[test]
fn tab_completes_commands_vocabulary_and_names() {
    let (_dir, store) = seeded_store();
    let mut s = shell(&store);
    // A dot-command.
    s.p.send(".sta\t").unwrap();
    s.p.send("\r").unwrap();
    s.p.flush().unwrap();
    s.expect("articles: 5");
    s.expect("newsgraph> ");
    // An entity name after a shortcut.
    s.p.send(".articles Olaf Sch\t").unwrap();
    s.p.send("\r").unwrap();
    s.p.flush().unwrap();
    s.expect("FILTER(CONTAINS(LCASE(?n), LCASE(\"Olaf Scholz\")))");
    s.expect("rows in");
    s.expect("newsgraph> ");
    // A vocabulary term.
    s.p.send("SELECT ?n WHERE { ?p a schema:GovernmentOrg\t").unwrap();
    s.p.send(" ; schema:name ?n } LIMIT 1\r").unwrap();
    s.p.flush().unwrap();
    s.expect("1 row in");
    s.expect("newsgraph> ");
    s.enter(".quit");
    s.p.exp_eof().unwrap();
}
