//! `doorstep bench`: the speed and memory figures the README quotes.
pub use args::BenchArgs;
mod args {
    #[derive(clap::Args)]
    pub struct BenchArgs {}
}
pub fn run(_args: BenchArgs) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
