//! Anchoring bookmarks to content: hashes of normalised text for the call and for each
//! paragraph, and finding a bookmarked paragraph again in a changed transcript — by its
//! fingerprint near its old place, then anywhere, then by similar text.

use std::collections::HashMap;

use crate::transcript::{Block, Transcript};

use super::model::Bookmark;

/// Least similarity (Dice over character pairs) for an edited paragraph to count as found.
const SIMILAR: f64 = 0.7;

/// How a bookmark was found in the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Same text, same place.
    Same,
    /// Same text, elsewhere (paragraphs were added or removed before it).
    Moved,
    /// Text changed a little; the most similar paragraph.
    Edited,
}

/// Where a bookmark's paragraph is in a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub turn: usize,
    pub block: usize,
    pub how: How,
}

/// Letters and digits of `s`, lower-cased: what survives re-wrapping, spacing and
/// punctuation changes.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// FNV-1a over `parts` (each followed by a separator): stable across runs and platforms.
fn fnv(parts: impl IntoIterator<Item = String>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The fingerprint of a paragraph: a hash of its normalised English and Chinese.
pub fn fingerprint(en: Option<&str>, zh: Option<&str>) -> String {
    fnv([normalise(en.unwrap_or("")), normalise(zh.unwrap_or(""))])
}

/// FNV-1a of `s` normalised ([`normalise`]) into `h`, without making the normalised copy.
/// ASCII and the common Han ideographs (which are their own lower case) are taken a byte at a
/// time from the text as it is; only other characters are decoded.
fn feed_normalised(h: &mut u64, s: &str) {
    let mut put = |b: u8| {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0100_0000_01b3);
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                put(b.to_ascii_lowercase());
            }
            i += 1;
            continue;
        }
        // A character of U+4E00..=U+9FFF (E4 B8 80 to E9 BF BF): fed as it is.
        if matches!(b, 0xE5..=0xE9) || (b == 0xE4 && bytes[i + 1] >= 0xB8) {
            put(b);
            put(bytes[i + 1]);
            put(bytes[i + 2]);
            i += 3;
            continue;
        }
        // Another non-ASCII character begins here (`i` is on a boundary: every step is a
        // whole character).
        let c = s[i..].chars().next().expect("a character at a boundary");
        let n = c.len_utf8();
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                l.encode_utf8(&mut [0; 4]).bytes().for_each(&mut put);
            }
        }
        i += n;
    }
}

/// The identity of a call: a hash of all its normalised text, in order, whatever the
/// parser made of it (front matter, paragraphs, notes, back matter).
pub fn call_hash(t: &Transcript) -> String {
    // FNV-1a over the normalised texts one after another and one separator: what `fnv` of
    // their concatenation gives, streamed instead of copied (it keys saved bookmarks, so it
    // must never change).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| feed_normalised(&mut h, s);
    t.front_matter.iter().for_each(|s| feed(s));
    for b in t.turns.iter().flat_map(|x| &x.blocks) {
        match b {
            Block::Para { en, zh } => {
                feed(en.as_deref().unwrap_or(""));
                feed(zh.as_deref().unwrap_or(""));
            }
            Block::Note { note } => feed(note),
        }
    }
    t.back_matter.iter().for_each(|s| feed(s));
    h ^= 0xff;
    h = h.wrapping_mul(0x0100_0000_01b3);
    format!("{h:016x}")
}

/// Finds `b`'s paragraph in `t`, or None when it is not in this version.
pub fn locate(t: &Transcript, b: &Bookmark) -> Option<Located> {
    locate_all(t, [b])[0]
}

/// Finds each bookmark's paragraph in `t` (the paragraph list is built only when some
/// bookmark is not at its old place).
pub fn locate_all<'a>(
    t: &Transcript,
    bookmarks: impl IntoIterator<Item = &'a Bookmark>,
) -> Vec<Option<Located>> {
    let mut paras: Option<Vec<(usize, usize, String)>> = None;
    bookmarks
        .into_iter()
        .map(|b| {
            if at_old_place(t, b) {
                let (turn, block) = (b.spot.turn, b.spot.block);
                return Some(Located {
                    turn,
                    block,
                    how: How::Same,
                });
            }
            search(t, b, paras.get_or_insert_with(|| paragraphs(t)))
        })
        .collect()
}

/// True when the paragraph at `b`'s old place still has its fingerprint.
fn at_old_place(t: &Transcript, b: &Bookmark) -> bool {
    let block = t
        .turns
        .get(b.spot.turn)
        .and_then(|x| x.blocks.get(b.spot.block));
    matches!(block, Some(Block::Para { en, zh })
        if fingerprint(en.as_deref(), zh.as_deref()) == b.spot.fingerprint)
}

/// Searches `paras` for `b`: its fingerprint nearest its old index, else the most similar text.
fn search(t: &Transcript, b: &Bookmark, paras: &[(usize, usize, String)]) -> Option<Located> {
    let old = paras.partition_point(|p| (p.0, p.1) < (b.spot.turn, b.spot.block));
    let mut order: Vec<usize> = (0..paras.len()).collect();
    order.sort_by_key(|&i| i.abs_diff(old));
    if let Some(&i) = order.iter().find(|&&i| paras[i].2 == b.spot.fingerprint) {
        let (turn, block, _) = paras[i];
        return Some(Located {
            turn,
            block,
            how: How::Moved,
        });
    }
    let (en, zh) = (b.en.as_deref().map(pairs), b.zh.as_deref().map(pairs));
    let mut best: Option<(f64, usize)> = None;
    for &i in &order {
        let (turn, block, _) = paras[i];
        let Block::Para { en: e, zh: z } = &t.turns[turn].blocks[block] else {
            continue;
        };
        let score = similarity(&en, e.as_deref(), &zh, z.as_deref());
        if score >= SIMILAR && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| Located {
        turn: paras[i].0,
        block: paras[i].1,
        how: How::Edited,
    })
}

/// Every paragraph (not note) of `t` as (turn, block, fingerprint), in reading order.
fn paragraphs(t: &Transcript) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (ti, turn) in t.turns.iter().enumerate() {
        for (bi, block) in turn.blocks.iter().enumerate() {
            if let Block::Para { en, zh } = block {
                out.push((ti, bi, fingerprint(en.as_deref(), zh.as_deref())));
            }
        }
    }
    out
}

/// Character pairs of the normalised text, counted.
type Pairs = HashMap<(char, char), u32>;

/// The character pairs of `s`, normalised.
fn pairs(s: &str) -> Pairs {
    let chars: Vec<char> = normalise(s).chars().collect();
    let mut out = Pairs::new();
    for w in chars.windows(2) {
        *out.entry((w[0], w[1])).or_default() += 1;
    }
    out
}

/// Dice coefficient of two pair multisets (0 when either is empty).
fn dice(a: &Pairs, b: &Pairs) -> f64 {
    let (na, nb): (u32, u32) = (a.values().sum(), b.values().sum());
    if na == 0 || nb == 0 {
        return 0.0;
    }
    let common: u32 = a
        .iter()
        .map(|(k, &n)| n.min(b.get(k).copied().unwrap_or(0)))
        .sum();
    2.0 * f64::from(common) / f64::from(na + nb)
}

/// The mean similarity over the languages both sides have (0 when none is shared).
fn similarity(en: &Option<Pairs>, e: Option<&str>, zh: &Option<Pairs>, z: Option<&str>) -> f64 {
    let scores: Vec<f64> = [(en, e), (zh, z)]
        .into_iter()
        .filter_map(|(mine, theirs)| Some(dice(mine.as_ref()?, &pairs(theirs?))))
        .collect();
    if scores.is_empty() {
        0.0
    } else {
        scores.iter().sum::<f64>() / scores.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_call_hash_is_fnv_of_all_the_normalised_text_and_never_changes() {
        let t = Transcript {
            front_matter: vec!["Before: İstanbul ÜNÏ 2025".into()],
            turns: vec![crate::transcript::Turn {
                blocks: vec![
                    Block::Para {
                        en: Some("Cloud grew 31%, “Harbor”!".into()),
                        zh: Some("云业务增长 31%，ＡＢＣ".into()),
                    },
                    Block::note("译注：数据平台"),
                    Block::Para {
                        en: None,
                        zh: Some("電話會議".into()),
                    },
                ],
                ..Default::default()
            }],
            back_matter: vec!["ẞ after".into()],
            ..Default::default()
        };
        let all: String = [
            "Before: İstanbul ÜNÏ 2025",
            "Cloud grew 31%, “Harbor”!",
            "云业务增长 31%，ＡＢＣ",
            "译注：数据平台",
            "",
            "電話會議",
            "ẞ after",
        ]
        .iter()
        .map(|s| normalise(s))
        .collect();
        assert_eq!(call_hash(&t), fnv([all]));
        // Saved bookmarks are keyed by it: the value itself must stay.
        assert_eq!(call_hash(&Transcript::default()), fnv([String::new()]));
    }

    proptest::proptest! {
        /// Hashing as it goes gives what hashing the normalised copy gives.
        #[test]
        fn the_streamed_hash_is_fnv_of_the_normalised_text(
            parts in proptest::collection::vec(
                "(?s)[a-zA-Z0-9 ,.%İÜẞΣσÅ一-龥云電話ＡＢ１２③\u{3400}-\u{4E10}\u{9FF0}-\u{A010}〇々，。\u{10000}-\u{10010}\u{0}-\u{7f}]{0,40}", 0..5)
        ) {
            let t = Transcript { front_matter: parts.clone(), ..Default::default() };
            let all: String = parts.iter().map(|s| normalise(s)).collect();
            proptest::prop_assert_eq!(call_hash(&t), fnv([all]));
        }
    }

    #[test]
    fn normalising_ignores_case_spacing_and_punctuation() {
        assert_eq!(normalise("Cloud  grew 31%, “Harbor”!"), "cloudgrew31harbor");
        assert_eq!(normalise("云业务，增长 31%。"), "云业务增长31");
        assert_eq!(
            fingerprint(Some("A b."), None),
            fingerprint(Some("a  B"), Some(""))
        );
        assert_ne!(fingerprint(Some("a"), None), fingerprint(None, Some("a")));
    }

    #[test]
    fn dice_of_a_small_edit_is_high_and_of_other_text_low() {
        let a = pairs("Capacity is the constraint. We are adding data centers in three regions.");
        let b =
            pairs("Capacity is the main constraint. We are adding data centres in four regions.");
        let c = pairs("Pricing has been stable. Cloud gross margin was 61%.");
        assert!(dice(&a, &b) > 0.8, "{}", dice(&a, &b));
        assert!(dice(&a, &c) < 0.4, "{}", dice(&a, &c));
        assert_eq!(dice(&a, &Pairs::new()), 0.0);
    }
}
