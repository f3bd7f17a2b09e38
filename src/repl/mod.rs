//! The interactive SPARQL shell: a rustyline loop, dot-commands, tables.
//!
//! Input is complete when it is a dot-command or a query whose braces are
//! balanced and that ends with `}` or `;` (a trailing `;` is dropped), so
//! multi-line queries run when they are whole. Piped standard input works the
//! same, without a prompt.

pub mod command;
mod helper;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};

use crate::cli::ResultFormat;
use crate::store::{Access, GraphStore};
use command::Command;

/// Opens the store for the REPL; an empty store first gets the example corpus.
pub fn open_for_repl(dir: &Path, err: &mut dyn Write) -> Result<GraphStore> {
    let st = match GraphStore::open(dir, Access::Write) {
        // A writer (an ingest) is at work: read beside it, following its commits.
        Err(crate::store::StoreError::Locked { .. }) => return Ok(GraphStore::open(dir, Access::Read)?),
        r => r?,
    };
    crate::migrate(&st, err)?;
    if st.is_empty()? {
        let corpus = crate::default_corpus();
        writeln!(
            err,
            "The store at {} is empty: ingesting the example articles in {} ...",
            dir.display(),
            corpus.display()
        )?;
        let report = crate::ingest_paths(&st, &[corpus], err)?;
        report.print(err)?;
    }
    // The shell only reads from here on: other shells and queries may share the store.
    st.downgrade()?;
    Ok(st)
}

fn history_path() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".newsgraph_history"))
}

pub fn run(st: &GraphStore, out: &mut dyn Write) -> Result<()> {
    let interactive = std::io::stdin().is_terminal();
    if !interactive {
        return run_piped(st, std::io::stdin().lock(), out);
    }
    let config = Config::builder().auto_add_history(true).build();
    let mut rl: Editor<helper::InputHelper, DefaultHistory> = Editor::with_config(config)?;
    rl.set_helper(Some(helper::InputHelper));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    writeln!(
        out,
        "newsgraph {}: SPARQL over {}. Type .help for commands; end a query with ; or }}.",
        env!("CARGO_PKG_VERSION"),
        st.dir().display()
    )?;
    loop {
        match rl.readline("newsgraph> ") {
            Ok(line) => {
                if !execute(st, &line, out)? {
                    break;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(h) = &history {
        let _ = rl.save_history(h);
    }
    Ok(())
}

/// Runs commands read from a pipe: each complete input as soon as it is whole.
pub fn run_piped(st: &GraphStore, input: impl std::io::BufRead, out: &mut dyn Write) -> Result<()> {
    let mut buf = String::new();
    for line in input.lines() {
        let line = line?;
        if buf.is_empty() && line.trim().is_empty() {
            continue;
        }
        if !buf.is_empty() {
            buf.push('\n');
        }
        buf.push_str(&line);
        if command::is_complete(&buf) {
            let input = std::mem::take(&mut buf);
            if !execute(st, &input, out)? {
                return Ok(());
            }
        }
    }
    if !buf.trim().is_empty() {
        execute(st, &buf, out)?;
    }
    Ok(())
}

/// Executes one complete input. Returns false when the user asked to quit.
fn execute(st: &GraphStore, input: &str, out: &mut dyn Write) -> Result<bool> {
    let started = Instant::now();
    match Command::parse(input) {
        Ok(Command::Quit) => return Ok(false),
        Ok(Command::Help) => writeln!(out, "{}", command::HELP)?,
        Ok(Command::Prefixes) => {
            for (p, iri) in crate::rdf::vocab::PREFIXES {
                writeln!(out, "PREFIX {p}: <{iri}>")?;
            }
        }
        Ok(Command::Stats) => {
            let s = st.stats()?;
            writeln!(out, "articles: {}", s.articles)?;
            for (k, v) in &s.entities {
                writeln!(out, "{k}: {v}")?;
            }
            writeln!(out, "quotes: {}\ntriples: {}", s.quotes, s.triples)?;
        }
        Ok(Command::Export { format, path }) => match crate::export(st, format, Some(&path), out) {
            Ok(()) => writeln!(out, "exported to {}", path.display())?,
            Err(e) => writeln!(out, "error: {e:#}")?,
        },
        Ok(Command::Query(q)) => match st.query(&q) {
            Ok(results) => match crate::print::print_results(results, ResultFormat::Table, out) {
                Ok(n) => writeln!(
                    out,
                    "{n} row{} in {:.3} s",
                    if n == 1 { "" } else { "s" },
                    started.elapsed().as_secs_f64()
                )?,
                Err(e) => writeln!(out, "error: {e}")?,
            },
            Err(e) => writeln!(out, "error: {e}")?,
        },
        Err(e) => writeln!(out, "error: {e}")?,
    }
    Ok(true)
}
