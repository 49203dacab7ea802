//! Checks the built UI is there, then lets tauri-build generate the context,
//! declaring our single command so the capability system checks it.

use std::path::Path;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let index = Path::new(&manifest_dir).join("../ui/dist/index.html");
    println!("cargo:rerun-if-changed={}", index.display());
    if !index.is_file() {
        eprintln!();
        eprintln!(
            "error: the UI is not built: {} is missing.",
            index.display()
        );
        eprintln!("       Build it first:  (cd ui && npm ci && npm run build)");
        eprintln!();
        panic!("ui/dist/index.html is missing; run `cd ui && npm ci && npm run build` first");
    }

    // Our own commands are permission-checked only when declared here; the
    // capability in capabilities/default.json then grants exactly this one.
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(&["rpc"]));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
