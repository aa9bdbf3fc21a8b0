//! Shell integration: completions, the man page, --version, and `tandem config`.

use std::process::{Command, Output};

fn tandem(args: &[&str], config_dir: Option<&std::path::Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.args(args);
    if let Some(dir) = config_dir {
        cmd.env("TANDEM_CONFIG_DIR", dir);
    }
    cmd.output().expect("binary runs")
}

#[test]
fn completions_cover_the_subcommands_in_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = tandem(&["completions", shell], None);
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("tandem"), "{shell}");
        for sub in ["parse", "config", "completions"] {
            assert!(text.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    assert_eq!(
        tandem(&["completions", "tcsh"], None).status.code(),
        Some(2)
    );
}

#[test]
fn man_page_and_version() {
    let man = String::from_utf8(tandem(&["man"], None).stdout).unwrap();
    assert!(man.contains(".TH tandem 1"), "{man}");
    assert!(man.contains("parse"));
    let version = String::from_utf8(tandem(&["--version"], None).stdout).unwrap();
    assert_eq!(
        version.trim(),
        format!("tandem {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn config_init_writes_once_and_never_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let out = tandem(&["config", "path"], Some(dir.path()));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        path.display().to_string()
    );
    assert!(!path.exists());

    let out = tandem(&["config", "init"], Some(dir.path()));
    assert!(out.status.success());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        tandem::config::settings::parse(&written, &path, tandem::app::keys::check).unwrap(),
        tandem::config::settings::Settings::default()
    );

    std::fs::write(&path, "theme = \"light\"\n").unwrap();
    let out = tandem(&["config", "init"], Some(dir.path()));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("already exists")
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "theme = \"light\"\n"
    );
}
