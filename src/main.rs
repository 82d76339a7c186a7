//! The `pifu` command: a thin layer over the library, one module per
//! subcommand in `cmd/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

// A document is converted through many small allocations (glyphs, cells,
// strings); glibc's allocator spent about a third of the run time on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "pifu",
    version,
    about = "Turn published 绩效目标批复 documents (PDF or text dumps) into JSON and CSV"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Convert(cmd::convert::Args),
    Diff(cmd::diff::Args),
    Inspect(cmd::inspect::Args),
    Text(cmd::text::Args),
    #[command(hide = true)]
    Worker(cmd::worker::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Convert(a) => cmd::convert::run(a),
        Command::Diff(a) => cmd::diff::run(a),
        Command::Inspect(a) => cmd::inspect::run(a),
        Command::Text(a) => cmd::text::run(a),
        Command::Worker(a) => cmd::worker::run(a),
    };
    ExitCode::from(code)
}
