//! Numbers in a call: find the figures in English and Chinese text, pair them across the two
//! languages of a paragraph, and flag the ones a translation got wrong.
//!
//! [`extract`] reads one text: each [`Figure`] keeps its text and byte range, a value in base
//! units (dollars, not billions; percent as written) and a [`Kind`]. Years, quarter labels,
//! list markers, ordinals, dates and product versions are [`Weak`]: they pair but never raise a
//! mismatch alone. [`analyze`] runs over a whole [`Transcript`](crate::Transcript): within each
//! bilingual paragraph it matches figures by value and kind (tolerating rounding and the
//! million/亿 change of unit) and reports scale errors, transposed digits, wrong values and
//! Chinese figures the English does not have.

mod analyze;
mod en;
mod en_words;
mod excuse;
mod pair;
mod scan;
mod zh;
mod zh_numerals;
mod zh_units;

use std::ops::Range;

use crate::transcript::model::Lang;

pub use analyze::{Analysis, BlockFigures, Mark, Mismatch, analyze};
pub use pair::Reason;

/// The currency of a money figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    Usd,
    Cny,
    Hkd,
    Twd,
    Eur,
    Gbp,
    Jpy,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An amount of money; `None` when the text gives no currency (`¥` alone is ambiguous).
    Money(Option<Currency>),
    /// `17%`, `17 percent`, `百分之十七`.
    Percent,
    /// `2.1 percentage points`, `2.1 个百分点`.
    PercentPoints,
    /// `120 basis points`, `120 个基点`.
    BasisPoints,
    /// A plain quantity: `2.75 million`, `240 万`, `十三个季度`.
    Count,
    /// `2x`, `3 倍`.
    Multiplier,
    /// A share as a ratio: `三分之一` is 0.333…, `half` 0.5.
    Fraction,
    /// `2025`, `2025 年`.
    Year,
    /// `Q1` or `第一季度`: the value is the quarter's number.
    Quarter,
}

/// Why a figure is weak: it pairs like any other but never raises a mismatch on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weak {
    Year,
    Quarter,
    /// `1.` at the start of a line, `1、`.
    ListMarker,
    /// `1st`, `第 3`.
    Ordinal,
    /// A day or month: `May 1`, `5 月 1 日`, `12/31`.
    Date,
    /// A number that belongs to a name: `Claude 3.7`, `Trainium 2`.
    Label,
}

/// One figure in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure as written, scale and unit included (`$155.7 billion`, `1,557 亿美元`).
    pub text: String,
    /// Byte range of [`Figure::text`] in the text it was found in.
    pub range: Range<usize>,
    /// The value in base units: 155.7e9 for `$155.7 billion`, 17 for `17%`, 0.5 for `一半`.
    pub value: f64,
    pub kind: Kind,
    pub weak: Option<Weak>,
    /// Written in words or Chinese numerals rather than digits.
    pub spelled: bool,
    /// The value of one unit in the last written digit (1e8 for `1,557 亿`): rounding tolerance.
    pub ulp: f64,
}

impl Figure {
    /// True when the figure can raise a mismatch by itself.
    pub fn is_strong(&self) -> bool {
        self.weak.is_none()
    }
}

/// All figures in `text`, in order of position.
pub fn extract(text: &str, lang: Lang) -> Vec<Figure> {
    match lang {
        Lang::En => en::extract(text),
        Lang::Zh => zh::extract(text),
    }
}
