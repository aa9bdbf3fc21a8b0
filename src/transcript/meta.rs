//! Call metadata: title, company, period and date, from the title line, front matter or speech.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::text::{char_len, contains_ignoring_case, squash_spaces, within};

static Q_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Q|F?Q)([1-4])\s*(?:FY\s*|')?((?:19|20)[0-9][0-9])(?-u:\b)").unwrap()
});
/// `Q1 FY26`: a fiscal year in two digits.
static Q_FY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)F?Q([1-4])[ \t]*FY[ \t]*'?([0-9][0-9])(?-u:\b)").unwrap()
});
static YEAR_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)[0-9][0-9])\s*(?:年\s*)?(?:第)?\s*Q([1-4])(?-u:\b)").unwrap()
});
static ORDINAL_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(first|second|third|fourth)[\s-]+quarter\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?((?:19|20)[0-9][0-9])(?-u:\b)")
        .unwrap()
});
static ZH_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9][0-9])\s*(?:财年|財年|年度|年)?\s*(?:第)?\s*([一二三四1-4])\s*(?:财季|財季|季度|季)").unwrap()
});
static EN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)[0-9][0-9])(?-u:\b)")
        .unwrap()
});
/// The day before the month: `27 Apr 2022`, `3rd March 2025` (RFC 2822 dates, British use).
static EN_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,2})(?:st|nd|rd|th)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)[0-9][0-9])(?-u:\b)")
        .unwrap()
});
static ZH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9][0-9])\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日").unwrap()
});
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)[0-9][0-9])-([0-9]{2})-([0-9]{2})(?-u:\b)").unwrap()
});
static TITLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)earnings|conference call|call transcript|results|电话会|電話會|业绩会|業績會|财报|財報|逐字稿|实录|實錄|季度|季报")
        .unwrap()
});
static EN_COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:F?Q[1-4]\s+(?:FY\s*)?(?:19|20)[0-9][0-9])\s+)?(?P<c>[A-Z][^()]+?)\s*(?:\(|(?-u:\b)(?:Q[1-4]|FQ[1-4]|(?:First|Second|Third|Fourth) Quarter|(?:19|20)[0-9][0-9]|Earnings|Conference Call)(?-u:\b))")
        .unwrap()
});
static ZH_COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:【[^】]*】|\[[^\]]*\])?\s*(?P<c>[^\s0-9【】:：，,（(][^0-9【】:：，,（(]+?)\s*(?:[（(][^（()）]{1,24}[）)]\s*)?(?:(?:19|20)[0-9][0-9]|第|Q[1-4]|电话会|電話會|业绩|業績|财报|財報|高管|管理层|管理層|CEO|CFO)")
        .unwrap()
});
static WELCOME_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Ww]elcome to|for joining) (?:the )?(?P<c>[A-Z][A-Za-z0-9_.&'’ \x{C0}-\x{24F}-]+?)(?:'s|’s|'|’)?\s+(?:(?i:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?i:quarter)|Q[1-4]|(?:19|20)[0-9][0-9]|(?i:fiscal|full[\s-]year|earnings))")
        .unwrap()
});
static WELCOME_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"欢迎(?:参加|參加|来到|來到)\s*(?P<c>[^\s0-9，,。(（]{2,}?)\s*(?:[(（][^)）]*[)）])?\s*(?:(?:19|20)[0-9][0-9]|第)").unwrap()
});
static AS_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)as of today,?\s+|截至|截止").unwrap());

/// Builds this module's patterns now (see [`super::warm`]).
pub(super) fn warm() {
    for p in [
        &Q_YEAR,
        &Q_FY,
        &YEAR_Q,
        &ORDINAL_Q,
        &ZH_Q,
        &EN_DATE,
        &EN_DAY_MONTH,
        &ZH_DATE,
        &ISO_DATE,
        &TITLE_WORDS,
        &EN_COMPANY,
        &ZH_COMPANY,
        &WELCOME_EN,
        &WELCOME_ZH,
        &AS_OF,
    ] {
        LazyLock::force(p);
    }
}

const ZH_DIGITS: [(&str, &str); 4] = [("一", "1"), ("二", "2"), ("三", "3"), ("四", "4")];

/// Finds a quarter label (`Q1 2025`) in text.
pub fn period(text: &str) -> Option<String> {
    // Every form has a figure, and a `Q`, the word `quarter` or `季`: the patterns are run
    // only where they can match.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let quarter = contains_ignoring_case(text, "quarter");
    let ji = text.contains('季');
    // Where the first match may start: at the first `Q` (or the `F` of `FQ`), at the first
    // `19` or `20`. Searching from there finds what searching from the start would.
    let q = text
        .find('Q')
        .map(|at| at - usize::from(text[..at].ends_with('F')));
    let year = first_century(text);
    let from = |at: Option<usize>, re: &Regex| at.and_then(|at| re.captures_at(text, at));
    let found = [
        from(q, &Q_YEAR).map(|c| {
            (
                c.get(0).map_or(0, |m| m.start()),
                c[1].to_string(),
                c[2].to_string(),
            )
        }),
        from(q, &Q_FY).map(|c| {
            (
                c.get(0).map_or(0, |m| m.start()),
                c[1].to_string(),
                format!("20{}", &c[2]),
            )
        }),
        from(q.and(year), &YEAR_Q).map(|c| {
            (
                c.get(0).map_or(0, |m| m.start()),
                c[2].to_string(),
                c[1].to_string(),
            )
        }),
        quarter
            .then(|| ORDINAL_Q.captures(text))
            .flatten()
            .map(|c| {
                let q = match c[1].to_lowercase().as_str() {
                    "first" => "1",
                    "second" => "2",
                    "third" => "3",
                    _ => "4",
                };
                (
                    c.get(0).map_or(0, |m| m.start()),
                    q.to_string(),
                    c[2].to_string(),
                )
            }),
        from(year.filter(|_| ji), &ZH_Q).map(|c| {
            let q = ZH_DIGITS
                .iter()
                .find(|(z, _)| *z == &c[2])
                .map_or(&c[2], |(_, d)| d);
            (
                c.get(0).map_or(0, |m| m.start()),
                q.to_string(),
                c[1].to_string(),
            )
        }),
    ];
    found
        .into_iter()
        .flatten()
        .min_by_key(|(pos, _, _)| *pos)
        .map(|(_, q, y)| format!("Q{q} {y}"))
}

/// Where `text` first has `19` or `20` (a year of these centuries can start there).
fn first_century(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let at = |n: &[u8]| memchr::memmem::find(bytes, n);
    match (at(b"19"), at(b"20")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Finds a full date and returns it as `YYYY-MM-DD`.
pub fn date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let iso = |y: &str, m: usize, d: &str| -> Option<String> {
        let d: usize = d.parse().ok()?;
        let year: usize = y.parse().ok()?;
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        (1..=days)
            .contains(&d)
            .then(|| format!("{y}-{m:02}-{d:02}"))
    };
    // Matched in lower case (the same byte offsets): a case-insensitive pattern is slower.
    let lower = text.to_ascii_lowercase();
    // Searched from where a first match can start (a month's name, a `19` or `20`).
    let year = first_century(text)?;
    let month = MONTHS.iter().filter_map(|m| lower.find(m)).min();
    // A month's number from its name, whole or cut short.
    let month_of = |name: &str| {
        MONTHS
            .iter()
            .position(|m| name.starts_with(m))
            .map(|m| m + 1)
    };
    let found = [
        month
            .and_then(|at| EN_DATE.captures_at(&lower, at))
            .and_then(|c| Some((c.get(0)?.start(), iso(&c[3], month_of(&c[1])?, &c[2])?))),
        // The day comes at most five bytes before the month (`27th `).
        month
            .map(|at| {
                (at.saturating_sub(5)..=at)
                    .find(|&s| lower.is_char_boundary(s))
                    .unwrap_or(at)
            })
            .and_then(|from| EN_DAY_MONTH.captures_at(&lower, from))
            .and_then(|c| Some((c.get(0)?.start(), iso(&c[3], month_of(&c[2])?, &c[1])?))),
        ZH_DATE
            .captures_at(text, year)
            .and_then(|c| Some((c.get(0)?.start(), iso(&c[1], c[2].parse().ok()?, &c[3])?))),
        ISO_DATE
            .captures_at(text, year)
            .and_then(|c| Some((c.get(0)?.start(), iso(&c[1], c[2].parse().ok()?, &c[3])?))),
    ];
    found
        .into_iter()
        .flatten()
        .min_by_key(|(p, _)| *p)
        .map(|(_, d)| d)
}

/// A date given as "as of today, February 1, 2024" / "截至 2026 年 2 月 5 日" in speech.
pub fn date_as_of(text: &str) -> Option<String> {
    let said = contains_ignoring_case(text, "as of today")
        || text.contains("截至")
        || text.contains("截止");
    if !said {
        return None;
    }
    AS_OF.find_iter(text).find_map(|m| {
        let rest = &text[m.end()..];
        let end = rest.char_indices().nth(30).map_or(rest.len(), |(i, _)| i);
        date(&rest[..end])
    })
}

/// True when a line reads like a document title.
pub fn title_like(text: &str) -> bool {
    char_len(text) <= 160 && TITLE_WORDS.is_match(text)
}

/// True when the first line of a document is its title (a heading, not a sentence).
pub fn first_line_title(text: &str) -> bool {
    title_like(text) && !text.ends_with(super::text::is_terminal_punct) && !text.contains('。')
}

/// True when a heading is a name and a date run together as a file is named
/// (`聯發科_20260311`, `Acme 2026-03-11`): the company and the day of its call.
pub fn name_date_heading(text: &str) -> bool {
    let Some(cut) = text.rfind(['_', ' ']) else {
        return false;
    };
    let (name, day) = (
        text[..cut].trim_end_matches(['_', ' ', '-']),
        &text[cut + 1..],
    );
    let compact = day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit());
    let iso = day.len() == 10 && ISO_DATE.is_match(day);
    (compact || iso)
        && (day.starts_with("19") || day.starts_with("20"))
        && (1..=40).contains(&char_len(name))
        && name.chars().any(char::is_alphabetic)
        && !name.contains(['.', '。', '?', '!'])
}

/// True when a front-matter line reads like a heading that titles the call (short, no sentence).
pub fn front_title_like(text: &str) -> bool {
    char_len(text) <= 60 && title_like(text) && !text.contains([',', '，', '。', ';', '；'])
}

/// The company named in a title line.
pub fn company_from_title(title: &str) -> Option<String> {
    let t = title.trim().trim_start_matches('#').trim();
    // A Chinese title is read as Chinese first (`Meta 高管解读 Q2 财报`: the company ends
    // where the Chinese words about it begin).
    let han = t.chars().any(super::text::is_han);
    // The company is at most 61 characters in English, 31 in Chinese.
    let (first, second) = if han {
        ((&*ZH_COMPANY, 31), (&*EN_COMPANY, 61))
    } else {
        ((&*EN_COMPANY, 61), (&*ZH_COMPANY, 31))
    };
    let bounded =
        |(re, most): (&Regex, usize)| re.captures(t).filter(|c| within(c, &[("c", most)]));
    let c = bounded(first).or_else(|| bounded(second)).map(|c| {
        let c = c["c"]
            .trim()
            .trim_end_matches([',', ' ', '—', '–', '-', ':', '|', '_']);
        // `Citigroup's (C) CEO on Q4 Results`: the company without the possessive.
        c.strip_suffix("'s")
            .or_else(|| c.strip_suffix("’s"))
            .unwrap_or(c)
            .to_string()
    })?;
    // A period is not a company (`Q1 2027 Earnings Call`).
    let period_only = period(&c).is_some_and(|p| squash_spaces(&c).len() <= p.len() + 1)
        || (c.len() <= 3
            && c.starts_with(['Q', 'H'])
            && c[1..].chars().all(|d| d.is_ascii_digit()));
    (!c.is_empty() && !TITLE_WORDS.is_match(&c) && !period_only).then(|| squash_spaces(&c))
}

/// True when a company read from a title is one word that the call's opening does not name,
/// or writes in lower case (`Full Conference Call Transcript`: `full year`): a word about the
/// transcript, trusted only when nothing else names the company.
pub fn ordinary_word(company: &str, text: &str) -> bool {
    let mut words = company.split_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    let lower = word.to_lowercase();
    !text.contains(word)
        || lower != word
            && text.match_indices(&lower).any(|(at, m)| {
                let before = text[..at].chars().next_back();
                let after = text[at + m.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
}

/// The company named on the line under a bare ticker line (`NASDAQ:ACME`, then `Acme`), as
/// transcript pages print their masthead; among the first lines before the call.
pub fn company_under_ticker(lines: &[String]) -> Option<String> {
    lines[..lines.len().min(12)].windows(2).find_map(|w| {
        let name = w[1].trim();
        (bare_ticker(&w[0]) && masthead_name(name)).then(|| name.to_string())
    })
}

/// A line that is only a market and a ticker (`NYSE: ACME`, `HKEX:9988`).
fn bare_ticker(line: &str) -> bool {
    let Some((market, ticker)) = line.trim().split_once([':', '：']) else {
        return false;
    };
    let (market, ticker) = (market.trim(), ticker.trim());
    (2..=10).contains(&market.len())
        && market.bytes().all(|b| b.is_ascii_uppercase())
        && ticker_symbol(ticker, 8)
}

/// True for a ticker symbol of at most `longest` capitals, figures and dots (`AMZN`, `9988`,
/// `BRK.B`).
fn ticker_symbol(symbol: &str, longest: usize) -> bool {
    (1..=longest).contains(&symbol.len())
        && symbol
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
}

/// A short line that can be a company's name: capitalised, a few words, no sentence, no
/// date or period, no title.
fn masthead_name(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_uppercase)
        && line.split_whitespace().count() <= 8
        && line.chars().count() <= 60
        && !line.contains([':', '：', '?', '!', '|', '。'])
        && !title_like(line)
        && date(line).is_none()
        && period(line).is_none()
}

/// The company on a masthead line, as transcript sites print one under the title:
/// `Acme Holdings, Inc. | Earnings Calls | 2026-08-04` (the company first, the site's section
/// or the date after a bar); or, as a company's own transcript heads its first page, the
/// company in its legal form with its ticker in brackets: `Acme Holdings, Inc. (ACME)`.
pub fn company_from_masthead(line: &str) -> Option<String> {
    let mut parts = line.split(" | ").map(str::trim);
    let first = parts.next()?.trim_matches('*').trim();
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty()
        && let Some((name, ticker)) = first.strip_suffix(')').and_then(|f| f.rsplit_once('('))
    {
        let symbol = ticker.rsplit(':').next().unwrap_or_default().trim();
        let name = name.trim();
        return (ticker_symbol(symbol, 6) && corporate_name(name)).then(|| squash_spaces(name));
    }
    let described = rest
        .iter()
        .any(|p| title_like(p) || date(p).is_some() || period(p).is_some());
    let named = corporate_name(first)
        || ((2..=60).contains(&char_len(first))
            && first.starts_with(|c: char| c.is_uppercase())
            && !first.contains(['.', '?', '!'])
            && period(first).is_none());
    (described && named && !TITLE_WORDS.is_match(first)).then(|| squash_spaces(first))
}

/// True for a company's name ending in its legal form (`Acme Co., Inc.`, `Acme Ltd.`).
fn corporate_name(text: &str) -> bool {
    let last = super::participants::last_word(text);
    char_len(text) <= 60
        && text.starts_with(|c: char| c.is_uppercase())
        && [
            "inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "se", "nv", "limited",
        ]
        .contains(&last.as_str())
}

/// The company named in the operator's welcome ("welcome to the Acme First Quarter…").
pub fn company_from_welcome(text: &str) -> Option<String> {
    // The company's name is at most 40 characters after its capital (checked here rather
    // than by a counted repetition, which would make the pattern slow to run); a period
    // (`welcome to the Second Quarter 2026 call`) is no company.
    let not_period = |c: &regex_lite::Captures<'_>| {
        let words: Vec<String> = c["c"].split_whitespace().map(str::to_lowercase).collect();
        let ordinal = [
            "first", "second", "third", "fourth", "fiscal", "full", "q1", "q2", "q3", "q4",
        ];
        !words.first().is_some_and(|w| ordinal.contains(&w.as_str()))
    };
    // Both patterns open with their words: searched from the first place those are.
    let en = ["Welcome to", "welcome to", "for joining"]
        .iter()
        .filter_map(|w| text.find(w))
        .min();
    let zh = text.find("欢迎");
    en.and_then(|at| {
        WELCOME_EN
            .captures_iter(&text[at..])
            .find(|c| c["c"].chars().count() <= 41 && not_period(c))
    })
    .or_else(|| {
        zh.and_then(|at| WELCOME_ZH.captures(&text[at..]))
            .filter(|c| within(c, &[("c", 12)]))
    })
    .map(|c| c["c"].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(
            period("Acme (NASDAQ:ACME) Q1 2025 Earnings Call").as_deref(),
            Some("Q1 2025")
        );
        assert_eq!(
            period("the Acme Fourth Quarter 2023 Financial Results").as_deref(),
            Some("Q4 2023")
        );
        assert_eq!(
            period("【談股市】某公司2025年第四季電話會議").as_deref(),
            Some("Q4 2025")
        );
        assert_eq!(
            period("欢迎参加 2024 年第四季度财务业绩电话会议").as_deref(),
            Some("Q4 2024")
        );
        assert_eq!(period("2026 财年第一季度").as_deref(), Some("Q1 2026"));
        assert_eq!(period("2025 年 Q4 财报").as_deref(), Some("Q4 2025"));
        assert_eq!(period("no period here 2025"), None);
        assert_eq!(
            period("Acme — Q1 FY26 Earnings Call").as_deref(),
            Some("Q1 2026")
        );
        assert_eq!(period("Q3 FY2026").as_deref(), Some("Q3 2026"));
    }

    #[test]
    fn dates() {
        assert_eq!(date("October 26th, 2022").as_deref(), Some("2022-10-26"));
        assert_eq!(
            date("Held on March 1st 2024").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            date("Call May 1, 2025 5:00 PM ET").as_deref(),
            Some("2025-05-01")
        );
        assert_eq!(
            date("EVENT DATE/TIME: JULY 28, 2026 / 9:00PM GMT").as_deref(),
            Some("2026-07-28")
        );
        assert_eq!(date("2025-02-07 10:31:13").as_deref(), Some("2025-02-07"));
        assert_eq!(
            date("Wed, 27 Apr 2022 23:29:53 GMT").as_deref(),
            Some("2022-04-27")
        );
        assert_eq!(
            date("held on 3rd March 2025").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(date("31 June 2025"), None);
        // Days that do not exist are not dates.
        assert_eq!(date("February 30, 2026"), None);
        assert_eq!(date("2026-04-31"), None);
        assert_eq!(date("Feb 29, 2028").as_deref(), Some("2028-02-29"));
        assert_eq!(date("2026年2月29日"), None);
        assert_eq!(
            date("Aug 05, 2026, 4:30 p.m. ET").as_deref(),
            Some("2026-08-05")
        );
        assert_eq!(date("Sept. 3, 2026").as_deref(), Some("2026-09-03"));
        assert_eq!(
            date_as_of("僅代表管理層截至 2026 年 2 月 5 日當前的觀點").as_deref(),
            Some("2026-02-05")
        );
        assert_eq!(
            date_as_of("views as of today, February 1, 2024, only").as_deref(),
            Some("2024-02-01")
        );
    }

    #[test]
    fn a_heading_of_a_name_and_a_date_names_the_company() {
        assert!(name_date_heading("華新電機_20260311"));
        assert!(name_date_heading("Halvard Tools 2026-03-11"));
        assert!(!name_date_heading("20260311"));
        assert!(!name_date_heading("Call notes 12345678"));
        assert!(!name_date_heading("Results."));
        assert_eq!(
            company_from_title("華新電機_20260311").as_deref(),
            Some("華新電機")
        );
    }

    #[test]
    fn companies() {
        assert_eq!(
            company_from_title("Amazon.com, Inc. (NASDAQ:AMZN) Q1 2025 Earnings Conference Call")
                .as_deref(),
            Some("Amazon.com, Inc.")
        );
        assert_eq!(
            company_from_title("Northwind's (NWD) CEO Ann Lee on Q4 2016 Results").as_deref(),
            Some("Northwind")
        );
        assert_eq!(
            company_from_title("【談股市】某某公司2025年第四季電話會議逐字稿").as_deref(),
            Some("某某公司")
        );
        assert_eq!(
            company_from_title("某某公司（MMGS.US）2026年第一季度业绩电话会").as_deref(),
            Some("某某公司"),
            "a ticker in brackets after the name"
        );
        assert_eq!(
            company_from_title("某某电话会：AI 是机会").as_deref(),
            Some("某某")
        );
        assert_eq!(
            company_from_title("Meta 高管解读 Q2 财报：短视频增长").as_deref(),
            Some("Meta")
        );
        assert_eq!(
            company_from_welcome("Welcome to Northwind Bank’s First Quarter 2026 Earnings Call.")
                .as_deref(),
            Some("Northwind Bank")
        );
        assert_eq!(
            company_from_welcome("Welcome to the Société Générale Fernández Q3 2026 call")
                .as_deref(),
            Some("Société Générale Fernández"),
            "accented Latin letters are letters of a name"
        );
        assert_eq!(
            company_from_welcome("welcome to the Acme.com First Quarter 2025 Financial Results")
                .as_deref(),
            Some("Acme.com")
        );
        for welcome in [
            "Good day, and welcome to the Tallis Marine Holdings second quarter 2026 earnings call.",
            "Welcome to Tallis Marine Holdings' fiscal 2026 third-quarter call",
            "welcome to the Tallis Marine Holdings earnings conference call",
        ] {
            assert_eq!(
                company_from_welcome(welcome).as_deref(),
                Some("Tallis Marine Holdings"),
                "{welcome}"
            );
        }
        assert_eq!(
            company_from_welcome(
                "Welcome to Halden Tools, Inc., Springfield, Second Quarter call. \
                 Welcome to the Second Quarter 2026 Conference Call for Halden Tools."
            ),
            None,
            "a period is no company"
        );
        assert_eq!(
            company_from_masthead("**Halden Tools Co., Ltd.** | Earnings Calls | 2026-08-12")
                .as_deref(),
            Some("Halden Tools Co., Ltd.")
        );
        assert_eq!(
            company_from_masthead("Revenue | Margin | Cash"),
            None,
            "a table row"
        );
        assert_eq!(
            company_from_masthead("Halden Tools, Inc. (HLDN)").as_deref(),
            Some("Halden Tools, Inc.")
        );
        assert_eq!(
            company_from_masthead("Halden Tools Limited (NYSE: HLD)").as_deref(),
            Some("Halden Tools Limited")
        );
        assert_eq!(
            company_from_masthead("Revenue grew (strongly)"),
            None,
            "not a company with its ticker"
        );
        assert_eq!(company_from_masthead("Jane Roe (CEO)"), None);
        assert_eq!(
            company_from_title("# Halden Tools Corporation — Q1 FY26 Earnings Call").as_deref(),
            Some("Halden Tools Corporation")
        );
        assert_eq!(
            company_from_welcome("欢迎参加某某(Acme)2025 年第四季度").as_deref(),
            Some("某某")
        );
    }

    #[test]
    fn a_name_under_a_bare_ticker_line_is_the_company() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            company_under_ticker(&lines(&["NASDAQ:ACME", "Acme Robotics", "Date"])).as_deref(),
            Some("Acme Robotics")
        );
        assert_eq!(
            company_under_ticker(&lines(&["HKEX: 9988", "Alibaba Group"])).as_deref(),
            Some("Alibaba Group")
        );
        // Not a bare ticker, or no name under it.
        for v in [
            &["Ticker: ACME and more", "Acme Robotics"][..],
            &["NASDAQ:ACME", "Thursday, Feb. 19, 2026 at 8 a.m. ET"],
            &["NASDAQ:ACME", "Image source: a newsletter."],
            &["NASDAQ:ACME", "Acme Q4 2025 Earnings Call"],
            &["Acme Robotics"],
        ] {
            assert_eq!(company_under_ticker(&lines(v)), None, "{v:?}");
        }
    }
}
