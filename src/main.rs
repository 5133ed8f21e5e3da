//! The `stend` binary: the command line and the preview server ([`cmd`]) over the library.

mod cmd;

// mimalloc keeps freed memory for reuse instead of returning it to the kernel at once; with the
// system allocator the compressors' per-file tables were re-faulted and zeroed by the kernel
// thousands of times, and system time dominated the build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cmd::main()
}
