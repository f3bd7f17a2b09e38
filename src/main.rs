use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = newsgraph::cli::Args::parse();
    match newsgraph::run(args) {
        Ok(code) => code,
        Err(err) => {
            // A reader that stopped early (`| head`) is not an error.
            let closed_pipe = err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if closed_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: {err:#}");
            ExitCode::from(2)
        }
    }
}
