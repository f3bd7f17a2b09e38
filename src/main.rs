use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = newsgraph::cli::Args::parse();
    match newsgraph::run(args) {
        Ok(code) => code,
        Err(err) => {
            if err.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: {err:#}");
            ExitCode::from(2)
        }
    }
}
