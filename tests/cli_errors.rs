//! Files that cannot be read end `tandem parse` with exit code 2 and one clear line on stderr.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `tandem parse` with extra arguments and returns what it did.
fn tandem_parse(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("parse")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the tandem binary runs")
}

/// Asserts a clean failure: code 2, nothing on stdout, one stderr line naming `path` and `reason`.
fn assert_refused(output: &Output, path: &Path, reason: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "exactly one line: {stderr:?}");
    assert!(stderr.ends_with('\n'), "{stderr:?}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(
        stderr.contains(reason),
        "gives the reason '{reason}': {stderr}"
    );
}

/// Writes `bytes` to a new file called `name` in `dir`.
fn write_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("temp file written");
    path
}

/// Deterministic noise with NULs (xorshift), like a compressed or executable file.
fn noise(len: usize) -> Vec<u8> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 32) as u8
        })
        .collect()
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-call.txt");
    assert_refused(&tandem_parse(&[path.as_os_str()]), &path, "no such file");
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    let output = tandem_parse(&[dir.path().as_os_str()]);
    assert_refused(&output, dir.path(), "it is a directory");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "empty.txt", b"");
    assert_refused(&tandem_parse(&[path.as_os_str()]), &path, "empty");
}

#[test]
fn blank_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "blank.txt", b" \r\n\t\n\xE3\x80\x80\n");
    assert_refused(&tandem_parse(&[path.as_os_str()]), &path, "empty");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = noise(4096);
    assert!(bytes.contains(&0), "the noise has NUL bytes");
    let path = write_file(&dir, "image.bin", &bytes);
    assert_refused(&tandem_parse(&[path.as_os_str()]), &path, "binary");
}

#[test]
fn unknown_encoding_label() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(&dir, "call.txt", b"Operator: Good morning.\n");
    let output = tandem_parse(&["--encoding".as_ref(), "klingon".as_ref(), path.as_os_str()]);
    assert_refused(&output, &path, "unknown encoding 'klingon'");
}

/// Runs `tandem ARGS` with `config` as the config directory.
fn tandem_with(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env("TANDEM_CONFIG_DIR", config)
        .output()
        .unwrap()
}

#[test]
fn recent_files_before_any_was_read_say_so_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = tandem_with(dir.path(), &["--recent"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no recently opened calls"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing drawn");
    let both = tandem_with(dir.path(), &["--recent", "call.txt"]);
    assert_eq!(both.status.code(), Some(2), "a file and --recent conflict");
    // Every remembered file has gone since.
    let gone = dir.path().join("gone.txt");
    std::fs::write(&gone, "x").unwrap();
    tandem::config::recent::record(dir.path(), &gone).unwrap();
    std::fs::remove_file(&gone).unwrap();
    let out = tandem_with(dir.path(), &["--recent"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("none of the 1 recently opened files"),
        "{stderr}"
    );
}

#[test]
fn options_may_come_before_the_command_files_may_not() {
    let dir = tempfile::tempdir().unwrap();
    let call = write_file(
        &dir,
        "call.txt",
        "Operator\nWelcome.\n\nJane Doe - CEO\nRevenue grew.\n".as_bytes(),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["--encoding", "utf-8", "parse"])
        .arg(&call)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Jane Doe"));
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg(&call)
        .arg("parse")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot come before a command"));
}

#[test]
fn broken_or_empty_json_is_named() {
    let dir = tempfile::tempdir().unwrap();
    // Cut off mid-way (a truncated download): where it breaks.
    let cut = write_file(
        &dir,
        "cut.txt",
        b"{\"q_and_a\": [{\"speaker\": \"Operator\", \"speech\": \"Welc",
    );
    assert_refused(
        &tandem_parse(&[cut.as_os_str()]),
        &cut,
        "the JSON is damaged (line 1, column",
    );
    // Well-formed, but not a transcript (the extension says nothing either way).
    let other = write_file(
        &dir,
        "prices.json",
        b"{\"prices\": [1.5, 2.25], \"ok\": true}",
    );
    assert_refused(
        &tandem_parse(&[other.as_os_str()]),
        &other,
        "this JSON holds no transcript",
    );
}

/// Runs tandem with `args` (and `TANDEM_CONFIG_DIR`), failing the test if it has not ended
/// within ten seconds: a pipe must never make it wait.
#[cfg(unix)]
fn finishes(args: &[&std::ffi::OsStr], config: &Path) -> Output {
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env("TANDEM_CONFIG_DIR", config)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("tandem {args:?} hung on a pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
fn fifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
#[cfg(unix)]
fn pipes_are_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    // A transcript that is a named pipe with no writer.
    let pipe = dir.path().join("call.txt");
    fifo(&pipe);
    let out = finishes(&["parse".as_ref(), pipe.as_os_str()], dir.path());
    assert_refused(&out, &pipe, "a pipe, socket or device");
    // The bookmarks file a pipe: `bookmarks list` ends and says why.
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    fifo(&config.join("bookmarks.json"));
    let out = finishes(&["bookmarks".as_ref(), "list".as_ref()], &config);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
    assert!(
        config.join("bookmarks.json").exists(),
        "the pipe is left where it is"
    );
}
