//! A row's piece of text as styled spans: figures (when highlighted) and search matches laid
//! over the base style. Where a search match covers a figure, the match's colours win and
//! the figure's underline or bold stays.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::numbers::Mark;

use super::theme;
use crate::app::layout::{Piece, Src};

/// A styled byte range of a text.
pub type Layer = (Range<usize>, Style);

/// The style of a highlighted figure: mismatched, paired (coloured by `rank`, its pair's
/// place among the paragraph's pairs, so that pairs side by side differ) or alone.
pub fn figure_style(mark: &Mark, rank: Option<usize>) -> Style {
    match (mark.mismatch, rank) {
        (Some(_), _) => theme::MISMATCH,
        (None, Some(rank)) => theme::figure_pair(rank),
        (None, None) => theme::FIGURE,
    }
}

/// The highlighted figures of `src` in block `block` of turn `turn` (none while off).
pub fn figure_layers(app: &App, turn: usize, block: usize, src: Src) -> Vec<Layer> {
    let Some(figs) = app.figures.shown(turn, block) else {
        return Vec::new();
    };
    let marks = match src {
        Src::En => &figs.en,
        Src::Zh => &figs.zh,
        Src::Note | Src::Matter => return Vec::new(),
    };
    // Pairs are coloured in the order their English figures come; years, quarters,
    // ordinals and numbers in names are not highlighted (unless mistranslated).
    let order: Vec<usize> = figs
        .en
        .iter()
        .filter(|m| crate::app::sheets::shown_figure(m))
        .filter_map(|m| m.pair)
        .collect();
    marks
        .iter()
        .filter(|m| crate::app::sheets::shown_figure(m))
        .map(|m| {
            let rank = m.pair.and_then(|id| order.iter().position(|&p| p == id));
            (m.figure.range.clone(), figure_style(m, rank))
        })
        .collect()
}

/// The text of `p` as spans: `base`, then `figures` over it, then `search` over both.
pub fn layered<'a>(
    text: &'a str,
    p: Piece,
    base: Style,
    figures: &[Layer],
    search: &[Layer],
) -> Line<'a> {
    let (start, end) = (p.start as usize, p.end as usize);
    let inside = |r: &Range<usize>| r.start < end && r.end > start;
    let mut cuts = vec![start, end];
    for (r, _) in figures.iter().chain(search).filter(|(r, _)| inside(r)) {
        cuts.extend([r.start.clamp(start, end), r.end.clamp(start, end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let style_at = |at: usize| {
        let over = |layers: &[Layer]| {
            layers
                .iter()
                .find(|(r, _)| r.contains(&at))
                .map(|(_, s)| *s)
        };
        [over(figures), over(search)]
            .into_iter()
            .flatten()
            .fold(base, Style::patch)
    };
    let spans: Vec<Span<'a>> = cuts
        .windows(2)
        .map(|w| Span::styled(&text[w[0]..w[1]], style_at(w[0])))
        .collect();
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    /// The (text, style) of each span.
    fn parts(line: &Line) -> Vec<(String, Style)> {
        line.spans
            .iter()
            .map(|s| (s.content.to_string(), s.style))
            .collect()
    }

    #[test]
    fn a_figure_split_across_rows_is_styled_on_both() {
        let text = "grew to $4.2 billion today";
        let fig = vec![(8..20, theme::figure_pair(0))];
        let first = Piece {
            src: Src::En,
            start: 0,
            end: 13,
        };
        let second = Piece {
            src: Src::En,
            start: 13,
            end: text.len() as u32,
        };
        let a = parts(&layered(text, first, Style::new(), &fig, &[]));
        assert_eq!(
            a.last().unwrap(),
            &("$4.2 ".to_string(), theme::figure_pair(0))
        );
        let b = parts(&layered(text, second, Style::new(), &fig, &[]));
        assert_eq!(b[0], ("billion".to_string(), theme::figure_pair(0)));
        assert_eq!(b[1].1, Style::new());
    }

    #[test]
    fn search_colours_win_over_a_figure_and_its_underline_stays() {
        let text = "margin was 61% now";
        let all = Piece {
            src: Src::En,
            start: 0,
            end: text.len() as u32,
        };
        let fig = vec![(11..14, theme::MISMATCH)];
        let search = vec![(7..13, theme::MATCH)];
        let p = parts(&layered(text, all, Style::new(), &fig, &search));
        let texts: Vec<&str> = p.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["margin ", "was ", "61", "%", " now"]);
        assert_eq!(p[1].1, theme::MATCH);
        assert_eq!(p[2].1.bg, Some(Color::Yellow), "search wins the colours");
        assert!(
            p[2].1.add_modifier.contains(Modifier::BOLD),
            "mismatch stays bold"
        );
        assert_eq!(p[3].1, theme::MISMATCH);
    }
}
