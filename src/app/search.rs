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
    let needle = fold(&crate::script::fold_script(query)).0;
    // Only a query with non-ASCII characters needs the texts folded to one Chinese script.
    let han = !needle.is_ascii();
    let mut out = Vec::new();
    if needle.is_empty() || t.turns.is_empty() {
        return out;
    }
    let mut add = |place: Place, src: Src, text: &str| {
        find_in(text, &needle, han, |start, end| {
            out.push(Match {
                place,
                src,
                start,
                end,
            });
        });
    };
    for (p, text) in t.front_matter.iter().enumerate() {
        add(Place::Front(p as u32), Src::Matter, text);
    }
    for (ti, turn) in t.turns.iter().enumerate() {
        for (bi, block) in turn.blocks.iter().enumerate() {
            let id = ix.block_id(ti, bi);
            for (src, text) in texts(block, scope) {
                add(Place::Block(id), src, text);
            }
        }
    }
    for (p, text) in t.back_matter.iter().enumerate() {
        add(Place::Back(p as u32), Src::Matter, text);
    }
    out
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

/// Calls `hit` with the byte range (in `text`) of every match of the folded `needle`.
/// Chinese is compared in Simplified characters, so either script finds both.
fn find_in(text: &str, needle: &str, han: bool, mut hit: impl FnMut(u32, u32)) {
    let text_in_script = if han {
        crate::script::fold_script(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let (folded, map) = fold(&text_in_script);
    for (i, m) in folded.match_indices(needle) {
        hit(map[i], map[i + m.len()]);
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

    const ALL: Scope = Scope {
        lang: LangView::Both,
        notes: true,
    };

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
