//! Line wrapping by display width, for Latin and CJK text alike.
//!
//! Widths are measured per grapheme cluster with unicode-width, exactly as ratatui measures
//! them when it draws, so a wrapped line never overflows its column. Lines break at spaces,
//! between wide (CJK) characters, and between wide and narrow text; a Latin word is only cut
//! when it is longer than the column. Closing punctuation (，。” …) never starts a line and
//! opening punctuation (“（《) never ends one.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Punctuation that must not start a line.
const CLOSING: &str = "，。、；：？！）》」』】〉〕｝］〗”’…‥·・,.;:!?)]}%";
/// Punctuation that must not end a line.
const OPENING: &str = "（《「『【〈〔｛［〖“‘([{";

/// Display width of `s` in terminal cells, as ratatui measures it.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(|g| cell_width(g, false)).sum()
}

/// `s` cut to at most `max` cells, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = cell_width(g, false);
        if used + w + 1 > max {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// True for punctuation that must not start a line.
fn is_closing(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '%')
    } else {
        CLOSING.contains(c)
    }
}

/// True for punctuation that must not end a line.
fn is_opening(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '(' | '[' | '{')
    } else {
        OPENING.contains(c)
    }
}

/// Width of one grapheme cluster (control characters count 0: ratatui drops them); with
/// `wide`, East Asian ambiguous-width characters (“ ” … ·) count 2.
fn cell_width(g: &str, wide: bool) -> usize {
    if let [b] = g.as_bytes() {
        usize::from(!b.is_ascii_control())
    } else if g.contains(char::is_control) {
        0
    } else if wide {
        g.width_cjk()
    } else {
        g.width()
    }
}

/// How a grapheme takes part in line breaking.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Narrow,
    Wide,
}

/// An unbreakable piece of text (a word, a wide character with its punctuation, or spaces).
struct Atom {
    range: Range<usize>,
    width: usize,
    space: bool,
}

/// Wraps `text` into lines at most `width` cells wide; returns each line's byte range.
///
/// Spaces at the edges of lines are dropped; a `\n` forces a break. A column narrower than
/// a wide character cannot hold it: such a grapheme gets a line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_measured(text, width, false)
}

/// [`wrap`], counting East Asian ambiguous-width characters as two cells when `wide`.
pub fn wrap_measured(text: &str, width: usize, wide: bool) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for segment in text.split('\n') {
        let before = lines.len();
        fill(
            &atoms(segment, start, wide),
            segment,
            start,
            width,
            wide,
            &mut lines,
        );
        if lines.len() == before {
            lines.push(start..start);
        }
        start += segment.len() + 1;
    }
    lines
}

/// Splits one line of text (starting at byte `base`) into atoms.
fn atoms(text: &str, base: usize, wide: bool) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    let mut last_class = Class::Space;
    let mut glue_next = false;
    each_cluster(text, |i, g| {
        let w = cell_width(g, wide);
        let first = g.chars().next().unwrap_or(' ');
        let class = if first.is_whitespace() {
            Class::Space
        } else if w >= 2 {
            Class::Wide
        } else {
            Class::Narrow
        };
        let range = base + i..base + i + g.len();
        let glue = match out.last() {
            None => false,
            Some(prev) if class == Class::Space => prev.space,
            Some(prev) if prev.space => false,
            Some(_) => {
                (class == Class::Narrow && last_class == Class::Narrow)
                    || glue_next
                    || w == 0
                    || is_closing(first)
            }
        };
        match out.last_mut() {
            Some(prev) if glue => {
                prev.range.end = range.end;
                prev.width += w;
            }
            _ => out.push(Atom {
                range,
                width: w,
                space: class == Class::Space,
            }),
        }
        glue_next = class != Class::Space && is_opening(first);
        last_class = class;
    });
    out
}

/// Calls `f` with each grapheme cluster of `text` and its byte offset. Runs of ASCII take a
/// fast path (one byte, one cluster); the rest goes through full segmentation.
fn each_cluster(text: &str, mut f: impl FnMut(usize, &str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let ascii_end = i + bytes[i..].iter().take_while(|b| b.is_ascii()).count();
        // The last ASCII byte before other text may start a cluster with it (e + ◌́).
        let fast_end = if ascii_end < bytes.len() {
            ascii_end.saturating_sub(1).max(i)
        } else {
            ascii_end
        };
        for k in i..fast_end {
            f(k, &text[k..k + 1]);
        }
        let slow_end = ascii_end
            + bytes[ascii_end..]
                .iter()
                .take_while(|b| !b.is_ascii())
                .count();
        for (k, g) in text[fast_end..slow_end].grapheme_indices(true) {
            f(fast_end + k, g);
        }
        i = slow_end;
    }
}

/// Greedily fills lines of `width` cells with `atoms` of `text` (which starts at byte `base`).
fn fill(
    atoms: &[Atom],
    text: &str,
    base: usize,
    width: usize,
    wide: bool,
    lines: &mut Vec<Range<usize>>,
) {
    let mut line: Option<Range<usize>> = None;
    let mut used = 0;
    let mut gap = 0;
    for atom in atoms {
        if atom.space {
            gap = if line.is_some() { atom.width } else { 0 };
            continue;
        }
        if let Some(cur) = line.as_mut().filter(|_| used + gap + atom.width <= width) {
            cur.end = atom.range.end;
            used += gap + atom.width;
        } else {
            lines.extend(line.take());
            if atom.width <= width {
                line = Some(atom.range.clone());
                used = atom.width;
            } else {
                used = split_long(atom, (text, base), (width, wide), lines, &mut line);
            }
        }
        gap = 0;
    }
    lines.extend(line);
}

/// Cuts an atom wider than the column grapheme by grapheme; leaves its tail open in `line`.
fn split_long(
    atom: &Atom,
    (text, base): (&str, usize),
    (width, wide): (usize, bool),
    lines: &mut Vec<Range<usize>>,
    line: &mut Option<Range<usize>>,
) -> usize {
    let mut used = 0;
    let local = atom.range.start - base..atom.range.end - base;
    for (i, g) in text[local.clone()].grapheme_indices(true) {
        let w = cell_width(g, wide);
        let at = atom.range.start + i;
        match line.as_mut() {
            Some(cur) if used + w <= width => {
                cur.end = at + g.len();
                used += w;
            }
            _ => {
                lines.extend(line.take());
                *line = Some(at..at + g.len());
                used = w;
            }
        }
    }
    used
}

#[cfg(test)]
#[path = "wrap_tests.rs"]
mod tests;
