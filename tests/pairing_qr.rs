//! `doorstep pairing-code --qr FILE`: the QR image holds exactly the payload
//! printed beside it, and that payload, scanned as it is, pairs a real
//! device with the real `doorstep serve`.

use doorstep_tests::*;
use std::collections::BTreeSet;
use std::process::Command;

/// The dark modules an SVG from `qrcode`'s renderer draws, as (column, row)
/// of the code itself: one `M{left} {top}h…` square per module, after a
/// quiet zone of 4 modules.
fn dark_modules(svg: &str, modules: usize) -> BTreeSet<(usize, usize)> {
    let side: usize = svg.split("viewBox=\"0 0 ").nth(1).and_then(|v| v.split(' ').next()).and_then(|w| w.parse().ok()).expect("a viewBox");
    let unit = side / (modules + 8);
    assert_eq!(unit * (modules + 8), side, "whole pixels per module");
    let path = svg.split(" d=\"").nth(1).and_then(|p| p.split('"').next()).expect("a path");
    path.split('M')
        .filter(|s| !s.is_empty())
        .map(|square| {
            let (left, rest) = square.split_once(' ').unwrap();
            let top = rest.split('h').next().unwrap();
            let (left, top): (usize, usize) = (left.parse().unwrap(), top.parse().unwrap());
            assert!(left % unit == 0 && top % unit == 0, "a square off the grid: {square}");
            (left / unit - 4, top / unit - 4)
        })
        .collect()
}

#[test]
fn the_qr_image_is_the_payload_and_the_payload_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 20, 5, "Mai");
    let ep = Endpoint::start(&data, 0);
    let file = dir.path().join("mai.svg");
    let out = cli_json(&data, &["pairing-code", "--user", "Mai", "--url", &ep.url, "--qr", file.to_str().unwrap(), "--json"]);
    assert_eq!(out["qr_file"].as_str(), file.to_str());
    let payload = out["qr_payload"].as_str().expect("a payload").to_owned();

    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.ends_with("</svg>"), "{svg}");
    let expected = qrcode::QrCode::new(payload.as_bytes()).unwrap();
    let n = expected.width();
    let want: BTreeSet<(usize, usize)> = expected
        .to_colors()
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == qrcode::Color::Dark)
        .map(|(i, _)| (i % n, i / n))
        .collect();
    assert_eq!(svg.matches('M').count(), want.len(), "one square per dark module");
    assert_eq!(dark_modules(&svg, n), want);

    // Scanned text goes to the app whole; it carries the endpoint's address.
    let device = doorstep_core::device::Device::open(&dir.path().join("phone")).unwrap();
    let status = device.pair(&payload, None, None).expect("pairing with the QR payload alone");
    assert!(status.people > 0, "the first sync brought Mai's list");
}

#[test]
fn a_qr_file_that_cannot_be_written_keeps_no_code() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("endpoint");
    setup_org(&data, 5, 5, "Mai");
    let codes = || {
        let store = doorstep_core::Store::open(&data.join("doorstep.db")).unwrap();
        store.conn().query_row("SELECT count(*) FROM pairing_codes", [], |r| r.get::<_, i64>(0)).unwrap()
    };
    let before = codes();
    let file = dir.path().join("no such folder").join("mai.svg");
    let out = Command::new(doorstep_bin())
        .arg("--data")
        .arg(&data)
        .args(["pairing-code", "--user", "Mai", "--url", "https://door.example.org", "--qr", file.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("--qr") && stderr.contains("no such folder"), "{stderr}");
    assert!(out.stdout.is_empty(), "no code printed: {}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(codes(), before, "no code kept");

    // --qr without --url has nothing to draw.
    let out = Command::new(doorstep_bin()).arg("--data").arg(&data).args(["pairing-code", "--user", "Mai", "--qr", file.to_str().unwrap()]).output().unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--url"));
}
