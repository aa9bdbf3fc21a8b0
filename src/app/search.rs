//! Finding text in both languages: case-insensitive for Latin, exact for Han.

use crate::app::layout::{LangView, Src};
use crate::transcript::{Block, Transcript};

use super::index::DocIndex;

/// Where a text is in the reading pane; the order is the pane's, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// Paragraph `n` of the material before the call.
    Front(u32),
    /// A block of the call (global block number).
    Block(u32),
    /// Paragraph `n` of the material after the call.
    Back(u32),
}

/// One occurrence of the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub place: Place,
    /// The text within the place: a language or a note in a block, [`Src::Matter`] else.
    pub src: Src,
    /// Byte range in that text.
    pub start: u32,
    pub end: u32,
}

/// Which texts a search looks in (what the current view shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub lang: LangView,
    pub notes: bool,
}

/// Every match of `query` in the texts `scope` shows, in reading order: the material before
/// the call (shown whenever the call has turns), the call's blocks, the material after it.
pub fn find(t: &Transcript, ix: &DocIndex, query: &str, scope: Scope) -> Vec<Match> {
    Haystack::new(t, ix).find(query, scope)
}

/// Every text of a call folded once (lower case, Chinese in one script) into one string, so
/// that each keystroke of a search is one scan of it.
#[derive(Debug, Default)]
pub struct Haystack {
    /// The folded texts in reading order, each followed by a NUL (never in a query).
    text: String,
    segs: Vec<Seg>,
    /// Where the last queries occur (every start, overlapping), each query a prefix of the
    /// next: typing narrows the last query's places instead of reading the text again.
    recent: Vec<(String, Vec<u32>)>,
}

/// Queries whose places are kept while typing.
const RECENT: usize = 64;

/// One text of the haystack.
#[derive(Debug)]
struct Seg {
    /// Where it starts in [`Haystack::text`].
    start: u32,
    place: Place,
    src: Src,
    /// Byte offsets in the folded text back to the original, when folding moved them.
    map: Option<Vec<u32>>,
}

impl Haystack {
    /// Folds every text of `t` (linear in its size; done once per call).
    pub fn new(t: &Transcript, ix: &DocIndex) -> Self {
        let mut h = Haystack::default();
        let blocks = t.turns.iter().flat_map(|turn| &turn.blocks);
        let matter = t.front_matter.iter().chain(&t.back_matter).map(String::len);
        let size: usize = blocks
            .flat_map(|b| texts(b, ALL))
            .map(|(_, s)| s.len())
            .chain(matter)
            .map(|n| n + 1)
            .sum();
        h.text.reserve_exact(size);
        for (p, text) in t.front_matter.iter().enumerate() {
            h.push(Place::Front(p as u32), Src::Matter, text);
        }
        for (ti, turn) in t.turns.iter().enumerate() {
            for (bi, block) in turn.blocks.iter().enumerate() {
                let id = ix.block_id(ti, bi);
                for (src, text) in texts(block, ALL) {
                    h.push(Place::Block(id), src, text);
                }
            }
        }
        for (p, text) in t.back_matter.iter().enumerate() {
            h.push(Place::Back(p as u32), Src::Matter, text);
        }
        h
    }

    /// Appends one text, folded.
    fn push(&mut self, place: Place, src: Src, text: &str) {
        let in_script = crate::script::fold_script(text);
        let (folded, map) = fold(&in_script);
        // Folding keeps offsets for nearly every text; a map is kept only where it does not.
        // Matches start and end between characters, so only those offsets need to agree.
        let same =
            folded.len() == text.len() && folded.char_indices().all(|(i, _)| map[i] as usize == i);
        self.segs.push(Seg {
            start: self.text.len() as u32,
            place,
            src,
            map: (!same).then_some(map),
        });
        self.text.push_str(&folded);
        self.text.push('\0');
    }

    /// Every match of `query` in the texts `scope` shows, in reading order.
    pub fn find(&mut self, query: &str, scope: Scope) -> Vec<Match> {
        let needle = fold(&crate::script::fold_script(query)).0.replace('\0', "");
        let mut out = Vec::new();
        if needle.is_empty() {
            self.recent.clear();
            return out;
        }
        self.narrow(&needle);
        let places = self.recent.last().map_or(&[][..], |(_, p)| p.as_slice());
        // Matches do not overlap: each starts after the one before ends. Places are in
        // order, so the text each is in is found walking forward.
        let mut free = 0;
        let mut at = 0;
        for &i in places {
            let i = i as usize;
            if i < free {
                continue;
            }
            free = i + needle.len();
            let m = &needle;
            if self.segs.get(at + 1).is_some_and(|s| s.start as usize <= i) {
                at += self.segs[at..].partition_point(|s| s.start as usize <= i) - 1;
            }
            let seg = &self.segs[at];
            if !in_scope(seg.src, scope) {
                continue;
            }
            let (a, b) = (i - seg.start as usize, i - seg.start as usize + m.len());
            let (start, end) = match &seg.map {
                Some(map) => (map[a], map[b]),
                None => (a as u32, b as u32),
            };
            out.push(Match {
                place: seg.place,
                src: seg.src,
                start,
                end,
            });
        }
        out
    }

    /// Makes the last of [`Haystack::recent`] every start of `needle` in the text: the last
    /// query's places narrowed when it is a prefix of `needle` (every place of `needle` is one
    /// of its), else a search of the whole text.
    fn narrow(&mut self, needle: &str) {
        while self
            .recent
            .last()
            .is_some_and(|(q, _)| !needle.starts_with(q.as_str()))
        {
            self.recent.pop();
        }
        let found = match self.recent.last() {
            Some((q, _)) if q == needle => None,
            Some((_, before)) => {
                let text = self.text.as_bytes();
                let n = needle.as_bytes();
                Some(
                    before
                        .iter()
                        .copied()
                        .filter(|&i| text[i as usize..].starts_with(n))
                        .collect(),
                )
            }
            None => {
                let finder = memchr::memmem::Finder::new(needle.as_bytes());
                let text = self.text.as_bytes();
                let step = needle.chars().next().map_or(1, char::len_utf8);
                let mut at = 0;
                let mut all = Vec::new();
                while let Some(i) = finder.find(&text[at..]) {
                    all.push((at + i) as u32);
                    at += i + step;
                }
                Some(all)
            }
        };
        if let Some(found) = found {
            if self.recent.len() == RECENT {
                self.recent.remove(0);
            }
            self.recent.push((needle.to_string(), found));
        }
    }
}

/// Every text: what the haystack holds before a scope picks.
const ALL: Scope = Scope {
    lang: LangView::Both,
    notes: true,
};

/// True when a text of `src` is shown in `scope`.
fn in_scope(src: Src, scope: Scope) -> bool {
    match src {
        Src::En => scope.lang != LangView::Zh,
        Src::Zh => scope.lang != LangView::En,
        Src::Note => scope.notes,
        Src::Matter => true,
    }
}

/// The texts of a block that `scope` shows.
fn texts(block: &Block, scope: Scope) -> Vec<(Src, &str)> {
    match block {
        Block::Note { note } if scope.notes => vec![(Src::Note, note.as_str())],
        Block::Note { .. } => Vec::new(),
        Block::Para { en, zh } => {
            let mut v = Vec::new();
            if let Some(e) = en.as_deref().filter(|_| scope.lang != LangView::Zh) {
                v.push((Src::En, e));
            }
            if let Some(z) = zh.as_deref().filter(|_| scope.lang != LangView::En) {
                v.push((Src::Zh, z));
            }
            v
        }
    }
}

/// Lower-cases `s` character by character (one char for one char), and maps each byte
/// offset of the result back to the original.
fn fold(s: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let mut lower = c.to_lowercase();
        let f = match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        };
        out.push(f);
        map.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
    }
    map.push(s.len() as u32);
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Speaker, Turn};

    /// A one-turn transcript with the given blocks.
    fn doc(blocks: Vec<Block>) -> Transcript {
        Transcript {
            speakers: vec![Speaker {
                name: "A".into(),
                ..Default::default()
            }],
            turns: vec![Turn {
                blocks,
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn latin_is_case_insensitive_and_han_matches_exactly() {
        let t = doc(vec![Block::Para {
            en: Some("AWS grew; aws is big. Ünïcode ünïcode".into()),
            zh: Some("AWS增长，aws很大".into()),
        }]);
        let ix = DocIndex::new(&t);
        let m = find(&t, &ix, "aws", ALL);
        let spans: Vec<(Src, u32, u32)> = m.iter().map(|m| (m.src, m.start, m.end)).collect();
        assert_eq!(
            spans,
            [
                (Src::En, 0, 3),
                (Src::En, 10, 13),
                (Src::Zh, 0, 3),
                (Src::Zh, 12, 15)
            ]
        );
        let u = find(&t, &ix, "ÜNÏ", ALL);
        assert_eq!(u.len(), 2);
        assert_eq!(
            &"AWS grew; aws is big. Ünïcode ünïcode"[u[0].start as usize..u[0].end as usize],
            "Ünï"
        );
        assert_eq!(find(&t, &ix, "增长", ALL).len(), 1);
    }

    #[test]
    fn one_haystack_answers_every_query_with_offsets_in_the_original_texts() {
        let t = doc(vec![
            Block::Para {
                en: Some("GROẞE Straße ends here".into()),
                zh: Some("電話會議".into()),
            },
            Block::Para {
                en: Some("here again".into()),
                zh: None,
            },
        ]);
        let ix = DocIndex::new(&t);
        let mut hay = Haystack::new(&t, &ix);
        let text = "GROẞE Straße ends here";
        let m = hay.find("große", ALL);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].start as usize..m[0].end as usize], "GROẞE");
        // A match never runs from one text into the next.
        assert_eq!(hay.find("herehere", ALL).len(), 0);
        assert_eq!(hay.find("here", ALL).len(), 2);
        // Either Chinese script finds the other.
        let m = hay.find("电话", ALL);
        assert_eq!(
            (m.len(), m[0].src, m[0].start, m[0].end),
            (1, Src::Zh, 0, 6)
        );
    }

    /// Typing `query` one character at a time into one haystack (after pasting each of its
    /// beginnings), then deleting it again: every step must find what a fresh search finds.
    fn typed_like_fresh(texts: &[&str], query: &str) {
        let t = doc(texts
            .iter()
            .map(|s| Block::Para {
                en: Some(s.to_string()),
                zh: None,
            })
            .collect());
        let ix = DocIndex::new(&t);
        let ends: Vec<usize> = query
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        for pasted in 0..ends.len() {
            let mut hay = Haystack::new(&t, &ix);
            let typed = &ends[pasted..];
            for &end in typed.iter().chain(typed.iter().rev()) {
                let q = &query[..end];
                assert_eq!(hay.find(q, ALL), find(&t, &ix, q, ALL), "typing {q:?}");
            }
        }
    }

    #[test]
    fn typing_narrows_the_last_places_and_finds_what_a_fresh_search_finds() {
        // Overlapping places: "aa" in "aaab" is at 0 and 1; "aab" only at 1.
        typed_like_fresh(&["aaab aaaa", "abab abba"], "aab");
        typed_like_fresh(&["aaab aaaa", "abab abba"], "aaaa");
        typed_like_fresh(&["abab abba", "bababab"], "abab");
        typed_like_fresh(&["Cloud cloud CLOUDS", "the cloud's"], "cloud's");
        typed_like_fresh(&["云业务收入增长 31%", "增长增长"], "增长增");
    }

    #[test]
    fn offsets_are_mapped_only_for_texts_whose_folding_moves_them() {
        let t = doc(vec![
            Block::Para {
                en: Some("It’s “Harbor”, Q3".into()),
                zh: Some("電話會議增长 31%".into()),
            },
            Block::Para {
                en: Some("GROẞE".into()),
                zh: None,
            },
        ]);
        let ix = DocIndex::new(&t);
        let hay = Haystack::new(&t, &ix);
        let mapped: Vec<bool> = hay.segs.iter().map(|s| s.map.is_some()).collect();
        assert_eq!(mapped, [false, false, true]);
        assert!(
            hay.text.capacity() <= hay.text.len() + 1,
            "the folded text is sized once"
        );
    }

    #[test]
    fn a_new_query_after_another_searches_the_text_again() {
        let t = doc(vec![Block::Para {
            en: Some("margin and revenue".into()),
            zh: None,
        }]);
        let ix = DocIndex::new(&t);
        let mut hay = Haystack::new(&t, &ix);
        assert_eq!(hay.find("mar", ALL).len(), 1);
        assert_eq!(hay.find("rev", ALL).len(), 1);
        assert_eq!(hay.find("re", ALL).len(), 1);
        assert_eq!(hay.find("", ALL).len(), 0);
        assert_eq!(hay.find("n", ALL).len(), 3);
    }

    #[test]
    fn the_scope_hides_languages_and_notes() {
        let t = doc(vec![
            Block::Para {
                en: Some("cloud".into()),
                zh: Some("云 cloud".into()),
            },
            Block::note("cloud note"),
        ]);
        let ix = DocIndex::new(&t);
        assert_eq!(find(&t, &ix, "cloud", ALL).len(), 3);
        assert_eq!(
            find(
                &t,
                &ix,
                "cloud",
                Scope {
                    lang: LangView::En,
                    notes: false
                }
            )
            .len(),
            1
        );
        assert_eq!(find(&t, &ix, "", ALL).len(), 0);
    }
}
