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
    about = "Turn published 绩效目标批复 documents (PDF, HTML, XLSX, XLS, DOCX or text dumps) into JSON and CSV"
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

/// mimalloc asks the kernel for transparent huge pages for its arena, so
/// the first touch of every 2 MiB region zeroes all of it, and a region
/// it gives back is zeroed again when reused. A process that converts
/// small documents touches far less than that: on a batch of HTML pages
/// this doubled peak memory and cost about 8 % of the wall time. The flag
/// is inherited by the worker processes. It is set from `.init_array`,
/// before the Rust runtime's first allocation: set in `main`, it came
/// after mimalloc had already faulted in (and zeroed) its first huge pages.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static WITHOUT_HUGE_PAGES: extern "C" fn() = without_huge_pages;

#[cfg(target_os = "linux")]
extern "C" fn without_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes only
    // this process's memory policy; a kernel without it returns an error,
    // which leaves the default in place.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
