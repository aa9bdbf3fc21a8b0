//! Showing Chinese in Simplified or Traditional characters whatever the source, and matching
//! across the two scripts. Conversions that would change a text's character boundaries are
//! not applied, so byte offsets (wrapping, highlights, matches) stay valid.

use std::borrow::Cow;
use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// Which way a text is converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    /// To Simplified characters (from Traditional, Taiwan's forms included).
    Hans,
    /// To Traditional characters in Taiwan's standard forms (characters only: no
    /// vocabulary is replaced).
    Hant,
}

/// OpenCC's converters (Apache-2.0 dictionaries), built once on first use.
static TO_HANS: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::Tw2s).ok());
static TO_HANT: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::S2tw).ok());

/// `text` converted with `variant`'s converter (as it is when the converter cannot be built).
fn opencc(text: &str, variant: Variant) -> Cow<'_, str> {
    let converter = match variant {
        Variant::Hans => &*TO_HANS,
        Variant::Hant => &*TO_HANT,
    };
    match converter {
        Some(c) => Cow::Owned(c.convert(text)),
        None => Cow::Borrowed(text),
    }
}

/// The script the Chinese column is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChineseScript {
    /// As the file has it.
    #[default]
    Original,
    Simplified,
    Traditional,
}

/// True when `a` and `b` have their characters at the same byte offsets.
fn same_boundaries(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.char_indices()
            .map(|(i, _)| i)
            .eq(b.char_indices().map(|(i, _)| i))
}

/// True when the text holds a Han character (only such text can need converting).
fn maybe_han(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(crate::transcript::text::is_han)
}

/// `text` converted to `variant` when that keeps its character boundaries.
fn convert(text: &str, variant: Variant) -> Cow<'_, str> {
    if !maybe_han(text) {
        return Cow::Borrowed(text);
    }
    let out = opencc(text, variant);
    if out != text && same_boundaries(text, &out) {
        Cow::Owned(out.into_owned())
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` as the reader should show it in `script`.
pub fn to_script(text: &str, script: ChineseScript) -> Cow<'_, str> {
    match script {
        ChineseScript::Original => Cow::Borrowed(text),
        ChineseScript::Simplified => convert(text, Variant::Hans),
        ChineseScript::Traditional => to_hant(text),
    }
}

/// Words the converter must not read across: its longest-match segmentation takes the last
/// character of `先生` with the next as a phrase (`先生发表` → `先生髮表`, "hair").
const WHOLE_WORDS: [&str; 1] = ["先生"];

/// Titles after a surname: `范先生`, `于总` keep the surname as written (see [`NAME_KEEPS`]).
const TITLES: [&str; 9] = [
    "先生", "女士", "小姐", "总", "總", "博士", "教授", "老师", "老師",
];

/// `text` in Traditional characters, with the converter kept from reading across
/// [`WHOLE_WORDS`] and surnames before a title kept as written.
fn to_hant(text: &str) -> Cow<'_, str> {
    let guarded = WHOLE_WORDS.iter().any(|w| text.contains(w));
    let titled = text.contains(NAME_KEEPS);
    if !guarded && !titled {
        return convert(text, Variant::Hant);
    }
    // Each piece ends after a whole word; conversion keeps boundaries, so pieces concatenate
    // to a text with the original's character offsets.
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    let mut cuts: Vec<usize> = WHOLE_WORDS
        .iter()
        .flat_map(|w| text.match_indices(w).map(|(i, w)| i + w.len()))
        .collect();
    cuts.sort_unstable();
    cuts.push(text.len());
    for cut in cuts {
        if cut > start {
            out.push_str(&convert(&text[start..cut], Variant::Hant));
            start = cut;
        }
    }
    if titled {
        out = text
            .char_indices()
            .zip(out.chars())
            .map(|((i, o), c)| {
                let rest = &text[i + o.len_utf8()..];
                if NAME_KEEPS.contains(&o) && TITLES.iter().any(|t| rest.starts_with(t)) {
                    o
                } else {
                    c
                }
            })
            .collect();
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Characters whose usual Traditional form (`里` → `裏`, `范` → `範`) is wrong in a person's
/// name, where the Simplified character is also the Traditional one (`埃里克`, surnames
/// `范`, `于`, `余`).
const NAME_KEEPS: [char; 4] = ['里', '范', '于', '余'];

/// A person's name as the reader should show it in `script`: as [`to_script`], keeping the
/// characters names write the same in both scripts.
pub fn name_to_script(name: &str, script: ChineseScript) -> Cow<'_, str> {
    let out = to_script(name, script);
    if script != ChineseScript::Traditional || !name.contains(NAME_KEEPS) {
        return out;
    }
    // Boundaries are kept by `to_script`: the characters pair up one for one.
    Cow::Owned(
        name.chars()
            .zip(out.chars())
            .map(|(o, c)| if NAME_KEEPS.contains(&o) { o } else { c })
            .collect(),
    )
}

/// `text` in Simplified characters, for matching across scripts.
pub fn fold_script(text: &str) -> Cow<'_, str> {
    convert(text, Variant::Hans)
}

/// `c` in lower case when that is one character, else `c` (`İ`, whose lower case is two):
/// folding for search keeps one character for one.
pub fn lower_one(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// `text` in Simplified characters character by character (each Traditional character to
/// its usual Simplified one, remembered per thread): for folding text to search, where
/// one text's conversion must be the same wherever it occurs, and fast. Lengths and
/// character boundaries may change only where a character's UTF-8 length does.
pub fn fold_chars(text: &str) -> Cow<'_, str> {
    if !maybe_han(text) {
        return Cow::Borrowed(text);
    }
    type Seen = crate::quick_hash::QuickMap<char, char>;
    thread_local! {
        static SEEN: std::cell::RefCell<Seen> = std::cell::RefCell::new(Seen::default());
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        for c in text.chars() {
            let f = if crate::transcript::text::is_han(c) {
                *seen.entry(c).or_insert_with(|| {
                    let one = c.to_string();
                    let conv = convert(&one, Variant::Hans);
                    let mut it = conv.chars();
                    match (it.next(), it.next()) {
                        (Some(s), None) => s,
                        _ => c,
                    }
                })
            } else {
                c
            };
            changed |= f != c;
            out.push(f);
        }
        if changed {
            Cow::Owned(out)
        } else {
            Cow::Borrowed(text)
        }
    })
}

/// The next script in the cycle original → simplified → traditional.
pub fn next(script: ChineseScript) -> ChineseScript {
    match script {
        ChineseScript::Original => ChineseScript::Simplified,
        ChineseScript::Simplified => ChineseScript::Traditional,
        ChineseScript::Traditional => ChineseScript::Original,
    }
}

/// How a script is named in the status line.
pub fn label(script: ChineseScript) -> &'static str {
    match script {
        ChineseScript::Original => "Chinese as written",
        ChineseScript::Simplified => "Chinese in Simplified characters",
        ChineseScript::Traditional => "Chinese in Traditional characters",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_character_by_character_meets_the_simplified_text() {
        assert_eq!(
            fold_chars("亞馬遜的營收為 2,134 億美元"),
            "亚马逊的营收为 2,134 亿美元"
        );
        assert_eq!(fold_chars("亚马逊"), "亚马逊");
        assert!(matches!(fold_chars("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn names_keep_the_characters_they_write_alike() {
        let t = ChineseScript::Traditional;
        assert_eq!(name_to_script("埃里克·谢里丹", t), "埃里克·謝里丹");
        assert_eq!(name_to_script("范文亮", t), "范文亮");
        assert_eq!(
            to_script("这里的公里数", t),
            "這裡的公里數",
            "speech is converted as usual"
        );
        assert_eq!(
            name_to_script("谢里丹", ChineseScript::Simplified),
            "谢里丹"
        );
    }

    #[test]
    fn traditional_does_not_read_across_a_title_or_change_a_titled_surname() {
        let hant = |s| to_script(s, ChineseScript::Traditional).into_owned();
        assert_eq!(hant("王先生发表了讲话"), "王先生發表了講話");
        assert_eq!(hant("感谢先生发问。先生发言"), "感謝先生發問。先生發言");
        assert_eq!(hant("范先生和于总说，里程碑"), "范先生和于總說，里程碑");
        // Elsewhere the characters convert as before.
        assert_eq!(hant("模范的头发"), "模範的頭髮");
        assert_eq!(hant("这里面"), "這裡面");
    }

    #[test]
    fn converts_both_ways_keeping_offsets() {
        let t = "亞馬遜的營收為 2,134 億美元";
        let s = to_script(t, ChineseScript::Simplified);
        assert_eq!(s, "亚马逊的营收为 2,134 亿美元");
        assert_eq!(to_script(&s, ChineseScript::Traditional), t);
        assert!(same_boundaries(t, &s));
        assert_eq!(to_script(t, ChineseScript::Original), t);
        assert!(matches!(
            to_script("AWS grew 24%", ChineseScript::Simplified),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn folds_traditional_to_simplified() {
        assert_eq!(fold_script("營收"), "营收");
        assert_eq!(fold_script("营收"), "营收");
    }

    #[test]
    fn cycles_through_the_scripts() {
        let mut s = ChineseScript::Original;
        for _ in 0..3 {
            s = next(s);
        }
        assert_eq!(s, ChineseScript::Original);
    }
}
