use clap::Parser;

fn main() {
    let _cli = connect_tui::cli::Cli::parse();
}
