//! Integration tests: the real binary on a real store in a temporary folder.

// Helpers: temp dirs, running the binary, parsing CSV results.
mod util;
// ingest, query, export on the example articles.
mod pipeline;
// Bounded work: row and size bounds on query output.
mod bounded;
// Special files, odd file names, byte order marks and UTF-16.
mod inputs;
// Writers killed at random moments; a full disk.
mod crash;
// Two writers; readers beside a writer.
mod concurrency;
// Bad input, duplicates, locks and interrupted writes.
mod robustness;
// The REPL driven through a pipe.
mod repl;
// The REPL in a pseudo-terminal: prompts, Ctrl-C, history, completion.
mod pty;
// The store under change: re-ingest, order, collisions, removal, persistence.
mod store;
// Seed quality floor (score.py on the exported graph).
mod eval;
