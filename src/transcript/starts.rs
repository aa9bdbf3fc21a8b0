//! Patterns that search whole turns, tried only where a match can begin.
//!
//! A pattern that looks for a phrase anywhere in a long text ("the next question comes from",
//! "that concludes our call", "感谢各位参加") starts with one of a few words. [`Starts`] finds
//! the places one of those words begins (a byte table, then a word compared there), and runs
//! the pattern with the lite engine anchored at each. Only these places are tried, so the
//! search costs a scan of the text plus a short anchored match per candidate, and building it
//! costs what the lite engine takes (microseconds), where a full regex engine would take
//! milliseconds to build its automata.
//!
//! The words must be a necessary start of every match: each alternative of the pattern begins
//! with one of them (compared without regard to ASCII case), and where the alternative begins
//! with `\b`, the word is marked to begin a word, and the place is checked here (the anchored
//! match sees no text before it). No word marked so may begin another that is not, or the
//! reverse (checked when built), so that a place chosen for an unmarked word is never where a
//! marked alternative would match. Tests check each pattern against the full engine on
//! generated texts.

use regex_lite::{Captures, Regex};

/// A word every match of some alternative begins with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Start {
    /// Lower-case ASCII or any text without case; compared without regard to ASCII case.
    pub(crate) word: &'static str,
    /// The alternative begins with `\b`: the word must begin a word (no ASCII letter, digit
    /// or `_` just before it).
    pub(crate) word_start: bool,
}

/// A word that begins a word (its alternative starts with `\b`).
pub(crate) const fn word(word: &'static str) -> Start {
    Start {
        word,
        word_start: true,
    }
}

/// A word that may begin anywhere, inside a word too.
pub(crate) const fn anywhere(word: &'static str) -> Start {
    Start {
        word,
        word_start: false,
    }
}

/// A pattern and the words its matches begin with (see the module's documentation).
pub(crate) struct Starts {
    starts: Vec<Start>,
    /// For each byte, the starts whose word begins with it (either case for ASCII).
    first: [Vec<u8>; 256],
    /// The pattern, anchored.
    anchored: Regex,
}

impl Starts {
    /// Builds `pattern`, whose matches each begin with one of `starts`.
    ///
    /// # Panics
    /// When a word marked to begin a word begins, or is begun by, one that is not.
    pub(crate) fn new(pattern: &str, starts: &[Start]) -> Self {
        for a in starts {
            for b in starts.iter().filter(|b| b.word_start != a.word_start) {
                let (a, b) = (a.word.as_bytes(), b.word.as_bytes());
                let n = a.len().min(b.len());
                assert!(
                    !a[..n].eq_ignore_ascii_case(&b[..n]),
                    "start words overlap: {:?} {:?}",
                    String::from_utf8_lossy(a),
                    String::from_utf8_lossy(b)
                );
            }
        }
        let mut first: [Vec<u8>; 256] = std::array::from_fn(|_| Vec::new());
        for (i, s) in starts.iter().enumerate() {
            let b = s.word.as_bytes()[0];
            let i = u8::try_from(i).expect("fewer than 256 start words");
            first[usize::from(b.to_ascii_lowercase())].push(i);
            if b.is_ascii_alphabetic() {
                first[usize::from(b.to_ascii_uppercase())].push(i);
            }
        }
        Starts {
            starts: starts.to_vec(),
            first,
            anchored: Regex::new(&format!("^(?:{pattern})")).expect("a valid pattern"),
        }
    }

    /// True when some start word begins at byte `i` of `text`.
    fn candidate(&self, text: &[u8], i: usize) -> bool {
        self.first[usize::from(text[i])].iter().any(|&k| {
            let s = &self.starts[usize::from(k)];
            let w = s.word.as_bytes();
            text.get(i..i + w.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
                && !(s.word_start && i > 0 && is_word_byte(text[i - 1]))
        })
    }

    /// The places from byte `from` on where a match may begin.
    fn candidates<'a>(&'a self, text: &'a str, from: usize) -> impl Iterator<Item = usize> + 'a {
        let bytes = text.as_bytes();
        (from..bytes.len()).filter(|&i| self.candidate(bytes, i))
    }

    /// The first match that begins at or after byte `from` (a character boundary), with its
    /// groups: the captures of the text from the returned position on (add it to their
    /// positions for positions in `text`).
    pub(crate) fn captures_at<'t>(
        &self,
        text: &'t str,
        from: usize,
    ) -> Option<(usize, Captures<'t>)> {
        self.candidates(text, from)
            .find_map(|i| self.anchored.captures(&text[i..]).map(|c| (i, c)))
    }

    /// The first match beginning at or after `from`, as byte positions in `text`.
    pub(crate) fn find_at(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        self.candidates(text, from)
            .find_map(|i| self.anchored.find(&text[i..]).map(|m| (i, i + m.end())))
    }

    /// True when the pattern matches somewhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.find_at(text, 0).is_some()
    }

    /// The matches of `text` from left to right, none overlapping: `(start, end)` in bytes.
    pub(crate) fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let (s, e) = self.find_at(text, at)?;
            // A match is never empty (each begins with a word), so this moves on.
            at = e.max(s + 1);
            while !text.is_char_boundary(at) {
                at += 1;
            }
            Some((s, e))
        })
    }
}

/// An ASCII letter, digit or `_`: what `\b` (ASCII) counts as a word character.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Starts {
        Starts::new(
            r"(?i)(?-u:\b)no\s+more|(?-u:\b)thanks?|谢谢",
            &[word("no"), word("thank"), anywhere("谢谢")],
        )
    }

    #[test]
    fn matches_begin_only_where_their_words_do() {
        let s = sample();
        let text = "Piano more. No more questions; thank you. 谢谢大家。Nothing";
        let found: Vec<&str> = s.find_iter(text).map(|(a, b)| &text[a..b]).collect();
        assert_eq!(found, ["No more", "thank", "谢谢"]);
        assert!(!s.is_match("piano more, bethanks"));
        assert!(s.is_match("thanks"));
        assert_eq!(s.find_at("a thanks", 1), Some((2, 8)));
        assert_eq!(s.find_at("a thanks", 3), None);
    }

    #[test]
    #[should_panic(expected = "start words overlap")]
    fn a_word_start_may_not_overlap_an_inner_start() {
        Starts::new(r"(?-u:\b)not|note", &[word("not"), anywhere("note")]);
    }

    #[test]
    fn groups_are_placed_by_the_offset() {
        let s = Starts::new(r"from (?P<who>[A-Z]\w*)", &[anywhere("from")]);
        let text = "A question from Ada.";
        let (offset, c) = s.captures_at(text, 0).unwrap();
        let who = c.name("who").unwrap();
        assert_eq!(who.as_str(), "Ada");
        assert_eq!(&text[offset + who.start()..offset + who.end()], "Ada");
    }
}
