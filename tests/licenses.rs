//! Every crate tandem builds with is under a license that lets tandem be distributed under
//! MIT: each dependency's license expression (from `cargo metadata`, offline) must allow one
//! of the permissive licenses below (or MPL-2.0, whose copyleft stays with its own files).
//! A GPL-only dependency fails this test.

use std::process::Command;

/// Licenses a dependency may be used under.
const ALLOWED: [&str; 15] = [
    "MIT",
    "Apache-2.0",
    "Apache-2.0 WITH LLVM-exception",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "0BSD",
    "ISC",
    "Zlib",
    "Unlicense",
    "BSL-1.0",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "MPL-2.0",
    "WTFPL",
    "CC0-1.0",
];

/// True when the SPDX expression `license` (also the old `MIT/Apache-2.0` form) can be met
/// with allowed licenses: every `AND` part has an allowed alternative.
fn allowed(license: &str) -> bool {
    let expr = license.replace(['(', ')'], " ").replace('/', " OR ");
    expr.split(" AND ").all(|part| {
        part.split(" OR ")
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .any(|l| ALLOWED.contains(&l.as_str()))
    })
}

#[test]
fn the_expression_reader_tells_permissive_from_copyleft() {
    assert!(allowed("MIT OR Apache-2.0"));
    assert!(allowed("MIT/Apache-2.0"));
    assert!(allowed("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(allowed("MIT OR Apache-2.0 OR LGPL-2.1-or-later"));
    assert!(!allowed("GPL-2.0-or-later"));
    assert!(!allowed("MIT AND GPL-3.0-only"));
    assert!(!allowed(""));
}

#[test]
fn every_dependency_allows_distribution_under_mit() {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--offline", "--locked", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages = meta["packages"].as_array().unwrap();
    assert!(packages.len() > 10, "the dependencies are listed");
    let bad: Vec<String> = packages
        .iter()
        .filter_map(|p| {
            let license = p["license"].as_str().unwrap_or("");
            (!allowed(license)).then(|| format!("{} {}: {license:?}", p["name"], p["version"]))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "licenses tandem cannot ship with:\n{}",
        bad.join("\n")
    );
    let own = packages
        .iter()
        .find(|p| p["name"] == env!("CARGO_PKG_NAME"))
        .and_then(|p| p["license"].as_str());
    assert_eq!(own, Some("MIT"));
}
