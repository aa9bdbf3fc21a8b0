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
    Haystack::new(t).find(t, ix, query, scope)
}

/// The texts of a call in reading order, ready to be searched at each keystroke. Folding a
/// text for search lower-cases it and puts its Chinese in one script; for nearly every text
/// that is lower-casing its ASCII letters, and such a text is searched where it is, comparing
/// ASCII letters without case. Only a text that folds otherwise (Traditional characters,
/// capitals outside ASCII) is kept, folded.
///
/// A haystack belongs to one transcript and its index: [`Haystack::find`] must be given the
/// ones it was made from.
#[derive(Debug, Default)]
pub struct Haystack {
    /// The texts in reading order.
    segs: Vec<Seg>,
    /// Where the last queries occur (every start, overlapping), each query a prefix of the
    /// next: typing narrows the last query's places instead of reading the texts again.
    recent: Vec<(String, Vec<Spot>)>,
    /// The length of every text, in bytes as searched.
    bytes: usize,
}

/// Queries whose places are kept while typing.
const RECENT: usize = 64;

/// Finding every match of a query is cheap when the texts are no longer than this (read in
/// about a tenth of a millisecond)...
const SCAN_CHEAP: usize = 1 << 20;
/// ... or when the places of a query it begins with are known and no more than this.
const NARROW_CHEAP: usize = 1 << 16;

/// Where a query starts: a text of the haystack and a byte offset in it (as searched). The
/// text is named, not found again, so that narrowing touches little memory: between two
/// keystrokes the caches have gone cold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spot {
    seg: u32,
    at: u32,
}

/// One text of the haystack.
#[derive(Debug)]
struct Seg {
    part: Part,
    src: Src,
    /// The text folded, when folding does more than lower-case its ASCII letters.
    folded: Option<Box<Folded>>,
}

impl Seg {
    /// The text as it is searched.
    fn hay<'a>(&'a self, t: &'a Transcript) -> Hay<'a> {
        match &self.folded {
            Some(f) => Hay {
                bytes: f.text.as_bytes(),
                ascii: false,
            },
            None => Hay {
                bytes: original(t, self.part, self.src).as_bytes(),
                ascii: true,
            },
        }
    }
}

/// A search that stopped before it was done ([`Haystack::first_from`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unfinished;

/// Where a text is in the transcript.
#[derive(Debug, Clone, Copy)]
enum Part {
    Front(u32),
    Block { turn: u32, block: u32 },
    Back(u32),
}

/// A text folded.
#[derive(Debug)]
struct Folded {
    text: String,
    /// Byte offsets in the folded text back to the original, when folding moved them.
    map: Option<Vec<u32>>,
}

/// A text to search and how: without ASCII case (`ascii` true) or byte for byte.
#[derive(Clone, Copy)]
struct Hay<'a> {
    bytes: &'a [u8],
    ascii: bool,
}

impl Haystack {
    /// Looks at every text of `t` once (linear in its size; done once per call).
    pub fn new(t: &Transcript) -> Self {
        let mut h = Haystack::default();
        let mut push = |part: Part, src: Src, text: &str| {
            h.segs.push(Seg {
                part,
                src,
                folded: fold_beyond_ascii(text),
            });
        };
        for (p, text) in t.front_matter.iter().enumerate() {
            push(Part::Front(p as u32), Src::Matter, text);
        }
        for (ti, turn) in t.turns.iter().enumerate() {
            for (bi, block) in turn.blocks.iter().enumerate() {
                let part = Part::Block {
                    turn: ti as u32,
                    block: bi as u32,
                };
                for (src, text) in texts(block, ALL) {
                    push(part, src, text);
                }
            }
        }
        for (p, text) in t.back_matter.iter().enumerate() {
            push(Part::Back(p as u32), Src::Matter, text);
        }
        h.segs.shrink_to_fit();
        h.bytes = h.segs.iter().map(|s| s.hay(t).bytes.len()).sum();
        h
    }

    /// True when [`Haystack::find`] answers `query` in little time whatever the call's length:
    /// the texts are short, or the places of a query `query` begins with are known and few.
    pub fn finds_all_cheaply(&self, query: &str) -> bool {
        if self.bytes <= SCAN_CHEAP {
            return true;
        }
        let needle = fold(query);
        self.recent
            .iter()
            .rev()
            .find(|(q, _)| needle.starts_with(q.as_str()))
            .is_some_and(|(_, places)| places.len() <= NARROW_CHEAP)
    }

    /// The first match of `query` at or after `from` in reading order, else the first from the
    /// top (`Ok(None)`: none anywhere), looking at no more than `budget` bytes of text
    /// (`Err(Unfinished)` when that was not enough). The match is the one [`Haystack::find`]
    /// lists first at or after `from`, else first.
    pub fn first_from(
        &self,
        t: &Transcript,
        ix: &DocIndex,
        query: &str,
        scope: Scope,
        from: Place,
        budget: usize,
    ) -> Result<Option<Match>, Unfinished> {
        let needle = fold(query);
        if needle.is_empty() {
            return Ok(None);
        }
        let finder = Finder::new(needle.as_bytes());
        let start = self.seg_at(ix, from);
        let mut read = 0;
        for k in (start..self.segs.len()).chain(0..start) {
            let seg = &self.segs[k];
            if !in_scope(seg.src, scope) {
                continue;
            }
            let hay = seg.hay(t);
            read += hay.bytes.len();
            if let Some(at) = finder.first(hay) {
                return Ok(Some(self.to_match(ix, k, at, needle.len())));
            }
            if read > budget {
                return Err(Unfinished);
            }
        }
        Ok(None)
    }

    /// Every match of `query` in the texts at places `a` to `b` (both included), in reading
    /// order: those of [`Haystack::find`] in that stretch.
    pub fn find_between(
        &self,
        t: &Transcript,
        ix: &DocIndex,
        query: &str,
        scope: Scope,
        (a, b): (Place, Place),
    ) -> Vec<Match> {
        let needle = fold(query);
        let mut out = Vec::new();
        if needle.is_empty() {
            return out;
        }
        let finder = Finder::new(needle.as_bytes());
        for k in self.seg_at(ix, a)..self.segs.len() {
            let seg = &self.segs[k];
            if place_of(seg.part, ix) > b {
                break;
            }
            if !in_scope(seg.src, scope) {
                continue;
            }
            // Matches do not overlap: each starts after the one before ends.
            let mut free = 0;
            finder.each(seg.hay(t), |at| {
                if at >= free {
                    free = at + needle.len();
                    out.push(self.to_match(ix, k, at, needle.len()));
                }
                true
            });
        }
        out
    }

    /// The first text at or after `place`.
    fn seg_at(&self, ix: &DocIndex, place: Place) -> usize {
        self.segs.partition_point(|s| place_of(s.part, ix) < place)
    }

    /// The match of `len` bytes at byte `at` (as searched) of text `k`.
    fn to_match(&self, ix: &DocIndex, k: usize, at: usize, len: usize) -> Match {
        let seg = &self.segs[k];
        let (a, b) = (at as u32, (at + len) as u32);
        let (start, end) = match seg.folded.as_deref().and_then(|f| f.map.as_ref()) {
            Some(map) => (map[a as usize], map[b as usize]),
            None => (a, b),
        };
        Match {
            place: place_of(seg.part, ix),
            src: seg.src,
            start,
            end,
        }
    }

    /// Every match of `query` in the texts `scope` shows, in reading order.
    pub fn find(&mut self, t: &Transcript, ix: &DocIndex, query: &str, scope: Scope) -> Vec<Match> {
        let mut out = Vec::new();
        self.find_into(t, ix, query, scope, &mut out);
        out
    }

    /// [`Haystack::find`] into `out` (emptied first): a buffer used again is written into
    /// memory already mapped, where a new one of a common word's matches (megabytes in a
    /// long call) would be mapped page by page.
    pub fn find_into(
        &mut self,
        t: &Transcript,
        ix: &DocIndex,
        query: &str,
        scope: Scope,
        out: &mut Vec<Match>,
    ) {
        out.clear();
        let needle = fold(query);
        if needle.is_empty() {
            self.recent.clear();
            return;
        }
        self.narrow(t, &needle);
        let places = self.recent.last().map_or(&[][..], |(_, p)| p.as_slice());
        out.reserve(places.len());
        // Matches do not overlap: each starts after the one before ends.
        let mut free = Spot { seg: 0, at: 0 };
        for &spot in places {
            if spot.seg == free.seg && spot.at < free.at {
                continue;
            }
            free = Spot {
                seg: spot.seg,
                at: spot.at + needle.len() as u32,
            };
            let Some(seg) = self.segs.get(spot.seg as usize) else {
                continue;
            };
            if !in_scope(seg.src, scope) {
                continue;
            }
            out.push(self.to_match(ix, spot.seg as usize, spot.at as usize, needle.len()));
        }
    }

    /// Makes the last of [`Haystack::recent`] every start of `needle` in the texts: the last
    /// query's places narrowed when it is a prefix of `needle` (every place of `needle` is one
    /// of its, and only the bytes after it need looking at), else a search of every text.
    fn narrow(&mut self, t: &Transcript, needle: &str) {
        while self
            .recent
            .last()
            .is_some_and(|(q, _)| !needle.starts_with(q.as_str()))
        {
            self.recent.pop();
        }
        let found = match self.recent.last() {
            Some((q, _)) if q == needle => None,
            Some((q, before)) => {
                let (done, rest) = needle.as_bytes().split_at(q.len());
                let done = done.len();
                let mut kept = Vec::with_capacity(before.len());
                for spots in before.chunk_by(|a, b| a.seg == b.seg) {
                    let Some(seg) = self.segs.get(spots[0].seg as usize) else {
                        continue;
                    };
                    let hay = seg.hay(t);
                    let here = spots
                        .iter()
                        .filter(|s| hay.has_at(s.at as usize + done, rest));
                    kept.extend(here);
                }
                Some(kept)
            }
            None => {
                let finder = Finder::new(needle.as_bytes());
                let mut all = Vec::new();
                for (k, seg) in self.segs.iter().enumerate() {
                    finder.each(seg.hay(t), |i| {
                        all.push(Spot {
                            seg: k as u32,
                            at: i as u32,
                        });
                        true
                    });
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

impl Hay<'_> {
    /// True when `needle` (folded) occurs at byte `a`.
    #[inline]
    fn has_at(self, a: usize, needle: &[u8]) -> bool {
        let Some(w) = self.bytes.get(a..a + needle.len()) else {
            return false;
        };
        if self.ascii {
            w.eq_ignore_ascii_case(needle)
        } else {
            w == needle
        }
    }
}

/// Every start of one folded needle in a text: byte for byte, or (when the needle has ASCII
/// letters and the text is searched without ASCII case) wherever its rarest byte occurs in
/// either case and the rest agrees.
struct Finder<'n> {
    needle: &'n [u8],
    exact: memchr::memmem::Finder<'n>,
    /// The offset in the needle of its rarest byte, when the needle has ASCII letters.
    anchor: Option<usize>,
}

impl<'n> Finder<'n> {
    fn new(needle: &'n [u8]) -> Self {
        let anchor = needle.iter().any(u8::is_ascii_alphabetic).then(|| {
            (0..needle.len())
                .min_by_key(|&k| commonness(needle[k]))
                .unwrap_or(0)
        });
        Finder {
            needle,
            exact: memchr::memmem::Finder::new(needle),
            anchor,
        }
    }

    /// The first start of the needle in `hay`.
    fn first(&self, hay: Hay) -> Option<usize> {
        let mut first = None;
        self.each(hay, |s| {
            first = Some(s);
            false
        });
        first
    }

    /// Calls `found` with every start of the needle in `hay` (overlapping ones too), in order,
    /// until it returns false.
    fn each(&self, hay: Hay, mut found: impl FnMut(usize) -> bool) {
        let text = hay.bytes;
        match self.anchor.filter(|_| hay.ascii) {
            Some(k) => {
                let b = self.needle[k];
                let tail = text.get(k..).unwrap_or_default();
                let starts = memchr::memchr2_iter(b, b.to_ascii_uppercase(), tail);
                for s in starts {
                    if hay.has_at(s, self.needle) && !found(s) {
                        return;
                    }
                }
            }
            None => {
                let mut at = 0;
                while let Some(i) = self.exact.find(&text[at..]) {
                    if !found(at + i) {
                        return;
                    }
                    at += i + 1;
                }
            }
        }
    }
}

/// How common a byte of a folded needle is in transcripts, roughly (higher is commoner):
/// the anchor of a search is the needle's least common byte.
fn commonness(b: u8) -> u8 {
    const LETTERS: &[u8] = b"zqjxkvbpygfwmucldrhsnioate";
    match b {
        b' ' => 255,
        b'a'..=b'z' => 100 + LETTERS.iter().position(|&l| l == b).unwrap_or(0) as u8 * 4,
        0x80.. => 150,
        _ => 50,
    }
}

/// `text` folded for search, when that does more than lower-case its ASCII letters.
fn fold_beyond_ascii(text: &str) -> Option<Box<Folded>> {
    if text.is_ascii() {
        return None;
    }
    let folded = fold(text);
    let ascii_only = folded.len() == text.len()
        && folded
            .bytes()
            .zip(text.bytes())
            .all(|(f, o)| f == o.to_ascii_lowercase());
    if ascii_only {
        return None;
    }
    let map = moved_offsets(text, &folded);
    Some(Box::new(Folded { text: folded, map }))
}

/// Where a text is, as the pane orders places.
fn place_of(part: Part, ix: &DocIndex) -> Place {
    match part {
        Part::Front(p) => Place::Front(p),
        Part::Back(p) => Place::Back(p),
        Part::Block { turn, block } => Place::Block(ix.block_id(turn as usize, block as usize)),
    }
}

/// The original text at `part`, `src` ("" if the transcript has no such text).
fn original(t: &Transcript, part: Part, src: Src) -> &str {
    let text = match part {
        Part::Front(p) => t.front_matter.get(p as usize).map(String::as_str),
        Part::Back(p) => t.back_matter.get(p as usize).map(String::as_str),
        Part::Block { turn, block } => {
            let b = t
                .turns
                .get(turn as usize)
                .and_then(|x| x.blocks.get(block as usize));
            match (b, src) {
                (Some(Block::Note { note }), Src::Note) => Some(note.as_str()),
                (Some(Block::Para { en, .. }), Src::En) => en.as_deref(),
                (Some(Block::Para { zh, .. }), Src::Zh) => zh.as_deref(),
                _ => None,
            }
        }
    };
    text.unwrap_or_default()
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

/// `s` folded for search, character for character: Traditional characters in their
/// Simplified form, letters in lower case (a letter whose lower case is more than one
/// character stays as it is). Queries and texts fold alike, whatever surrounds them.
fn fold(s: &str) -> String {
    crate::script::fold_chars(s)
        .chars()
        .map(crate::script::lower_one)
        .collect()
}

/// For each byte offset of `folded` ([`fold`] of `original`), the offset in `original` of
/// the character it belongs to, and one past the end; `None` when every character kept its
/// length (the offsets agree).
fn moved_offsets(original: &str, folded: &str) -> Option<Vec<u32>> {
    let pairs = || original.char_indices().zip(folded.chars());
    if pairs().all(|((_, o), f)| o.len_utf8() == f.len_utf8()) {
        return None;
    }
    let mut map = Vec::with_capacity(folded.len() + 1);
    for ((i, _), f) in pairs() {
        map.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
    }
    map.push(original.len() as u32);
    Some(map)
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
        let mut hay = Haystack::new(&t);
        let text = "GROẞE Straße ends here";
        let m = hay.find(&t, &ix, "große", ALL);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].start as usize..m[0].end as usize], "GROẞE");
        // A match never runs from one text into the next.
        assert_eq!(hay.find(&t, &ix, "herehere", ALL).len(), 0);
        assert_eq!(hay.find(&t, &ix, "here", ALL).len(), 2);
        // Either Chinese script finds the other.
        let m = hay.find(&t, &ix, "电话", ALL);
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
            let mut hay = Haystack::new(&t);
            let typed = &ends[pasted..];
            for &end in typed.iter().chain(typed.iter().rev()) {
                let q = &query[..end];
                assert_eq!(
                    hay.find(&t, &ix, q, ALL),
                    find(&t, &ix, q, ALL),
                    "typing {q:?}"
                );
            }
        }
    }

    /// What a search should find, the plain way: each text folded whole, the query's
    /// leftmost non-overlapping occurrences in it, offsets mapped back.
    fn reference(t: &Transcript, ix: &DocIndex, query: &str) -> Vec<Match> {
        let needle = fold(query);
        let mut out = Vec::new();
        if needle.is_empty() {
            return out;
        }
        for (ti, turn) in t.turns.iter().enumerate() {
            for (bi, block) in turn.blocks.iter().enumerate() {
                for (src, text) in texts(block, ALL) {
                    let folded = fold(text);
                    let mut map: Vec<u32> = text
                        .char_indices()
                        .zip(folded.chars())
                        .flat_map(|((i, _), f)| std::iter::repeat_n(i as u32, f.len_utf8()))
                        .collect();
                    map.push(text.len() as u32);
                    for (i, m) in folded.match_indices(needle.as_str()) {
                        out.push(Match {
                            place: Place::Block(ix.block_id(ti, bi)),
                            src,
                            start: map[i],
                            end: map[i + m.len()],
                        });
                    }
                }
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Texts and queries made of pieces that fold in every way (ASCII and other
        /// capitals, letters whose lower case is ASCII, both Chinese scripts, figures): a
        /// haystack typed into finds what the plain search finds, at every keystroke.
        #[test]
        fn typing_finds_what_folding_each_text_finds(
            paras in proptest::collection::vec(
                (proptest::collection::vec(0..PIECES.len(), 0..12),
                 proptest::collection::vec(0..PIECES.len(), 0..8)), 1..5),
            query in proptest::collection::vec(0..PIECES.len(), 1..4),
        ) {
            let t = pieces_doc(&paras);
            let ix = DocIndex::new(&t);
            let query = pieces_text(&query);
            let mut hay = Haystack::new(&t);
            let ends = query.char_indices().map(|(i, c)| i + c.len_utf8());
            for end in ends {
                let q = &query[..end];
                proptest::prop_assert_eq!(hay.find(&t, &ix, q, ALL), reference(&t, &ix, q), "{:?}", q);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// The first match from a place and the matches between two places are those the
        /// search of the whole call lists there, in each scope.
        #[test]
        fn the_first_match_from_a_place_and_those_between_two_are_those_the_whole_search_finds(
            paras in proptest::collection::vec(
                (proptest::collection::vec(0..PIECES.len(), 0..12),
                 proptest::collection::vec(0..PIECES.len(), 0..8)), 1..6),
            query in proptest::collection::vec(0..PIECES.len(), 1..3),
            from in 0u32..7,
            span in 0u32..4,
            lang in 0..3usize,
        ) {
            let t = pieces_doc(&paras);
            let ix = DocIndex::new(&t);
            let query = pieces_text(&query);
            let scope = Scope {
                lang: [LangView::Both, LangView::En, LangView::Zh][lang],
                notes: true,
            };
            let mut hay = Haystack::new(&t);
            let all = hay.find(&t, &ix, &query, scope);
            let from = Place::Block(from);
            let first = all.iter().find(|m| m.place >= from).or(all.first()).copied();
            proptest::prop_assert_eq!(
                hay.first_from(&t, &ix, &query, scope, from, usize::MAX),
                Ok(first)
            );
            let to = match from {
                Place::Block(b) => Place::Block(b + span),
                _ => unreachable!(),
            };
            let between: Vec<Match> =
                all.iter().filter(|m| m.place >= from && m.place <= to).copied().collect();
            proptest::prop_assert_eq!(hay.find_between(&t, &ix, &query, scope, (from, to)), between);
        }
    }

    #[test]
    fn the_first_match_is_given_up_once_the_budget_is_read() {
        let far = "x".repeat(100);
        let t = doc(vec![
            Block::Para {
                en: Some(far.clone()),
                zh: None,
            },
            Block::Para {
                en: Some(far),
                zh: None,
            },
            Block::Para {
                en: Some("the needle".into()),
                zh: None,
            },
        ]);
        let ix = DocIndex::new(&t);
        let hay = Haystack::new(&t);
        let from = Place::Block(0);
        assert_eq!(
            hay.first_from(&t, &ix, "needle", ALL, from, 150),
            Err(Unfinished)
        );
        let m = hay.first_from(&t, &ix, "needle", ALL, from, 250).unwrap();
        assert_eq!(m.map(|m| (m.place, m.start)), Some((Place::Block(2), 4)));
        // Round the end: from the last text, the first match is found again.
        let m = hay
            .first_from(&t, &ix, "x", ALL, Place::Block(2), 250)
            .unwrap();
        assert_eq!(m.map(|m| (m.place, m.start)), Some((Place::Block(0), 0)));
        assert_eq!(hay.first_from(&t, &ix, "absent", ALL, from, 1000), Ok(None));
    }

    #[test]
    fn a_long_call_is_searched_whole_only_while_that_is_cheap() {
        let para = "Revenue grew in every region this quarter, and margins held. ".repeat(40);
        let blocks: Vec<Block> = (0..=SCAN_CHEAP / para.len())
            .map(|_| Block::Para {
                en: Some(para.clone()),
                zh: None,
            })
            .collect();
        let t = doc(blocks);
        let ix = DocIndex::new(&t);
        let mut hay = Haystack::new(&t);
        assert!(!hay.finds_all_cheaply("r"));
        // A rare query's places, once known, narrow cheaply to a longer query's.
        assert!(hay.find(&t, &ix, "quarter,", ALL).len() <= NARROW_CHEAP);
        assert!(hay.finds_all_cheaply("quarter, and"));
        assert!(!hay.finds_all_cheaply("margins"));
        let short = doc(vec![Block::Para {
            en: Some(para),
            zh: None,
        }]);
        assert!(Haystack::new(&short).finds_all_cheaply("r"));
    }

    /// The text of generated pieces.
    fn pieces_text(ix: &[usize]) -> String {
        ix.iter().map(|&i| PIECES[i]).collect()
    }

    /// A call of generated paragraphs: (English pieces, Chinese pieces) each.
    fn pieces_doc(paras: &[(Vec<usize>, Vec<usize>)]) -> Transcript {
        doc(paras
            .iter()
            .map(|(en, zh)| Block::Para {
                en: Some(pieces_text(en)).filter(|s| !s.is_empty()),
                zh: Some(pieces_text(zh)).filter(|s| !s.is_empty()),
            })
            .collect())
    }

    /// Pieces of the generated texts.
    const PIECES: [&str; 16] = [
        "a", "A", "ab", "AB", " ", "x-", "3.5%", "\u{212a}", "k", "ẞ", "ß", "ü", "Ü", "電話",
        "电话", "增长",
    ];

    #[test]
    fn a_query_finds_its_characters_whatever_phrase_they_are_in() {
        // Converted as a phrase, 乾隆 keeps 乾; alone, 乾 becomes 干. Folding character for
        // character, text and query agree.
        assert_eq!(crate::script::fold_script("乾隆年间"), "乾隆年间");
        assert_eq!(crate::script::fold_script("乾"), "干");
        let t = doc(vec![Block::Para {
            en: None,
            zh: Some("乾隆年间".into()),
        }]);
        let ix = DocIndex::new(&t);
        let m = find(&t, &ix, "乾", ALL);
        assert_eq!((m.len(), m[0].start, m[0].end), (1, 0, 3));
        assert_eq!(find(&t, &ix, "干隆", ALL).len(), 1);
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
    fn only_texts_that_fold_beyond_ascii_case_are_copied_and_only_moved_offsets_mapped() {
        let t = doc(vec![
            Block::Para {
                en: Some("It’s “Harbor”, Q3".into()),
                zh: Some("電話會議增长 31%".into()),
            },
            Block::Para {
                en: Some("GROẞE".into()),
                zh: Some("云业务 AWS 增长".into()),
            },
            Block::Para {
                en: Some("Plain ASCII".into()),
                zh: None,
            },
        ]);
        let hay = Haystack::new(&t);
        let kept: Vec<(bool, bool)> = hay
            .segs
            .iter()
            .map(|s| {
                (
                    s.folded.is_some(),
                    s.folded.as_ref().is_some_and(|f| f.map.is_some()),
                )
            })
            .collect();
        assert_eq!(
            kept,
            [
                (false, false),
                (true, false),
                (true, true),
                (false, false),
                (false, false)
            ]
        );
    }

    #[test]
    fn the_rarest_byte_anchors_a_search_without_case_and_every_start_is_found() {
        let t = doc(vec![Block::Para {
            en: Some("Zyzzyva ZYZZYVA zyzZyzzyva; x-ray X-RAY; 3.5% 3.5%".into()),
            zh: Some("AWS增长 aws增长".into()),
        }]);
        let ix = DocIndex::new(&t);
        let mut hay = Haystack::new(&t);
        let starts = |hay: &mut Haystack, q: &str| -> Vec<(Src, u32)> {
            hay.find(&t, &ix, q, ALL)
                .iter()
                .map(|m| (m.src, m.start))
                .collect()
        };
        assert_eq!(
            starts(&mut hay, "zyzzyva"),
            [(Src::En, 0), (Src::En, 8), (Src::En, 19)]
        );
        assert_eq!(starts(&mut hay, "X-RAY"), [(Src::En, 28), (Src::En, 34)]);
        assert_eq!(starts(&mut hay, "3.5%"), [(Src::En, 41), (Src::En, 46)]);
        assert_eq!(starts(&mut hay, "s增"), [(Src::Zh, 2), (Src::Zh, 12)]);
        // Overlapping starts are all kept for narrowing ("zyz" at 16 and 19).
        hay.find(&t, &ix, "zyz", ALL);
        let (_, places) = hay.recent.last().unwrap();
        let starts: Vec<u32> = places.iter().map(|s| s.at).collect();
        assert_eq!(starts, [0, 8, 16, 19]);
    }

    #[test]
    fn a_new_query_after_another_searches_the_text_again() {
        let t = doc(vec![Block::Para {
            en: Some("margin and revenue".into()),
            zh: None,
        }]);
        let ix = DocIndex::new(&t);
        let mut hay = Haystack::new(&t);
        assert_eq!(hay.find(&t, &ix, "mar", ALL).len(), 1);
        assert_eq!(hay.find(&t, &ix, "rev", ALL).len(), 1);
        assert_eq!(hay.find(&t, &ix, "re", ALL).len(), 1);
        assert_eq!(hay.find(&t, &ix, "", ALL).len(), 0);
        assert_eq!(hay.find(&t, &ix, "n", ALL).len(), 3);
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
