use doorstep_gen::{GenOptions, Layout, voters, write_voters};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: u64 = args[2].parse().unwrap();
    let seed: u64 = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(1);
    let t = std::time::Instant::now();
    if args[1] == "gen" {
        let n = voters(seed).take(count as usize).map(|v| v.family_name.len()).sum::<usize>();
        eprintln!("{n} bytes of names in {:?}", t.elapsed());
        return;
    }
    let layout: Layout = args[1].parse().unwrap();
    let out = std::io::stdout().lock();
    let n = write_voters(&GenOptions { count, seed, layout }, out).unwrap();
    eprintln!("{n} rows in {:?}", t.elapsed());
}
