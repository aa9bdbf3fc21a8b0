//! The layers of ARCHITECTURE.md, held by a test: every `crate::…` path in `src/` (and
//! every `super::…` that climbs out of a folder) must point at the same layer or one below;
//! `app` never reaches `ui`; the top-level modules import each other without a cycle; the
//! domain and the config layer neither draw nor print.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first, and the top-level modules in each.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "call",
            "ingest",
            "transcript",
            "align",
            "numbers",
            "bookmarks",
            "script",
            "wrap",
            "persist",
            "printable",
            "quick_hash",
        ],
    ),
    ("config", &["config"]),
    ("reader", &["reader", "app", "ui", "library"]),
    ("commands", &["cli", "commands", "main"]),
];

/// Pairs (from, to) forbidden even though the layers allow them.
const FORBIDDEN: &[(&str, &str)] = &[("app", "ui")];

/// What the domain and the config layer must not contain (outside comments).
const NOT_BELOW_READER: &[&str] = &["ratatui", "crossterm", "println!", "print!(", "stdout()"];

/// The layer index of a top-level module, if it is one of ours.
fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

/// The module path of a source file: `src/a/b.rs` is `[a, b]`, `src/a/mod.rs` is `[a]`,
/// `src/a/b_tests.rs` (included with `#[path]` as `b`'s tests) is `[a, b, tests]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.trim_end_matches(".rs");
    match stem {
        "mod" | "lib" => {}
        _ => match stem.strip_suffix("_tests") {
            Some(of) => parts.extend([of.to_string(), "tests".to_string()]),
            None => parts.push(stem.to_string()),
        },
    }
    parts
}

/// `src` without comments (line and block) and without string literals' contents, so a
/// path named in prose or a message is not taken for an import.
fn code_only(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let end = src[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            i = end;
        } else if b[i] == b'"' && (i == 0 || b[i - 1] != b'\'') {
            // Skip a string literal (raw strings' quotes hold no `crate::` worth reading).
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else {
            let c = src[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules `code` (of the module at `path`) refers to.
fn targets(code: &str, path: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let reexports = [
        "Block",
        "Lang",
        "Question",
        "Section",
        "Speaker",
        "SpeakerKind",
    ];
    let mut add = |name: &str| {
        let name = if reexports.contains(&name) || name == "Transcript" || name == "Turn" {
            "transcript"
        } else {
            name
        };
        if !name.is_empty() {
            out.insert(name.to_string());
        }
    };
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // `tandem_crate::` or similar
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            // Top-level names of the group: those at its start or after a comma at depth 0.
            let mut depth = 0;
            let mut start = true;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        add(ident(&inner[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            add(ident(rest));
        }
    }
    for (at, _) in code.match_indices("super::") {
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // counted from the first `super::`
        }
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        // `super` from a module at depth 1 or more reaches the root only by climbing all
        // the way; anything shallower stays inside the folder.
        if ups >= path.len() {
            add(ident(rest));
        }
    }
    out
}

/// Every `.rs` file under `dir`, relative to it.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// What is wrong with one file: imports that run up a layer or are forbidden, and terminal
/// or printing code below the reader. Also returns the top-level modules it imports.
fn check_file(rel: &Path, src: &str) -> (Vec<String>, String, BTreeSet<String>) {
    let path = module_path(rel);
    let module = path.first().cloned().unwrap_or_else(|| "lib".into());
    let code = code_only(src);
    let mut problems = Vec::new();
    let found = targets(&code, &path);
    let from = layer(&module);
    for t in &found {
        if *t == module {
            continue;
        }
        let Some(to) = layer(t) else {
            continue;
        };
        if let Some(from) = from
            && to > from
        {
            problems.push(format!(
                "{}: the {} layer imports `{t}` from the {} layer above it",
                rel.display(),
                LAYERS[from].0,
                LAYERS[to].0
            ));
        }
        if FORBIDDEN.contains(&(module.as_str(), t.as_str())) {
            problems.push(format!("{}: `{module}` imports `{t}`", rel.display()));
        }
    }
    if from.is_some_and(|l| l < 2) {
        for bad in NOT_BELOW_READER {
            if code.contains(bad) {
                problems.push(format!(
                    "{}: `{bad}` below the reader (the domain and config neither draw nor print)",
                    rel.display()
                ));
            }
        }
    }
    (problems, module, found)
}

/// A cycle in `graph`, if there is one (as the modules along it).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(2) => return None,
            Some(1) => {
                let from = stack.iter().position(|s| s == n).unwrap_or(0);
                let mut c = stack[from..].to_vec();
                c.push(n.to_string());
                return Some(c);
            }
            _ => {}
        }
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

#[test]
fn imports_follow_the_layers_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let files = sources(&src);
    assert!(files.len() > 50, "the sources were found");
    for rel in files {
        let text = std::fs::read_to_string(src.join(&rel)).unwrap();
        let (p, module, found) = check_file(&rel, &text);
        problems.extend(p);
        assert!(
            layer(&module).is_some() || module == "lib",
            "{}: top-level module `{module}` is in no layer: add it to LAYERS (and ARCHITECTURE.md)",
            rel.display()
        );
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(
            found
                .into_iter()
                .filter(|t| *t != module && layer(t).is_some()),
        );
    }
    graph.remove("lib");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    if let Some(c) = cycle(&graph) {
        panic!(
            "the top-level modules import each other in a circle: {}",
            c.join(" → ")
        );
    }
}

#[test]
fn the_checker_catches_what_it_is_for() {
    let flagged = |rel: &str, src: &str| !check_file(Path::new(rel), src).0.is_empty();
    assert!(flagged(
        "bookmarks/cli.rs",
        "use crate::commands::write_stdout;"
    ));
    assert!(flagged(
        "numbers/check.rs",
        "use crate::{cli::CheckArgs, transcript};"
    ));
    assert!(flagged(
        "app/search.rs",
        "use crate::ui::layout::{LangView, Src};"
    ));
    assert!(flagged("config/settings.rs", "crate::app::keys::check(&k)"));
    assert!(flagged(
        "script.rs",
        "use crate::config::settings::ChineseScript;"
    ));
    assert!(flagged("transcript/qa.rs", "fn f() { println!(\"x\"); }"));
    assert!(flagged("app/mod.rs", "use super::ui::draw;"));
    assert!(flagged("app/x/y.rs", "use super::super::super::ui::draw;"));
    // Allowed: down the layers, inside a folder, and names in comments or strings.
    assert!(!flagged("ui/reading.rs", "use crate::app::layout::Row;"));
    assert!(!flagged(
        "app/marks.rs",
        "use super::state::App; use crate::bookmarks::Store;"
    ));
    assert!(!flagged(
        "align/mod.rs",
        "// see crate::ui::draw\nlet s = \"crate::ui\";"
    ));
    assert!(!flagged(
        "commands/read.rs",
        "use crate::{reader, library::browse};"
    ));

    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into();
    assert!(cycle(&graph).is_some());
}
