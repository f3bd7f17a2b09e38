//! The interactive SPARQL shell: a rustyline loop, dot-commands, shortcuts.
//!
//! Whether an input is whole is decided by oxigraph's SPARQL parser
//! (`sparql.rs`): a text that parses runs, a text whose parse fails only at
//! its end continues on the next line under the `...>` prompt, and `;` at the
//! end of a line always runs it. Piped input and `.read` files are split the
//! same way, looking one line ahead, so `ORDER BY` on the line after a closing
//! brace stays with its query. Errors go to standard error; piped input stops
//! at the first one (exit status 1) unless `--keep-going`.
//!
//! Ctrl-C while a query runs cancels it through oxigraph's cancellation token;
//! `.timeout` does the same after a delay. History is written after every entry.

pub mod command;
mod helper;
pub mod shortcuts;
pub mod sparql;

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};

use crate::cli::ResultFormat;
use crate::print::Style;
use crate::store::{Access, CancellationToken, GraphStore};
use command::Command;

/// The timeout a query gets when no one is at a terminal to press Ctrl-C (piped input or
/// output), unless `--timeout` says otherwise.
pub const PIPED_TIMEOUT: Duration = Duration::from_secs(60);

/// The most rows (or triples) a query prints unless `--max-rows` or `.maxrows` says otherwise:
/// results are laid out in memory before printing, and a cross product would exhaust it.
pub const DEFAULT_MAX_ROWS: usize = 100_000;

/// The timeout of a session or a one-shot query: `--timeout 0` is none, no `--timeout` is
/// none on a terminal and `PIPED_TIMEOUT` otherwise.
pub fn effective_timeout(flag: Option<f64>, piped: bool) -> Option<Duration> {
    match flag {
        Some(s) if s > 0.0 => Some(Duration::from_secs_f64(s)),
        Some(_) => None,
        None => piped.then_some(PIPED_TIMEOUT),
    }
}

/// How the shell opens its store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// The folder must hold a store.
    Existing,
    /// The folder may be new or empty: it gets the example articles.
    Examples,
}

/// Opens the store for the REPL. A missing folder is an error unless the example
/// articles were asked for; an empty store is filled with them only then.
pub fn open_for_repl(dir: &Path, open: Open, err: &mut dyn Write) -> Result<GraphStore> {
    // A server is shared: the shell reads it (an ingest into it repairs what needs it).
    if crate::remote::url_of(dir).is_some() && open == Open::Existing {
        let st = GraphStore::open(dir, Access::Read)?;
        if st.is_empty()? {
            writeln!(
                err,
                "The store {0} is empty: add articles with `newsgraph ingest --store {0} FILE...`",
                dir.display()
            )?;
        }
        return Ok(st);
    }
    // A RocksDB store whose last write finished needs nothing of a writer: the shell reads it at
    // once (a writer's opening reads every article's internal record: seconds at 20k articles).
    if open == Open::Existing
        && GraphStore::recorded_backend(dir)? == Some(crate::store::Backend::RocksDb)
        && !dir.join(crate::store::UNFINISHED_FILE).exists()
    {
        let st = GraphStore::open(dir, Access::Read)?;
        if st.is_empty()? {
            writeln!(
                err,
                "The store {0} is empty: add articles with `newsgraph ingest --store {0} FILE...` (or `--examples`)",
                dir.display()
            )?;
        }
        return Ok(st);
    }
    if open == Open::Existing && !dir.is_dir() {
        anyhow::bail!(
            "no store at {0} (create one with `newsgraph ingest --store {0} FILE...`, or start from the example articles with `newsgraph repl --store {0} --examples`)",
            dir.display()
        );
    }
    let st = match GraphStore::open(dir, Access::Write) {
        // A writer (an ingest) is at work: read beside it, following its commits.
        Err(crate::store::StoreError::Locked { .. }) => return Ok(GraphStore::open(dir, Access::Read)?),
        r => r?,
    };
    crate::migrate(&st, err)?;
    if st.is_empty()? && open == Open::Existing {
        writeln!(
            err,
            "The store {0} is empty: add articles with `newsgraph ingest --store {0} FILE...` (or `--examples`)",
            dir.display()
        )?;
    }
    if st.is_empty()? && open == Open::Examples {
        let corpus = crate::default_corpus();
        writeln!(err, "Creating the store {} from the example articles in {} ...", dir.display(), corpus.display())?;
        let report = crate::ingest_paths(&st, &[corpus], err)?;
        report.print(err)?;
    }
    // The shell only reads from here on: other shells and queries may share the store.
    st.downgrade()?;
    Ok(st)
}

fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_HISTORY") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".newsgraph_history"))
}

/// The token of the query running now, for the Ctrl-C handler.
static RUNNING: Mutex<Option<CancellationToken>> = Mutex::new(None);
/// Piped sessions end on Ctrl-C when no query runs.
static PIPED: AtomicBool = AtomicBool::new(false);

fn install_interrupt_handler() {
    // The handler runs on its own thread: it cancels the running query, if any.
    let _ = ctrlc::set_handler(|| {
        let running = RUNNING.lock().map(|r| r.clone()).unwrap_or(None);
        match running {
            Some(t) => t.cancel(),
            None if PIPED.load(Ordering::SeqCst) => std::process::exit(130),
            None => {}
        }
    });
}

/// What became of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Failed,
    Quit,
}

/// Why a query gave no results.
#[derive(Debug)]
pub enum QueryError {
    /// A syntax error, rendered with line, caret and hint.
    Syntax(String),
    Update,
    Interrupted,
    TimedOut(f64),
    /// The results passed the row bound: the first ones were printed.
    Cut(usize),
    Failed(String),
    Io(std::io::Error),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Syntax(s) => write!(f, "{s}"),
            QueryError::Update => write!(f, "{}", sparql::UPDATE_REFUSED),
            QueryError::Interrupted => write!(f, "query cancelled (Ctrl-C)"),
            QueryError::TimedOut(s) => {
                write!(f, "query stopped after the {s} s timeout (.timeout or --timeout to change it)")
            }
            QueryError::Cut(n) => write!(
                f,
                "results cut after {n} rows: the bound is --max-rows rows (.maxrows in the shell) or {} MB of output; 0 lifts it",
                crate::print::MAX_PRINT_BYTES >> 20
            ),
            QueryError::Failed(s) => write!(f, "{s}"),
            QueryError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for QueryError {}

/// Checks, runs and prints one query; returns the number of rows (or triples).
/// Used by the shell and by `newsgraph query`.
pub fn run_query(
    st: &'static GraphStore,
    text: &str,
    format: ResultFormat,
    style: &Style,
    timeout: Option<Duration>,
    out: &mut dyn Write,
) -> Result<usize, QueryError> {
    let extra: Vec<(String, String)> = style
        .prefixes
        .iter()
        .filter(|(p, _)| !crate::rdf::vocab::PREFIXES.iter().any(|(q, _)| q == p))
        .cloned()
        .collect();
    match sparql::check(text, &style.prefixes) {
        sparql::Check::Query => {}
        sparql::Check::Update => return Err(QueryError::Update),
        sparql::Check::Incomplete => return Err(QueryError::Syntax(sparql::render_unfinished(text))),
        sparql::Check::Error(e) => return Err(QueryError::Syntax(sparql::render(text, &e))),
    }
    // The query runs on a worker thread; this thread waits for it, for Ctrl-C and for the timeout.
    // Oxigraph stops a cancelled evaluation at its next check; a sort or join over rows already in
    // memory finishes its step first, so the shell does not wait for it: it answers at once.
    let token = CancellationToken::new();
    if let Ok(mut r) = RUNNING.lock() {
        *r = Some(token.clone());
    }
    let (send, receive) = std::sync::mpsc::channel();
    {
        let (text, style, token) = (text.to_string(), style.clone(), token.clone());
        std::thread::spawn(move || {
            // Rows are laid out in `buf` before anything is written, so a read that lost a
            // file to a writer's compaction (`reopen_after`) runs again on a new view.
            let mut tries = 0;
            let (result, buf) = loop {
                let mut buf = Vec::new();
                let result = st
                    .query_cancellable(&text, &extra, &token)
                    .map_err(|e| e.to_string())
                    .and_then(|r| crate::print::print_bounded(r, format, &style, &mut buf).map_err(|e| e.to_string()));
                match &result {
                    Err(e) if tries < 5 && !token.is_cancelled() && st.reopen_after(e) => tries += 1,
                    _ => break (result, buf),
                }
            };
            let _ = send.send(result.map(|n| (n, buf)));
        });
    }
    let started = Instant::now();
    let result = loop {
        match receive.recv_timeout(Duration::from_millis(20)) {
            Ok(r) => break Some(r),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break Some(Err("the query stopped".into())),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
        if token.is_cancelled() {
            break None;
        }
        if timeout.is_some_and(|d| started.elapsed() >= d) {
            token.cancel();
            if let Ok(mut r) = RUNNING.lock() {
                *r = None;
            }
            return Err(QueryError::TimedOut(timeout.unwrap_or_default().as_secs_f64()));
        }
    };
    if let Ok(mut r) = RUNNING.lock() {
        *r = None;
    }
    match result {
        Some(Ok((printed, buf))) => {
            out.write_all(&buf).map_err(QueryError::Io)?;
            if printed.cut {
                return Err(QueryError::Cut(printed.rows));
            }
            Ok(printed.rows)
        }
        None => Err(QueryError::Interrupted),
        Some(Err(_)) if token.is_cancelled() => Err(QueryError::Interrupted),
        Some(Err(e)) => Err(QueryError::Failed(e)),
    }
}

/// One shell session's settings.
pub struct Shell {
    st: &'static GraphStore,
    pub mode: ResultFormat,
    pub style: Style,
    pub timer: bool,
    pub timeout: Option<Duration>,
    /// Print "N rows in T s" after each query (a terminal session).
    pub footer: bool,
    output: Option<(PathBuf, BufWriter<File>)>,
    reading: Vec<PathBuf>,
}

impl Shell {
    pub fn new(st: &'static GraphStore) -> Self {
        let style = Style { maxwidth: 60, max_rows: DEFAULT_MAX_ROWS, ..Style::default() };
        Shell {
            st,
            mode: ResultFormat::Table,
            style,
            timer: false,
            timeout: None,
            footer: true,
            output: None,
            reading: Vec::new(),
        }
    }

    pub fn prefix_names(&self) -> Vec<String> {
        self.style.prefixes.iter().map(|(p, _)| format!("{p}:")).collect()
    }

    /// Runs one complete input; messages go to `err`, results to `out` (or the `.output` file).
    pub fn execute(&mut self, input: &str, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<Outcome> {
        let cmd = match Command::parse(input) {
            Ok(c) => c,
            Err(e) => {
                writeln!(err, "error: {e}")?;
                return Ok(Outcome::Failed);
            }
        };
        let fail = |err: &mut dyn Write, msg: String| -> std::io::Result<Outcome> {
            writeln!(err, "error: {msg}")?;
            Ok(Outcome::Failed)
        };
        match cmd {
            Command::Quit => return Ok(Outcome::Quit),
            Command::Help => writeln!(out, "{}", command::HELP)?,
            Command::Prefixes => {
                for (p, iri) in &self.style.prefixes {
                    writeln!(out, "PREFIX {p}: <{iri}>")?;
                }
            }
            Command::Prefix { prefix, iri } => {
                if oxigraph::model::NamedNode::new(&iri).is_err() {
                    return fail(err, format!("<{iri}> is not a valid IRI"));
                }
                self.style.prefixes.retain(|(p, _)| *p != prefix);
                self.style.prefixes.push((prefix.clone(), iri.clone()));
                writeln!(out, "PREFIX {prefix}: <{iri}>")?;
            }
            Command::Stats => match self.st.stats() {
                Ok(s) => {
                    writeln!(out, "articles: {}", s.articles)?;
                    for (k, v) in &s.entities {
                        writeln!(out, "{k}: {v}")?;
                    }
                    writeln!(out, "quotes: {}\ntriples: {}", s.quotes, s.triples)?;
                }
                Err(e) => return fail(err, e.to_string()),
            },
            Command::Export { format, path } => {
                let mut sink = Vec::new();
                match crate::export(self.st, format, Some(&path), &crate::ExportOptions::default(), &mut sink) {
                    Ok(()) => writeln!(out, "exported to {}", path.display())?,
                    Err(e) => return fail(err, format!("{e:#}")),
                }
            }
            Command::Mode(m) => self.mode = m,
            Command::MaxWidth(n) => self.style.maxwidth = n,
            Command::MaxRows(n) => self.style.max_rows = n,
            Command::Timer(on) => self.timer = on,
            Command::Timeout(s) => self.timeout = s.map(Duration::from_secs_f64),
            Command::Output(None) => {
                if let Some((p, mut w)) = self.output.take() {
                    w.flush()?;
                    writeln!(err, "results go to the screen again ({} is closed)", p.display())?;
                }
            }
            Command::Output(Some(p)) => match File::create(&p) {
                Ok(f) => {
                    if let Some((_, mut w)) = self.output.take() {
                        w.flush()?;
                    }
                    self.output = Some((p, BufWriter::new(f)));
                }
                Err(e) => return fail(err, format!("cannot write {}: {e}", p.display())),
            },
            Command::Read(p) => return self.read(&p, out, err),
            Command::Graphs => {
                let q = "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph ORDER BY ?graph";
                return self.query(q, false, out, err);
            }
            Command::Schema => {
                let q = "SELECT ?kind ?term (COUNT(*) AS ?uses) WHERE {\n  { ?s a ?term BIND(\"class\" AS ?kind) }\n  UNION { ?s ?term ?o BIND(\"property\" AS ?kind) }\n}\nGROUP BY ?kind ?term\nORDER BY ?kind DESC(?uses) ?term";
                return self.query(q, false, out, err);
            }
            Command::Explain(q) => {
                let extra: Vec<(String, String)> = self.style.prefixes.clone();
                match sparql::check(&q, &extra) {
                    sparql::Check::Query => {}
                    sparql::Check::Error(e) => return fail(err, sparql::render(&q, &e)),
                    sparql::Check::Update => return fail(err, sparql::UPDATE_REFUSED.to_string()),
                    sparql::Check::Incomplete => return fail(err, sparql::render_unfinished(&q)),
                }
                match self.st.explain(&q, &extra) {
                    Ok((json, n)) => {
                        let tree =
                            serde_json::from_str::<serde_json::Value>(&json).map(|v| explain_tree(&v)).unwrap_or(json);
                        writeln!(out, "{tree}({n} results)")?;
                    }
                    Err(e) => return fail(err, e.to_string()),
                }
            }
            Command::Quotes(name) => return self.query(&shortcuts::quotes(&name), true, out, err),
            Command::Said(phrase) => return self.query(&shortcuts::said(&phrase), true, out, err),
            Command::Entity(name) => return self.query(&shortcuts::entity(&name), true, out, err),
            Command::Articles(name) => return self.query(&shortcuts::articles(&name), true, out, err),
            Command::Claims => return self.query(&shortcuts::claims(), true, out, err),
            Command::Query(q) => return self.query(&q, false, out, err),
        }
        Ok(Outcome::Done)
    }

    fn query(&mut self, q: &str, show: bool, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<Outcome> {
        if show {
            // The query a shortcut ran, to learn from; in a script, beside the results rather than in them.
            if self.footer {
                writeln!(out, "{q}")?;
            } else {
                writeln!(err, "{q}")?;
            }
        }
        let started = Instant::now();
        let result = match &mut self.output {
            Some((_, w)) => run_query(self.st, q, self.mode, &self.style, self.timeout, w),
            None => run_query(self.st, q, self.mode, &self.style, self.timeout, out),
        };
        if let Some((_, w)) = &mut self.output {
            w.flush()?;
        }
        let secs = started.elapsed().as_secs_f64();
        match result {
            Ok(n) => {
                if self.footer {
                    writeln!(out, "{n} row{} in {secs:.3} s", if n == 1 { "" } else { "s" })?;
                } else if self.timer {
                    writeln!(err, "{n} row{} in {secs:.3} s", if n == 1 { "" } else { "s" })?;
                }
                if self.timer && self.footer {
                    writeln!(out, "time: {secs:.3} s")?;
                }
                Ok(Outcome::Done)
            }
            Err(QueryError::Io(e)) => Err(e),
            Err(e) => {
                writeln!(err, "error: {e}")?;
                Ok(Outcome::Failed)
            }
        }
    }

    /// Runs a file of commands and queries, stopping at its first error.
    fn read(&mut self, path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<Outcome> {
        if self.reading.iter().any(|p| p == path) || self.reading.len() > 8 {
            writeln!(err, "error: {} reads itself (.read inside it)", path.display())?;
            return Ok(Outcome::Failed);
        }
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                writeln!(err, "error: cannot read {}: {e}", path.display())?;
                return Ok(Outcome::Failed);
            }
        };
        self.reading.push(path.to_path_buf());
        let mut outcome = Outcome::Done;
        for input in sparql::split_script(&text, &self.style.prefixes) {
            match self.execute(&input, out, err)? {
                Outcome::Done => {}
                Outcome::Failed => {
                    writeln!(err, "(in {})", path.display())?;
                    outcome = Outcome::Failed;
                    break;
                }
                Outcome::Quit => {
                    outcome = Outcome::Quit;
                    break;
                }
            }
        }
        self.reading.pop();
        Ok(outcome)
    }
}

/// Oxigraph's JSON plan as an indented tree: one operator a line, with its statistics.
fn explain_tree(v: &serde_json::Value) -> String {
    fn walk(v: &serde_json::Value, depth: usize, out: &mut String) {
        let Some(obj) = v.as_object() else { return };
        let name = obj.get("name").and_then(|n| n.as_str()).unwrap_or("?");
        out.push_str(&"  ".repeat(depth));
        out.push_str(name);
        let mut stats = Vec::new();
        for (k, val) in obj {
            if k != "name" && k != "children" && !val.is_object() && !val.is_array() {
                stats.push(format!("{k}: {val}"));
            }
        }
        if !stats.is_empty() {
            out.push_str(&format!("  ({})", stats.join(", ")));
        }
        out.push('\n');
        if let Some(children) = obj.get("children").and_then(|c| c.as_array()) {
            for c in children {
                walk(c, depth + 1, out);
            }
        }
    }
    let mut out = String::new();
    if let Some(d) = v.get("planning duration in seconds") {
        out.push_str(&format!("planning: {d} s\n"));
    }
    if let Some(plan) = v.get("plan") {
        walk(plan, 0, &mut out);
    }
    out
}

/// Completion candidates from the store: vocabulary in use, entity IRIs and names.
fn completion_data(st: &GraphStore, shell: &Shell) -> helper::InputHelper {
    let mut h = helper::InputHelper { prefixes: shell.prefix_names(), ..Default::default() };
    let collect = |q: &str, f: &mut dyn FnMut(&Term, Option<&Term>)| {
        if let Ok(QueryResults::Solutions(s)) = st.query(q) {
            for row in s.flatten() {
                if let Some(a) = row.get("a") {
                    f(a, row.get("b"));
                }
            }
        }
    };
    let p = &shell.style.prefixes;
    collect("SELECT DISTINCT ?a WHERE { { ?s ?a ?o } UNION { ?s a ?a } }", &mut |a, _| {
        if let Term::NamedNode(n) = a {
            h.terms.push(crate::print::compact_iri(n.as_str(), p));
        }
    });
    collect(
        "SELECT ?a ?b WHERE { ?a a ?k ; schema:name ?b FILTER(?k IN (schema:Person, schema:Organization, schema:Place)) }",
        &mut |a, b| {
            if let Term::NamedNode(n) = a {
                h.terms.push(crate::print::compact_iri(n.as_str(), p));
            }
            if let Some(Term::Literal(l)) = b {
                h.names.push(l.value().to_string());
            }
        },
    );
    h.terms.retain(|t| !t.starts_with('<'));
    h.terms.sort();
    h.terms.dedup();
    h.names.sort();
    h.names.dedup();
    h
}

/// Session options from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub keep_going: bool,
    pub timeout: Option<Duration>,
    /// The most rows a query prints (0: no bound).
    pub max_rows: usize,
}

/// Runs the shell: interactive on a terminal, else the commands on standard input.
/// Returns whether every input succeeded.
pub fn run(st: &'static GraphStore, opts: &Options, out: &mut dyn Write) -> Result<bool> {
    let mut shell = Shell::new(st);
    shell.timeout = opts.timeout;
    shell.style.max_rows = opts.max_rows;
    if !std::io::stdin().is_terminal() {
        PIPED.store(true, Ordering::SeqCst);
        install_interrupt_handler();
        return run_piped(&mut shell, std::io::stdin().lock(), opts.keep_going, out, &mut std::io::stderr());
    }
    let config = Config::builder().auto_add_history(false).build();
    let mut rl: Editor<helper::InputHelper, DefaultHistory> = Editor::with_config(config)?;
    // After the editor, which takes SIGINT for itself when created: the terminal is raw while a
    // line is edited (Ctrl-C is a key then), so the signal only comes while a query runs.
    install_interrupt_handler();
    rl.set_helper(Some(completion_data(st, &shell)));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    writeln!(
        out,
        "newsgraph {}: SPARQL over {}. Type .help for commands; a query runs when it is whole (or at ;).",
        env!("CARGO_PKG_VERSION"),
        st.dir().display()
    )?;
    let mut buf = String::new();
    let mut ok = true;
    loop {
        let prompt = if buf.is_empty() { "newsgraph> " } else { "      ...> " };
        match rl.readline(prompt) {
            Ok(line) => {
                if buf.is_empty() && line.trim().is_empty() {
                    continue;
                }
                if !buf.is_empty() {
                    buf.push('\n');
                }
                buf.push_str(&line);
                if !sparql::is_complete(&buf, &shell.style.prefixes) {
                    continue;
                }
                let input = std::mem::take(&mut buf);
                let _ = rl.add_history_entry(input.as_str());
                if let Some(h) = &history {
                    // After every entry: a killed session keeps what was typed.
                    let _ = rl.save_history(h);
                }
                let mut err = std::io::stderr();
                match shell.execute(&input, out, &mut err)? {
                    Outcome::Quit => break,
                    Outcome::Failed => ok = false,
                    Outcome::Done => {}
                }
                if let Some(h) = rl.helper_mut() {
                    h.prefixes = shell.prefix_names();
                }
                out.flush()?;
            }
            Err(ReadlineError::Interrupted) => {
                if !buf.is_empty() {
                    buf.clear();
                    writeln!(out, "(input cleared)")?;
                }
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(ok)
}

/// Runs commands as they arrive on a pipe: stops at the first error unless `keep_going`.
/// Returns whether every input succeeded.
pub fn run_piped(
    shell: &mut Shell,
    input: impl std::io::BufRead,
    keep_going: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool> {
    shell.footer = false;
    let mut ok = true;
    let mut splitter = sparql::Splitter::default();
    let mut lines = input.lines();
    loop {
        let next = lines.next();
        let last = next.is_none();
        let inputs: Vec<String> = match next {
            Some(line) => splitter.push(&line.context("cannot read standard input")?, &shell.style.prefixes),
            None => splitter.finish().into_iter().collect(),
        };
        for input in inputs {
            match shell.execute(&input, out, err)? {
                Outcome::Quit => {
                    out.flush()?;
                    return Ok(ok);
                }
                Outcome::Failed => {
                    ok = false;
                    if !keep_going {
                        out.flush()?;
                        return Ok(ok);
                    }
                }
                Outcome::Done => {}
            }
        }
        out.flush()?;
        if last {
            return Ok(ok);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_default_on_when_piped() {
        assert_eq!(effective_timeout(None, true), Some(PIPED_TIMEOUT));
        assert_eq!(effective_timeout(None, false), None);
        assert_eq!(effective_timeout(Some(0.0), true), None);
        assert_eq!(effective_timeout(Some(2.5), false), Some(Duration::from_millis(2500)));
    }
}
