//! Searching every call of a library: each call's paragraphs, notes and speakers, folded
//! once (lower case, Chinese in Simplified characters) and kept in the cache directory as
//! three files named by the call's hash — `HASH.vN.fold`, the folded texts one per line,
//! which a search reads whole; `HASH.vN.segs`, the speakers, then a line per text saying
//! where it is in the call and in `HASH.vN.text`, the original texts — those two read only
//! for the calls that match, and only the lines of the texts that match parsed. A warm
//! search reads no transcript and parses nothing large.

use std::path::{Path, PathBuf};

use memchr::memmem;
use serde::Serialize;

use crate::transcript::{Block, SpeakerKind, Transcript};

/// The folder of the index in the cache directory.
pub const DIR: &str = "search";
/// The index's format, in its files' names: files of another are built again.
const VERSION: u32 = 5;
/// Hits kept per search at most (the count goes on).
pub const MAX_HITS: usize = 2_000;
/// Characters of context each side of a match in a snippet.
const CONTEXT: usize = 60;

/// What a text of a call is (`tandem search --json` names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    En,
    Zh,
    Note,
    /// A speaker's name, role and firm (the first turn they speak).
    Speaker,
}

/// One text of a call, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub turn: u32,
    pub block: u32,
    pub kind: Kind,
    /// Index into [`Meta::speakers`].
    pub speaker: u32,
    /// The question it belongs to (0: none).
    pub question: u32,
    /// Where the text is in the `.text` file: byte offset and length.
    pub at: (u32, u32),
    /// The text (kept in the `.text` file).
    pub text: String,
}

/// Where each text of a call is, with the call's speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub speakers: Vec<String>,
    pub segs: Vec<Seg>,
}

/// Folds text for searching: lower case (one character for one), Chinese in Simplified
/// characters, line breaks as spaces.
pub fn fold(text: &str) -> String {
    let simple = crate::script::fold_chars(text);
    simple
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' {
                return ' ';
            }
            crate::script::lower_one(c)
        })
        .collect()
}

/// The texts of `t` that a search looks in, in reading order.
pub fn segments(t: &Transcript) -> Meta {
    let mut segs = Vec::new();
    let mut introduced = vec![false; t.speakers.len()];
    for (ti, turn) in t.turns.iter().enumerate() {
        let at = |block: usize, kind: Kind, text: &str| Seg {
            turn: ti as u32,
            block: block as u32,
            kind,
            speaker: turn.speaker as u32,
            question: turn.question.unwrap_or(0) as u32,
            at: (0, 0),
            text: text.to_string(),
        };
        if let Some(seen) = introduced.get_mut(turn.speaker)
            && !*seen
        {
            // The person once, by name in both scripts, with an analyst's firm (an
            // executive's is the call's company, found everywhere anyway).
            *seen = true;
            let s = &t.speakers[turn.speaker];
            let firm = s.firm.as_ref().filter(|_| s.kind == SpeakerKind::Analyst);
            let who: Vec<&str> = [Some(&s.name), s.name_alt.as_ref(), firm]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            segs.push(Seg {
                question: 0,
                ..at(0, Kind::Speaker, &who.join(" · "))
            });
        }
        for (bi, b) in turn.blocks.iter().enumerate() {
            match b {
                Block::Para { en, zh } => {
                    if let Some(e) = en {
                        segs.push(at(bi, Kind::En, e));
                    }
                    if let Some(z) = zh {
                        segs.push(at(bi, Kind::Zh, z));
                    }
                }
                Block::Note { note } => segs.push(at(bi, Kind::Note, note)),
            }
        }
    }
    Meta {
        speakers: t.speakers.iter().map(|s| s.name.clone()).collect(),
        segs,
    }
}

/// The index files of call `hash` in `dir`: folded texts, places, original texts.
fn paths(dir: &Path, hash: &str) -> (PathBuf, PathBuf, PathBuf) {
    let base = dir.join(DIR);
    let name = |ext: &str| base.join(format!("{hash}.v{VERSION}.{ext}"));
    (name("fold"), name("segs"), name("text"))
}

/// Writes the index of `t` (call `hash`) in `dir`: the places first, then the folded texts,
/// so that a folded file is never there without its places.
pub fn write(dir: &Path, hash: &str, t: &Transcript) -> std::io::Result<()> {
    let mut meta = segments(t);
    let mut folded = String::new();
    let mut texts = String::new();
    for s in &mut meta.segs {
        folded.push_str(&fold(&s.text));
        folded.push('\n');
        s.at = (texts.len() as u32, s.text.len() as u32);
        texts.push_str(&s.text);
    }
    let (fold_path, segs_path, text_path) = paths(dir, hash);
    std::fs::create_dir_all(dir.join(DIR))?;
    // A cache: renamed into place (never half a file), not synced to the disk.
    crate::persist::write_cache_file(&text_path, texts.as_bytes())?;
    crate::persist::write_cache_file(&segs_path, seg_lines(&meta).as_bytes())?;
    crate::persist::write_cache_file(&fold_path, folded.as_bytes())
}

/// The `.segs` file: the speakers on one line (tab-separated), then a line per text:
/// turn, block, kind, speaker, question, offset and length in the `.text` file.
fn seg_lines(meta: &Meta) -> String {
    let mut out: String = meta
        .speakers
        .iter()
        .map(|s| s.replace(['\t', '\n'], " "))
        .collect::<Vec<_>>()
        .join("\t");
    out.push('\n');
    for s in &meta.segs {
        let kind = match s.kind {
            Kind::En => 'e',
            Kind::Zh => 'z',
            Kind::Note => 'n',
            Kind::Speaker => 's',
        };
        out.push_str(&format!(
            "{} {} {kind} {} {} {} {}\n",
            s.turn, s.block, s.speaker, s.question, s.at.0, s.at.1
        ));
    }
    out
}

/// One `.segs` line back, with its text from `texts`.
fn parse_seg(line: &[u8], texts: &[u8]) -> Option<Seg> {
    let line = std::str::from_utf8(line).ok()?;
    let mut f = line.split(' ');
    let mut num = || f.next()?.parse::<u32>().ok();
    let (turn, block) = (num()?, num()?);
    let kind = match f.next()? {
        "e" => Kind::En,
        "z" => Kind::Zh,
        "n" => Kind::Note,
        "s" => Kind::Speaker,
        _ => return None,
    };
    let mut num = || f.next()?.parse::<u32>().ok();
    let (speaker, question, at, len) = (num()?, num()?, num()?, num()?);
    let bytes = texts.get(at as usize..(at + len) as usize)?;
    Some(Seg {
        turn,
        block,
        kind,
        speaker,
        question,
        at: (at, len),
        text: std::str::from_utf8(bytes).ok()?.to_string(),
    })
}

/// The speakers of call `hash` and its texts numbered `wanted` (ascending; all when None),
/// if its index is there.
fn read_segs(dir: &Path, hash: &str, wanted: Option<&[usize]>) -> Option<Meta> {
    let (_, segs_path, text_path) = paths(dir, hash);
    let lines = std::fs::read(segs_path).ok()?;
    let texts = std::fs::read(text_path).ok()?;
    let mut rows = lines.split(|&b| b == b'\n');
    let speakers = std::str::from_utf8(rows.next()?)
        .ok()?
        .split('\t')
        .map(String::from)
        .collect();
    let mut segs = Vec::new();
    let mut want = wanted.map(|w| w.iter().copied().peekable());
    for (k, row) in rows.enumerate() {
        if let Some(w) = want.as_mut() {
            match w.peek() {
                None => break,
                Some(&next) if next != k => continue,
                _ => {
                    w.next();
                }
            }
        }
        if row.is_empty() {
            continue;
        }
        segs.push(parse_seg(row, &texts)?);
    }
    Some(Meta { speakers, segs })
}

/// The places and texts of call `hash`, if its index is there.
pub fn read_meta(dir: &Path, hash: &str) -> Option<Meta> {
    read_segs(dir, hash, None)
}

/// Removes from `dir`'s index the files of calls not in `keep` and of other index versions
/// (the calls' files changed or went away). Only files named as the index names them are
/// touched.
pub fn prune(dir: &Path, keep: &std::collections::HashSet<&str>) {
    let Ok(entries) = std::fs::read_dir(dir.join(DIR)) else {
        return;
    };
    let current = format!("v{VERSION}");
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let mut parts = name.split('.');
        let (Some(hash), Some(version), Some(ext), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let ours = hash.len() == 16
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
            && version.starts_with('v')
            && matches!(ext, "fold" | "segs" | "text" | "json");
        if ours && (version != current || !keep.contains(hash)) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// One place a query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Index of the text in the call's [`Meta::segs`].
    pub seg: usize,
    /// How many times the query occurs in it.
    pub count: usize,
}

/// Where the folded `query` occurs in call `hash`'s folded texts (one entry per text, in
/// order); None when the call has no index.
pub fn find_in(dir: &Path, hash: &str, finder: &memmem::Finder) -> Option<Vec<Found>> {
    let (fold_path, _, _) = paths(dir, hash);
    let bytes = std::fs::read(fold_path).ok()?;
    Some(find_folded(&bytes, finder))
}

/// A snippet of `text` around the first match of the folded `query`: the snippet, and the
/// match's byte range in it (None when the match cannot be placed: folding moved it).
pub fn snippet(text: &str, query: &str) -> (String, Option<(usize, usize)>) {
    // Folded whole; when that moved character boundaries (rare), character by character,
    // remembering where each folded byte came from.
    let whole = fold(text);
    let same = whole.len() == text.len()
        && whole
            .char_indices()
            .map(|(i, _)| i)
            .eq(text.char_indices().map(|(i, _)| i));
    let (folded, from): (String, Vec<usize>) = if same {
        (whole, (0..=text.len()).collect())
    } else {
        let mut folded = String::with_capacity(text.len());
        let mut from = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            let f = fold(c.encode_utf8(&mut [0; 4]));
            folded.push_str(&f);
            from.extend(std::iter::repeat_n(i, f.len()));
        }
        from.push(text.len());
        (folded, from)
    };
    let Some(at) = folded.find(query) else {
        return (ellipsis(text, 0, text.len().min(2 * CONTEXT)), None);
    };
    let (start, end) = (from[at], from[at + query.len()]);
    let (end, start) = (ceil_char(text, end.max(start + 1).min(text.len())), start);
    let before = text[..start]
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let after = text[end..]
        .char_indices()
        .nth(CONTEXT)
        .map_or(text.len(), |(i, _)| end + i);
    let lead = if before > 0 { "…" } else { "" };
    let shown = ellipsis(text, before, after);
    let m = (lead.len() + start - before, lead.len() + end - before);
    (shown, Some(m))
}

/// `text[from..to]` on one line, with `…` where it was cut.
fn ellipsis(text: &str, from: usize, to: usize) -> String {
    let to = ceil_char(text, to);
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.push_str(&text[from..to].replace(['\n', '\r', '\t'], " "));
    if to < text.len() {
        s.push('…');
    }
    s
}

/// The first character boundary at or after `i`.
fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// A call to search: its file and its hash (the index's name).
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub hash: String,
}

/// A text that matched, in a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the call in the targets searched.
    pub call: usize,
    pub turn: u32,
    pub block: u32,
    pub kind: Kind,
    pub speaker: String,
    /// 0: not in a question.
    pub question: u32,
    /// The text around the match, on one line, and the match's byte range in it.
    pub snippet: String,
    pub mark: Option<(usize, usize)>,
    /// Matches in the text.
    pub count: usize,
}

/// What a search found: the hits (at most [`MAX_HITS`]), how many texts matched in all, and
/// the calls that could not be read (file and why).
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub failed: Vec<(PathBuf, String)>,
}

/// Finds `query` in every call of `targets`, in their order, with the index in the cache
/// directory `dir` (built for the calls that have none, a worker per core; without a
/// directory each call is read and folded in memory).
pub fn search(
    dir: Option<&Path>,
    targets: &[Target],
    query: &str,
    encoding: Option<&str>,
) -> Outcome {
    let q = fold(query.trim());
    let mut out = Outcome::default();
    if q.is_empty() {
        return out;
    }
    let finder = memmem::Finder::new(q.as_bytes());
    // Each call's folded texts from its index; a call without one is read (and indexed)
    // first. A worker per core.
    type Searched = Option<(Vec<Found>, Option<Meta>)>;
    let found = par_map(targets, |target| -> Result<Searched, String> {
        if let Some(f) = dir.and_then(|d| find_in(d, &target.hash, &finder)) {
            return Ok(Some((f, None)));
        }
        Ok(match build(dir, target, encoding)? {
            Some((meta, folded)) => Some((find_folded(folded.as_bytes(), &finder), Some(meta))),
            None => dir
                .and_then(|d| find_in(d, &target.hash, &finder))
                .map(|f| (f, None)),
        })
    });
    let found: Vec<Searched> = found
        .into_iter()
        .zip(targets)
        .map(|(r, t)| {
            r.unwrap_or_else(|e| {
                out.failed.push((t.path.clone(), e));
                None
            })
        })
        .collect();
    // The calls whose hits are listed (in order, up to the cap), then their texts read and
    // cut into snippets a few calls at once.
    let mut listed: Vec<(usize, Vec<Found>, Option<Meta>)> = Vec::new();
    let mut room = MAX_HITS;
    for (i, f) in found.into_iter().enumerate() {
        let Some((mut places, meta)) = f else {
            continue;
        };
        out.total += places.len();
        if places.is_empty() || room == 0 {
            continue;
        }
        places.truncate(room);
        room -= places.len();
        listed.push((i, places, meta));
    }
    let hits = par_map(&listed, |(i, places, meta)| {
        let mut read = None;
        let meta = match meta {
            Some(m) => m,
            None => {
                let wanted: Vec<usize> = places.iter().map(|p| p.seg).collect();
                read = dir.and_then(|d| read_segs(d, &targets[*i].hash, Some(&wanted)));
                match &read {
                    Some(m) => m,
                    None => return Vec::new(),
                }
            }
        };
        // Read from the index, `segs` holds only the texts wanted, in order.
        let from_index = read.is_some();
        places
            .iter()
            .enumerate()
            .filter_map(|(k, p)| {
                let seg = if from_index {
                    meta.segs.get(k)
                } else {
                    meta.segs.get(p.seg)
                }?;
                let (snippet, mark) = snippet(&seg.text, &q);
                Some(Hit {
                    call: *i,
                    turn: seg.turn,
                    block: seg.block,
                    kind: seg.kind,
                    speaker: meta
                        .speakers
                        .get(seg.speaker as usize)
                        .cloned()
                        .unwrap_or_default(),
                    question: seg.question,
                    snippet,
                    mark,
                    count: p.count,
                })
            })
            .collect::<Vec<Hit>>()
    });
    out.hits = hits.into_iter().flatten().collect();
    out
}

/// Reads and indexes one call: Some(places, folded texts) when it is kept in memory (no
/// directory, or the index could not be written).
fn build(
    dir: Option<&Path>,
    target: &Target,
    encoding: Option<&str>,
) -> Result<Option<(Meta, String)>, String> {
    let t = crate::call::load(&target.path, &crate::call::Options::with_encoding(encoding))
        .map_err(|e| e.reason)?;
    if let Some(d) = dir
        && write(d, &target.hash, &t).is_ok()
    {
        return Ok(None);
    }
    let meta = segments(&t);
    let folded: String = meta.segs.iter().map(|s| fold(&s.text) + "\n").collect();
    Ok(Some((meta, folded)))
}

/// [`find_in`] on folded texts in memory.
fn find_folded(bytes: &[u8], finder: &memmem::Finder) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let (mut seg, mut line_start) = (0usize, 0usize);
    let mut lines = memchr::memchr_iter(b'\n', bytes);
    let mut line_end = lines.next().unwrap_or(bytes.len());
    for at in finder.find_iter(bytes) {
        while at >= line_end {
            seg += 1;
            line_start = line_end + 1;
            line_end = lines.next().unwrap_or(bytes.len());
        }
        // A match across a line break joins two texts: not a match.
        if at + finder.needle().len() > line_end || at < line_start {
            continue;
        }
        match found.last_mut() {
            Some(f) if f.seg == seg => f.count += 1,
            _ => found.push(Found { seg, count: 1 }),
        }
    }
    found
}

/// `f` over `items` on a worker per core (at most four), results in the items' order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get().clamp(1, 4))
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    results.sort_unstable_by_key(|r| r.0);
    results.into_iter().map(|r| r.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Section, Speaker, Turn};

    #[test]
    fn an_older_tandems_cache_moves_to_the_cache_directory() {
        use crate::config::dirs::{Kind, MOVED};
        assert!(MOVED.contains(&(DIR, Kind::Cache)));
        assert!(MOVED.contains(&(crate::library::cache::FILE, Kind::Cache)));
    }

    fn call() -> Transcript {
        Transcript {
            speakers: vec![
                Speaker {
                    name: "Mara Quinn".into(),
                    firm: Some("Birchfield Securities".into()),
                    kind: SpeakerKind::Analyst,
                    ..Default::default()
                },
                Speaker {
                    name: "Victor Hale".into(),
                    name_alt: Some("維克多·黑爾".into()),
                    ..Default::default()
                },
            ],
            turns: vec![
                Turn {
                    speaker: 0,
                    section: Section::Qa,
                    question: Some(1),
                    blocks: vec![Block::Para {
                        en: Some("How is the Tidal Beacon doing?".into()),
                        zh: Some("潮汐信標的表現如何？".into()),
                    }],
                },
                Turn {
                    speaker: 1,
                    section: Section::Qa,
                    question: Some(1),
                    blocks: vec![
                        Block::en("The tidal beacon grew; TIDAL demand is strong."),
                        Block::note("读者注：信标即灯塔。"),
                    ],
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn every_text_is_found_in_either_case_and_either_script() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "h1", &call()).unwrap();
        let meta = read_meta(dir.path(), "h1").unwrap();
        let kinds: Vec<Kind> = meta.segs.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Speaker,
                Kind::En,
                Kind::Zh,
                Kind::Speaker,
                Kind::En,
                Kind::Note
            ]
        );
        let find = |q: &str| {
            let q = fold(q);
            let f = memmem::Finder::new(q.as_bytes());
            find_in(dir.path(), "h1", &f).unwrap()
        };
        let tidal = find("TIDAL");
        assert_eq!(
            tidal,
            [Found { seg: 1, count: 1 }, Found { seg: 4, count: 2 }]
        );
        assert_eq!(
            find("潮汐信标").len(),
            1,
            "a Simplified query in Traditional text"
        );
        assert_eq!(
            find("信標").len(),
            2,
            "a Traditional query: the paragraph and the note"
        );
        assert_eq!(find("birchfield")[0].seg, 0, "speakers' firms");
        assert_eq!(find("维克多")[0].seg, 3, "names in the other script");
        assert!(find("doing?\n潮").is_empty(), "never across two texts");
        assert!(find_in(dir.path(), "nope", &memmem::Finder::new(b"x")).is_none());
    }

    /// True when call `hash` has an index in `dir` (its folded texts are written last).
    fn indexed(dir: &Path, hash: &str) -> bool {
        paths(dir, hash).0.is_file()
    }

    #[test]
    fn the_index_of_calls_gone_is_pruned_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "00000000000000aa", &call()).unwrap();
        write(dir.path(), "00000000000000bb", &call()).unwrap();
        let base = dir.path().join(DIR);
        std::fs::write(base.join("00000000000000aa.v1.json"), "old").unwrap();
        std::fs::write(base.join("notes.txt"), "mine").unwrap();
        let keep = std::collections::HashSet::from(["00000000000000aa"]);
        prune(dir.path(), &keep);
        let mut left: Vec<String> = std::fs::read_dir(&base)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let v = VERSION;
        assert_eq!(
            left,
            [
                format!("00000000000000aa.v{v}.fold"),
                format!("00000000000000aa.v{v}.segs"),
                format!("00000000000000aa.v{v}.text"),
                "notes.txt".to_string()
            ]
        );
        assert!(indexed(dir.path(), "00000000000000aa"));
        assert!(!indexed(dir.path(), "00000000000000bb"));
    }

    #[test]
    fn snippets_cut_around_the_match_and_mark_it() {
        let long = format!("{} Tidal beacon {}", "a".repeat(100), "b".repeat(100));
        let (s, m) = snippet(&long, "tidal");
        let (a, b) = m.unwrap();
        assert_eq!(&s[a..b], "Tidal");
        assert!(s.starts_with('…') && s.ends_with('…'));
        let (s, m) = snippet("潮汐信標的表現", &fold("信标"));
        let (a, b) = m.unwrap();
        assert_eq!(&s[a..b], "信標", "the original characters are marked");
        let (s, m) = snippet("short", "zzz");
        assert_eq!((s.as_str(), m), ("short", None));
    }
}
