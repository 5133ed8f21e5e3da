fn main() -> std::process::ExitCode {
    stend::cli::main()
}
