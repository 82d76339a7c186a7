//! `pifu worker` (hidden): the converter process that `pifu convert` starts
//! and restarts; reads requests on stdin, answers documents on stdout.

use super::{EXIT_FAILED, EXIT_OK};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address-space cap in bytes.
    #[arg(long, value_name = "BYTES")]
    pub max_memory: Option<u64>,
}

pub fn run(args: Args) -> u8 {
    // Panics are caught per document and reported in it; the default hook
    // would only add noise.
    std::panic::set_hook(Box::new(|_| {}));
    if let Some(m) = args.max_memory {
        pifu::worker::limit_memory(m);
    }
    match pifu::worker::serve() {
        Ok(()) => EXIT_OK,
        Err(_) => EXIT_FAILED,
    }
}
