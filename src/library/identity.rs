//! One company across names and scripts. Each call says what it knows of its company — the
//! name it gives, tickers (`NASDAQ:AMZN`, `AMZN.US`, `Ticker: MSFT`), the name in the other
//! script (`亚马逊（Amazon）`, or learned from a bilingual call's paragraphs) — and
//! [`Companies`] joins the calls whose names or tickers meet, legal suffixes and Chinese
//! script aside, together with the user's aliases.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::script::ChineseScript;
use crate::transcript::names::LEGAL_FORMS;
use crate::transcript::text::is_han;
use crate::transcript::{Block, Transcript};

/// What a call tells of its company.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// Names as written, the call's own first.
    pub names: Vec<String>,
    /// Tickers, upper case, exchange aside (`AMZN`; numeric ones keep their market: `9988.HK`).
    pub tickers: Vec<String>,
}

/// A ticker after an exchange: `NASDAQ:AMZN`, `NYSE: C`, `HKEX:9988`.
static EXCHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:nasdaq(?:gs|gm)?|nyse(?: ?american)?|amex|hkex|sehk|tsx|lse|sse|szse|otc) ?[:：] ?([A-Za-z]{1,5}(?:\.[A-Z])?|[0-9]{3,6})").unwrap()
});

/// A ticker with its market after it: `AMZN.US`, `9988.HK`, `600519.SH`.
static SUFFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b([A-Z]{1,5}|[0-9]{3,6})\.(US|N|O|HK|SH|SZ|SS|T|L|TW)\b)").unwrap()
});

/// Names and tickers of the company of `t`.
pub fn of(t: &Transcript) -> Identity {
    let mut id = t.company.as_deref().map(from_company).unwrap_or_default();
    // Tickers in the title or a `Ticker:` line before the call.
    let mut heads: Vec<&str> = t.title.iter().map(String::as_str).collect();
    heads.extend(t.front_matter.iter().take(40).map(String::as_str));
    for h in &heads {
        if let Some((k, v)) = h.split_once([':', '：'])
            && matches!(
                k.trim().trim_matches('*').to_lowercase().as_str(),
                "ticker" | "symbol" | "stock symbol" | "股票代码" | "股票代碼" | "代码"
            )
        {
            id.add_ticker(v);
        }
        tickers_in(h, &mut id);
    }
    let own: Vec<String> = id.names.clone();
    // `亚马逊（Amazon）`, `Amazon (亚马逊)`, `微软(MSFT.US)` near the top or in the speech.
    let texts = heads.into_iter().chain(first_texts(t, 40));
    for text in texts {
        for name in &own {
            let han = name.chars().any(is_han);
            for inner in after_name(text, name) {
                // A ticker, or the name in the other script (not a quote, not a gloss).
                let other = !inner.is_empty()
                    && inner.chars().any(is_han) != han
                    && !inner.chars().any(|c| c.is_ascii_digit() || c == '%');
                if ticker(inner).is_some() || other {
                    id.add_part(inner);
                }
            }
        }
    }
    let scripts = |id: &Identity| {
        let han = id.names.iter().filter(|n| n.chars().any(is_han)).count();
        (id.names.len() - han, han)
    };
    if t.is_bilingual()
        && scripts(&id).1 == 0
        && let Some(other) = learned_other_script(t, &id.names)
    {
        id.add_name(&other);
    }
    id
}

/// The identity a company's name alone gives (`Microsoft (微软)`, `AMZN`).
pub fn from_company(company: &str) -> Identity {
    let mut id = Identity::default();
    for part in bracketed_parts(company) {
        id.add_part(part);
    }
    id
}

impl Identity {
    /// Adds a name or a ticker as the text reads.
    fn add_part(&mut self, part: &str) {
        let part = part.trim();
        if let Some(tk) = ticker(part) {
            self.add_ticker(&tk);
            // A name that is all capitals (`AMZN`, `HSBC`) is a name as well.
            if part.chars().all(|c| c.is_ascii_uppercase()) {
                self.add_name(part);
            }
        } else {
            self.add_name(part);
        }
    }

    fn add_name(&mut self, name: &str) {
        let name = name.trim();
        if !key(name).is_empty() && !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_string());
        }
    }

    fn add_ticker(&mut self, text: &str) {
        if let Some(t) = ticker(text.trim())
            && !self.tickers.contains(&t)
        {
            self.tickers.push(t);
        }
    }
}

/// The parts of `s` outside and inside brackets: `Microsoft (微软)` is `Microsoft`, `微软`.
fn bracketed_parts(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find(['(', '（']) {
        parts.push(&rest[..open]);
        let inner = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        let close = inner.find([')', '）']).unwrap_or(inner.len());
        parts.push(&inner[..close]);
        rest = inner[close..]
            .strip_prefix([')', '）'])
            .unwrap_or(&inner[close..]);
    }
    parts.push(rest);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `text` as a ticker: an exchange's form, a market-suffixed one, or 1–5 capitals.
fn ticker(text: &str) -> Option<String> {
    let t = text.trim().trim_matches(['$', '*']);
    if let Some(c) = EXCHANGE
        .captures(t)
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
    {
        return Some(c[1].to_uppercase());
    }
    if let Some(c) = SUFFIXED
        .captures(t)
        .filter(|c| c.get(0).is_some_and(|m| m.len() == t.len()))
    {
        return Some(market(&c[1], &c[2]));
    }
    let caps = (1..=5).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
    caps.then(|| t.to_string())
}

/// A suffixed ticker's key: letters alone (`AMZN`), digits with their market (`9988.HK`).
fn market(code: &str, market: &str) -> String {
    if code.chars().all(|c| c.is_ascii_digit()) {
        let code = code.trim_start_matches('0');
        let market = if market == "SS" { "SH" } else { market };
        format!("{code}.{market}")
    } else {
        code.to_string()
    }
}

/// Adds the tickers `text` writes with an exchange or a market.
fn tickers_in(text: &str, id: &mut Identity) {
    if !text.contains([':', '：', '.']) {
        return;
    }
    for c in EXCHANGE.captures_iter(text) {
        id.add_ticker(&c[1]);
    }
    for c in SUFFIXED.captures_iter(text) {
        let t = market(&c[1], &c[2]);
        if !id.tickers.contains(&t) {
            id.tickers.push(t);
        }
    }
}

/// The first `n` texts of the call's speech (both languages).
fn first_texts(t: &Transcript, n: usize) -> impl Iterator<Item = &str> {
    t.turns
        .iter()
        .flat_map(|x| &x.blocks)
        .flat_map(|b| match b {
            Block::Para { en, zh } => [en.as_deref(), zh.as_deref()],
            Block::Note { .. } => [None, None],
        })
        .flatten()
        .take(n)
}

/// What `text` puts in brackets right after `name`: `亚马逊（Amazon）` gives `Amazon`.
fn after_name<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    if name.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(at) = text[from..].find(name) {
        let end = from + at + name.len();
        from = end;
        let rest = text[end..].trim_start_matches(' ');
        let Some(open) = rest.chars().next().filter(|c| matches!(c, '(' | '（')) else {
            continue;
        };
        let inner = &rest[open.len_utf8()..];
        if let Some(close) = inner.find([')', '）'])
            && close <= 40
        {
            let inner = &inner[..close];
            out.extend(inner.split([',', '，', ';', '；', '/']).map(str::trim));
        }
    }
    out
}

/// The other script's name of the company in a bilingual call: the longest run of Chinese
/// characters found in at least half the Chinese paragraphs whose English names the company,
/// and five times rarer elsewhere (`亚马逊` beside `Amazon`, not `我们` or `使用`).
fn learned_other_script(t: &Transcript, names: &[String]) -> Option<String> {
    let latin = names.iter().find(|n| n.is_ascii())?;
    let base = base_word(latin)?;
    let pairs: Vec<(&str, &str)> = t
        .turns
        .iter()
        .flat_map(|x| &x.blocks)
        .filter_map(Block::both)
        .collect();
    let (named, others): (Vec<Pair>, Vec<Pair>) =
        pairs.iter().partition(|(e, _)| has_word(e, &base));
    if named.len() < 3 {
        return None;
    }
    let named: Vec<&str> = named.iter().take(60).map(|p| p.1).collect();
    // A translation that keeps the Latin name (`Figma`) throughout gives no Chinese one.
    if named.iter().filter(|z| z.contains(base.as_str())).count() * 10 >= named.len() * 9 {
        return None;
    }
    // Candidates: runs of 2–6 Chinese characters in the paragraphs that name the company.
    let mut counts: crate::quick_hash::QuickMap<&str, usize> = Default::default();
    for z in &named {
        let mut seen: crate::quick_hash::QuickSet<&str> = Default::default();
        for run in han_runs(z) {
            let bounds: Vec<usize> = run
                .char_indices()
                .map(|(i, _)| i)
                .chain([run.len()])
                .collect();
            for i in 0..bounds.len() {
                for n in 2..=6 {
                    if let Some(&end) = bounds.get(i + n) {
                        seen.insert(&run[bounds[i]..end]);
                    }
                }
            }
        }
        for g in seen {
            *counts.entry(g).or_default() += 1;
        }
    }
    let need = named.len().div_ceil(2);
    // Most frequent first, then longest (`亚马逊` before `亚马`): the first that is rare
    // enough elsewhere is the name.
    let mut candidates: Vec<(&str, usize)> =
        counts.into_iter().filter(|&(_, n)| n >= need).collect();
    candidates
        .sort_by(|a, b| (b.1, b.0.chars().count(), a.0).cmp(&(a.1, a.0.chars().count(), b.0)));
    let share = others.len().clamp(1, 400);
    candidates
        .into_iter()
        .take(40)
        .find(|&(g, n)| {
            // Five times as frequent where the English names the company as elsewhere
            // (`我们` is everywhere).
            let elsewhere = others
                .iter()
                .take(400)
                .filter(|(_, z)| z.contains(g))
                .count();
            elsewhere * 5 * named.len() <= n * share
        })
        .map(|(g, _)| g.to_string())
}

/// An English paragraph and its Chinese.
type Pair<'a> = &'a (&'a str, &'a str);

/// The distinctive first word of a Latin name: `Amazon.com, Inc.` gives `Amazon`.
fn base_word(name: &str) -> Option<String> {
    let k = key(name);
    let w = k.split(' ').next()?;
    (w.len() >= 3).then(|| {
        // Back to the written form's case: the word as the name writes it.
        let at = name.to_lowercase().find(w).unwrap_or(0);
        name.get(at..at + w.len()).unwrap_or(w).to_string()
    })
}

/// True when `text` has `word` as a whole word (case as written).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The runs of Chinese characters in `text`.
fn han_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_han(c)).filter(|r| r.len() >= 6)
}

/// Words that do not tell companies apart, besides the legal forms ([`LEGAL_FORMS`]).
const SUFFIXES: [&str; 6] = [
    "incorporated",
    "holding",
    "intl",
    "international",
    "the",
    "and",
];

/// Chinese corporate endings.
const ZH_SUFFIXES: [&str; 6] = ["股份有限公司", "有限公司", "控股", "集团", "公司", "集團"];

/// The key two names of one company share: lower case, Simplified characters, punctuation,
/// `.com` and legal suffixes (`, Inc.`, `Corporation`, `集团`) aside.
pub fn key(name: &str) -> String {
    let lower = name.to_lowercase();
    let folded = crate::script::fold_script(&lower);
    let mut s = folded.replace(".com", " ");
    loop {
        let t = s.trim_end();
        match ZH_SUFFIXES
            .iter()
            .find(|x| t.ends_with(*x) && t.len() > x.len())
        {
            Some(x) => s = t[..t.len() - x.len()].to_string(),
            None => break,
        }
    }
    let words: Vec<String> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty() && *w != "&")
        .map(String::from)
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !LEGAL_FORMS.contains(w) && !SUFFIXES.contains(w))
        .collect();
    // A name made only of such words (`The Company`) keeps them.
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

/// The companies of a library: calls whose names or tickers meet are one company.
#[derive(Debug, Clone, Default)]
pub struct Companies {
    ids: HashMap<String, usize>,
    parent: Vec<usize>,
    /// Names seen per key node (counted), for the display name.
    names: Vec<BTreeMap<String, usize>>,
    /// The user's name for the company, from an alias.
    chosen: Vec<Option<String>>,
    script: ChineseScript,
}

impl Companies {
    /// Companies joined by the user's `aliases` (shown name → other names and tickers),
    /// Chinese shown in `script`.
    pub fn new(aliases: &BTreeMap<String, Vec<String>>, script: ChineseScript) -> Self {
        let mut c = Companies {
            script,
            ..Companies::default()
        };
        for (shown, others) in aliases {
            let mut id = Identity::default();
            id.add_part(shown);
            for o in others {
                id.add_part(o);
            }
            c.add(&id);
            if let Some(node) = c.node_of(&id) {
                let root = c.find(node);
                c.chosen[root] = Some(shown.clone());
            }
        }
        c
    }

    /// Takes in a call's identity; true when calls taken in before now go by another name
    /// (it joined companies known apart until now, or renamed the one it joined).
    pub fn add(&mut self, id: &Identity) -> bool {
        let keys = keys(id);
        // Companies this call's keys already belonged to: more than one is a merge.
        let mut before: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.ids.get(k).map(|&n| self.find(n)))
            .collect();
        before.sort_unstable();
        before.dedup();
        let was = before.first().map(|&r| self.shown(r));
        let mut first: Option<usize> = None;
        for k in &keys {
            let node = self.node(k);
            match first {
                None => first = Some(node),
                Some(f) => {
                    self.union(f, node);
                }
            }
        }
        if let Some(f) = first {
            let root = self.find(f);
            for n in &id.names {
                *self.names[root].entry(n.clone()).or_default() += 1;
            }
        }
        // Calls read before now go by another name: two companies became one, or the one
        // they belong to is named differently.
        match (before.len(), was, first) {
            (0, _, _) => false,
            (1, Some(was), Some(f)) => self.shown(self.find(f)) != was,
            _ => true,
        }
    }

    /// The company of a call's identity: (sort key, name shown); None when it names none.
    pub fn company(&self, id: &Identity) -> Option<(String, String)> {
        let node = self.node_of(id)?;
        let root = self.find(node);
        let shown = self.shown(root)?;
        Some((sort_key(&shown), shown))
    }

    /// The name a company is shown by: the user's alias, else its most used Latin name
    /// (shortest on a tie) with its most used Chinese name in the user's script.
    fn shown(&self, root: usize) -> Option<String> {
        if let Some(c) = &self.chosen[root] {
            return Some(c.clone());
        }
        let names = &self.names[root];
        let pick = |latin: bool| {
            names
                .iter()
                .filter(|(n, _)| n.chars().any(is_han) != latin)
                // Tickers only when there is nothing else.
                .max_by_key(|(n, c)| {
                    (
                        ticker(n).is_none(),
                        **c,
                        std::cmp::Reverse(n.chars().count()),
                    )
                })
                .map(|(n, _)| n.clone())
        };
        let zh = pick(false).map(|z| crate::script::to_script(&z, self.script).into_owned());
        match (pick(true), zh) {
            (Some(l), Some(z)) => Some(format!("{l} ({z})")),
            (l, z) => l.or(z),
        }
    }

    fn node_of(&self, id: &Identity) -> Option<usize> {
        keys(id).iter().find_map(|k| self.ids.get(k).copied())
    }

    fn node(&mut self, k: &str) -> usize {
        if let Some(&n) = self.ids.get(k) {
            return n;
        }
        let n = self.parent.len();
        self.parent.push(n);
        self.names.push(BTreeMap::new());
        self.chosen.push(None);
        self.ids.insert(k.to_string(), n);
        n
    }

    fn find(&self, mut n: usize) -> usize {
        while self.parent[n] != n {
            n = self.parent[n];
        }
        n
    }

    /// Joins two nodes' companies; true when they were apart.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.names[gone]);
        for (n, c) in moved {
            *self.names[keep].entry(n).or_default() += c;
        }
        if self.chosen[keep].is_none() {
            self.chosen[keep] = self.chosen[gone].take();
        }
        true
    }
}

/// The keys a call's company is known by: each name's [`key`], each ticker.
fn keys(id: &Identity) -> Vec<String> {
    let mut k: Vec<String> = id
        .names
        .iter()
        .map(|n| key(n))
        .filter(|n| !n.is_empty())
        .map(|n| format!("n:{n}"))
        .collect();
    k.extend(id.tickers.iter().map(|t| format!("t:{t}")));
    k.dedup();
    k
}

/// How a shown name sorts: lower case, Chinese in one script.
fn sort_key(shown: &str) -> String {
    let c = shown.to_lowercase();
    if c.is_ascii() {
        c
    } else {
        crate::script::fold_script(&c).into_owned()
    }
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
