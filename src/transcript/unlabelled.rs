//! Calls that name no speaker at all: speech-to-text output, or a page that ran the whole
//! call into one paragraph. No line says who speaks, but the call says it aloud: the
//! operator gives each questioner the floor by name and firm ("Our next question comes from
//! Jane Roe with Acme Securities"), and in the prepared remarks each speaker hands over to
//! the next by name ("I'll turn the call over to Sam"). The text is read as sentences and
//! split into turns at those hand-offs. Who answers a question is never said, so each
//! exchange after an introduction is one turn of speakers not told apart, asked by the
//! questioner the operator named.

use super::model::{Block, Question, Section, Speaker, SpeakerKind, Turn};
use super::names::{self, latin_name_like};
use super::qa;

/// The name of the speaker of the speech no hand-off attributes.
pub const UNLABELLED: &str = "Speakers not labelled";

/// The fewest named questioners that make an unlabelled text a call: one introduction could
/// be quoted in an article; a call hands the floor to several.
const MIN_QUESTIONERS: usize = 2;

/// A paragraph is closed after a sentence once it is this long (in bytes) and holds at least
/// [`PARA_SENTENCES`] sentences, or once it is twice as long: the text gives no paragraphs.
const PARA_BYTES: usize = 500;
const PARA_SENTENCES: usize = 3;

/// What an unlabelled call is made of.
#[derive(Debug, Default)]
pub struct Read {
    pub speakers: Vec<Speaker>,
    pub turns: Vec<Turn>,
    pub questions: Vec<Question>,
}

/// The turns of `text`, a call with no speaker labels, split where the floor is handed over;
/// None unless the operator names at least [`MIN_QUESTIONERS`] questioners. `title`, when the
/// parse took the first line for one, is left out.
pub fn read(text: &str, title: Option<&str>) -> Option<Read> {
    let sentences = sentences(text, title);
    let asks: Vec<Option<qa::Intro>> = (0..sentences.len())
        .map(|i| {
            ask(&sentences[i].text).or_else(|| {
                sentences
                    .get(i + 1)
                    .and_then(|next| invited(&sentences[i].text, &next.text))
            })
        })
        .collect();
    let named = asks.iter().flatten().count();
    if named < MIN_QUESTIONERS {
        return None;
    }
    let mut full_names = FullNames::new(&sentences);
    let mut b = Builder::default();
    let opener = if sentences.iter().take(12).any(|s| operator_cue(&s.text)) {
        b.operator()
    } else {
        b.unlabelled()
    };
    b.start(opener, Section::Prepared, None);
    // Who speaks once the speaker now has finished handing over (their invitations said).
    let mut next: Option<Next> = None;
    let mut section = Section::Prepared;
    for (s, intro) in sentences.iter().zip(asks) {
        if let Some(intro) = intro {
            section = Section::Qa;
            let analyst = b.analyst(&intro);
            let number = b.questions.len() + 1;
            let operator = b.operator();
            let last = b.turns.last();
            if last.is_some_and(|t| t.speaker == operator && t.question.is_none()) {
                // The operator was speaking already ("Thank you. Our next question…").
                b.retag(Section::Qa, Some(number));
            } else {
                // The thanks just before an introduction are the operator's.
                let thanks = b.take_last_sentence_if(thanks_only);
                b.start(operator, Section::Qa, Some(number));
                if let Some(thanks) = thanks {
                    b.push_text(&thanks, false);
                }
            }
            b.questions.push(Question {
                number,
                analyst,
                firm: intro.firm.clone(),
                turns: Vec::new(),
            });
            b.push(s);
            next = Some(Next {
                speaker: b.unlabelled(),
                section: Section::Qa,
                question: Some(number),
                addressed: b.speakers[analyst].name.clone(),
            });
            continue;
        }
        if let Some(n) = &next
            && invites(&s.text, &n.addressed)
        {
            b.push(s);
            continue;
        }
        let mut text = s.text.as_str();
        if let Some(n) = next.take() {
            b.start(n.speaker, n.section, n.question);
            // A label left in the running text (`Sam Lee Good morning, everyone.`).
            let name = &b.speakers[n.speaker].name;
            text = text
                .strip_prefix(name.as_str())
                .and_then(|rest| rest.strip_prefix(' '))
                .filter(|rest| begins_sentence(rest))
                .unwrap_or(text);
        }
        let s = &Sentence {
            text: text.to_string(),
            after_gap: s.after_gap,
        };
        let given = gives(&s.text);
        if let Some(give) = &given
            && section == Section::Qa
            && closing_cue(&s.text)
        {
            // The hand-off for the closing remarks is the operator's, not the last
            // exchange's.
            let person = b.executive(&full_names.of(&give.name), give.role.clone());
            // "There are no further questions." just before is the operator's too.
            let before = b.take_last_sentence_if(closing_cue);
            let thanks = before
                .is_some()
                .then(|| b.take_last_sentence_if(thanks_only))
                .flatten();
            let operator = b.operator();
            b.start(operator, Section::Qa, None);
            for said in [thanks, before].into_iter().flatten() {
                b.push_text(&said, false);
            }
            b.push(s);
            next = Some(Next::to(&b, person, section));
            continue;
        }
        b.push(s);
        if operator_called(&s.text) {
            let operator = b.operator();
            next = Some(Next::to(&b, operator, section));
        } else if let Some(give) = given
            && section == Section::Prepared
        {
            let person = b.executive(&full_names.of(&give.name), give.role);
            next = Some(Next::to(&b, person, section));
        }
    }
    b.finish();
    Some(Read {
        speakers: b.speakers,
        turns: b.turns,
        questions: b.questions,
    })
}

/// Who speaks once the speaker now has handed over and said their invitations.
struct Next {
    speaker: usize,
    section: Section,
    question: Option<usize>,
    /// Whom the invitations address ("Sam, please go ahead"): the questioner for an
    /// exchange.
    addressed: String,
}

impl Next {
    /// The floor given to `speaker` outside any question.
    fn to(b: &Builder, speaker: usize, section: Section) -> Self {
        Next {
            speaker,
            section,
            question: None,
            addressed: b.speakers[speaker].name.clone(),
        }
    }
}

/// One sentence of the text, and whether a blank line came before it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sentence {
    text: String,
    after_gap: bool,
}

/// The sentences of `text`: lines run together (speech-to-text breaks lines anywhere), split
/// after `.`, `?`, `!` or `…` where the next word begins with a capital or a digit, and at
/// blank lines.
fn sentences(text: &str, title: Option<&str>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut gap = false;
    let mut first = true;
    let flush = |current: &mut String, gap: &mut bool, out: &mut Vec<Sentence>| {
        let t = current.trim();
        if !t.is_empty() {
            out.push(Sentence {
                text: t.to_string(),
                after_gap: std::mem::take(gap),
            });
        }
        current.clear();
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current, &mut gap, &mut out);
            gap = !out.is_empty();
            continue;
        }
        if std::mem::take(&mut first) && title.is_some_and(|t| t.trim() == line) {
            continue;
        }
        for word in line.split_whitespace() {
            if ends_sentence(&current) && begins_sentence(word) {
                flush(&mut current, &mut gap, &mut out);
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    flush(&mut current, &mut gap, &mut out);
    out
}

/// True when `text` ends a sentence: a stop, a question or exclamation mark or an ellipsis,
/// perhaps inside a closing quote, and not an initial (`J.`) or a title (`Mr.`).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', ')']);
    if !t.ends_with(['.', '?', '!', '…']) {
        return false;
    }
    let last = t.rsplit(' ').next().unwrap_or(t).trim_end_matches('.');
    let initial = last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase());
    let title = [
        "Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Corp", "Co", "Ltd", "No", "vs",
    ]
    .contains(&last);
    !(initial || title || last.contains('.'))
}

/// True for a word that may begin a sentence: a capital, a digit or an opening quote first.
fn begins_sentence(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘$".contains(c))
}

/// The questioner a sentence introduces, when it is an operator's introduction that names
/// one ("Our next question comes from Jane Roe with Acme").
fn ask(sentence: &str) -> Option<qa::Intro> {
    let lower = sentence.to_lowercase();
    if !(lower.contains("question") || lower.contains("line of")) || sentence.len() > 400 {
        return None;
    }
    // Speech-to-text puts commas where the speaker paused (`Jane Roe, with Acme`, `Jane,
    // Roe with Acme`).
    let tidied = unpaused(sentence);
    // "… goes to the line of NAME with FIRM": what follows `line of` is read as the rest of
    // an introduction.
    let on_the_line = tidied
        .find("line of ")
        .and_then(|at| qa::intro_en_rest(&tidied[at + "line of ".len()..]));
    on_the_line
        .into_iter()
        .chain(qa::intro_en_all(&tidied))
        .find(|i| i.name.as_deref().is_some_and(questioner_name))
        .map(|mut i| {
            i.firm = i.firm.map(|f| {
                f.trim_end_matches(['.', '?', '!', ','])
                    .trim_start_matches("the ")
                    .to_string()
            });
            i
        })
}

/// `sentence` without the commas speech-to-text writes for a pause inside an introduction:
/// before `with` or `from`, and between a given name and a surname (`Jane, Roe with`).
fn unpaused(sentence: &str) -> String {
    let s = sentence
        .replace(", with ", " with ")
        .replace(", from ", " from ");
    let words: Vec<&str> = s.split(' ').collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = String::with_capacity(s.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // `Jane, Roe with`: a capitalised word, a comma, one capitalised word, then `with`.
        let paused = w.len() > 2
            && w.ends_with(',')
            && capital(w)
            && words
                .get(i + 1)
                .is_some_and(|n| capital(n) && !n.ends_with(','))
            && words
                .get(i + 2)
                .is_some_and(|j| *j == "with" || *j == "from")
            && i > 0
            && words[i - 1] == "from";
        out.push_str(if paused { &w[..w.len() - 1] } else { w });
    }
    out
}

/// An introduction that says no "question" but is followed by an invitation to the person
/// it names ("We'll go first to Jane Roe of Acme. Jane, please go ahead."): the person after
/// the last ` to ` or ` from `, with the firm after `of`, `with` or `from`.
fn invited(sentence: &str, next: &str) -> Option<qa::Intro> {
    // A hand-off to a speaker of the call (`over to Sam Lee, Head of Investor Relations`)
    // gives no question.
    if sentence.len() > 300 || gives(sentence).is_some() {
        return None;
    }
    let tidied = unpaused(sentence);
    let at = [" to ", " from "]
        .iter()
        .filter_map(|w| tidied.rfind(w).map(|i| i + w.len()))
        .max()?;
    let rest = tidied[at..].replacen(" of ", " with ", 1);
    let intro = qa::intro_en_rest(&rest)?;
    let name = intro.name.as_deref().filter(|n| questioner_name(n))?;
    let given = name.split_whitespace().next()?;
    let firm = intro.firm.as_deref().filter(|f| !names::role_like(f))?;
    let invitation = next.starts_with(given) && invites(next, name);
    // Or the floor given in the words an operator moves on with, the firm ending the
    // sentence ("We'll go next to Jane Roe of Acme.").
    let lower = sentence.to_lowercase();
    let moves_on = ["next", "first", "go ", "move ", "one more"]
        .iter()
        .any(|w| lower.contains(w))
        && tidied.trim_end_matches(['.', '?', '!']).ends_with(firm);
    (invitation || moves_on).then_some(intro)
}

/// A name an operator gives a questioner by: a person's name of two words or more (a given
/// name alone could be anyone's).
fn questioner_name(name: &str) -> bool {
    name.split_whitespace().count() >= 2
        && latin_name_like(name)
        && !super::participants::firm_like(name)
}

/// A hand-off: the person given the floor, and the title it gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Give {
    pub name: String,
    pub role: Option<String>,
}

/// The person a sentence hands the floor to ("I'll turn the call over to Sam", "let me hand
/// it over to Sam Lee, our CFO"): the capitalised words after the hand-off.
pub(super) fn gives(sentence: &str) -> Option<Give> {
    const VERBS: [&str; 6] = [
        "turn ", "turning ", "hand ", "handing ", "pass ", "passing ",
    ];
    const OBJECTS: [&str; 10] = [
        "the call ",
        "the meeting ",
        "the conference ",
        "the floor ",
        "the presentation ",
        "things ",
        "it ",
        "this ",
        "that ",
        "",
    ];
    for verb in VERBS {
        let mut from = 0;
        while let Some(at) = sentence[from..].find(verb).map(|i| from + i) {
            from = at + verb.len();
            let mut rest = &sentence[from..];
            if let Some(o) = OBJECTS.iter().find(|o| rest.starts_with(**o)) {
                rest = &rest[o.len()..];
            }
            rest = rest.strip_prefix("back ").unwrap_or(rest);
            let Some(mut rest) = rest
                .strip_prefix("over to ")
                .or_else(|| rest.strip_prefix("to "))
            else {
                continue;
            };
            // The title first (`over to our CFO, Sam Lee`): the name after its comma.
            let mut title = None;
            if let Some(after) = rest
                .strip_prefix("our ")
                .or_else(|| rest.strip_prefix("the "))
                && let Some((role, name)) = after.split_once(", ")
                && role.split_whitespace().count() <= 6
                && names::role_like(role)
            {
                title = Some(role.to_string());
                rest = name;
            }
            // Capitalised words, up to the first that ends in punctuation (`Sam Lee, our CFO`).
            let mut name: Vec<&str> = Vec::new();
            for w in rest.split(' ').take(3) {
                let bare = w.trim_end_matches(['.', ',', '?', '!', ';', ':']);
                if !bare.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                name.push(bare);
                if bare.len() < w.len() {
                    break;
                }
            }
            let given = |w: &str| {
                let mut c = w.chars();
                c.next().is_some_and(char::is_uppercase)
                    && w.len() > 1
                    && c.all(|c| c.is_lowercase() || c == '-' || c == '\'')
            };
            let person = match name.as_slice() {
                [one] => given(one) && !NOT_NAMES.contains(one),
                _ => latin_name_like(&name.join(" ")),
            };
            let name = name.join(" ");
            if person {
                let role = title.or_else(|| role_in(sentence, &name));
                return Some(Give { name, role });
            }
        }
    }
    None
}

/// The person a turn's last sentence hands over to by calling them (`Sam, over to you`,
/// `Over to you, Sam`, `Sam, please go ahead`).
pub(super) fn calls_on(sentence: &str) -> Option<Give> {
    const INVITES: [&str; 4] = [
        "over to you",
        "please go ahead",
        "go ahead",
        "you may begin",
    ];
    let s = sentence.trim();
    let lower = s.to_lowercase();
    let name = INVITES.iter().find_map(|i| {
        if let Some(rest) = lower.strip_suffix(i) {
            rest.trim_end().strip_suffix(',').map(|n| &s[..n.len()])
        } else {
            let rest = lower.strip_prefix(i)?;
            rest.strip_prefix(", ").map(|_| &s[i.len() + 2..])
        }
    })?;
    let name = name.trim();
    let given = name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().all(|c| c.is_alphabetic() || c == '-');
    ((given || latin_name_like(name)) && name.split_whitespace().count() <= 3).then(|| Give {
        name: name.to_string(),
        role: None,
    })
}

/// Capitalised words a hand-off may end on that name no one (`over to Operator`, `to
/// You`).
const NOT_NAMES: [&str; 8] = [
    "Operator",
    "You",
    "Everyone",
    "All",
    "Questions",
    "Slide",
    "Page",
    "The",
];

/// The title given with a name in a hand-off (`over to Sam Lee, our Chief Financial
/// Officer.`): the words after the comma that follows the name, up to the sentence's end.
fn role_in(sentence: &str, name: &str) -> Option<String> {
    let after = &sentence[sentence.find(name)? + name.len()..];
    let role = after.strip_prefix(", ")?;
    let role = role.trim_end_matches(['.', '!', '?']);
    let role = role.strip_prefix("our ").unwrap_or(role);
    let words = role.split_whitespace().count();
    let titled = role.chars().next().is_some_and(char::is_uppercase);
    (titled && (1..=12).contains(&words)).then(|| role.to_string())
}

/// True when a speaker calls on the operator ("Operator, let's take the next question"):
/// the operator speaks next.
fn operator_called(sentence: &str) -> bool {
    let s = sentence
        .strip_prefix("And ")
        .or_else(|| sentence.strip_prefix("So "))
        .unwrap_or(sentence);
    ["Operator,", "Operator?", "Operator.", "operator,"]
        .iter()
        .any(|p| s.starts_with(p))
}

/// True for a short sentence that invites the person just given the floor to speak
/// ("Your line is open.", "Sam, you may begin.", "Sam?"): still the speaker who gave it.
fn invites(sentence: &str, to: &str) -> bool {
    let words = sentence.split_whitespace().count();
    if words > 10 {
        return false;
    }
    let lower = sentence.to_lowercase();
    // Called by their given name, first or last (`Sam, go ahead.`, `Over to you, Sam.`).
    let given = to.split_whitespace().next().unwrap_or(to);
    let bare = sentence.trim_end_matches(['.', '?', '!']);
    let names = sentence
        .strip_prefix(given)
        .is_some_and(|rest| rest.starts_with([',', '?', '.', '!']))
        || bare.ends_with(&format!(" {given}"))
        || bare.ends_with(&format!(",{given}"));
    names
        || says_any(
            &lower,
            &[
                "go ahead",
                "you may begin",
                "you may proceed",
                "please begin",
                "please proceed",
                "your line is",
                "your question",
            ],
        )
}

/// True when `lower` (a sentence in lower case) says one of `phrases`.
fn says_any(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| lower.contains(p))
}

/// True for words only an operator says at the start of a call.
fn operator_cue(sentence: &str) -> bool {
    says_any(
        &sentence.to_lowercase(),
        &[
            "standing by",
            "listen-only",
            "listen only",
            "your operator",
            "your moderator",
            "your conference",
            "being recorded",
            "press star",
            "star one",
            "star 1",
        ],
    )
}

/// True for a sentence of thanks and nothing more ("Thank you.", "Thanks, Sam.").
fn thanks_only(sentence: &str) -> bool {
    sentence.split_whitespace().count() <= 3 && sentence.to_lowercase().starts_with("thank")
}

/// True for a hand-off for the closing remarks ("back to Sam for closing remarks").
fn closing_cue(sentence: &str) -> bool {
    says_any(
        &sentence.to_lowercase(),
        &[
            "closing",
            "concluding",
            "final remarks",
            "no further questions",
            "no more questions",
        ],
    )
}

/// Given names to the full names the text gives them ("Sam" → "Sam Lee"), looked up when
/// a hand-off names someone by a given name alone (and remembered: a call repeats them).
struct FullNames<'a> {
    sentences: &'a [Sentence],
    found: std::collections::HashMap<String, String>,
}

impl<'a> FullNames<'a> {
    fn new(sentences: &'a [Sentence]) -> Self {
        FullNames {
            sentences,
            found: std::collections::HashMap::new(),
        }
    }

    /// The full name `name` stands for: itself when it has a surname, else the first
    /// capitalised name of two words the text gives beginning with it.
    fn of(&mut self, name: &str) -> String {
        if name.contains(' ') {
            return name.to_string();
        }
        if let Some(full) = self.found.get(name) {
            return full.clone();
        }
        let full = full_name_in(self.sentences.iter().map(|s| s.text.as_str()), name)
            .unwrap_or_else(|| name.to_string());
        self.found.insert(name.to_string(), full.clone());
        full
    }
}

/// The first full name in `texts` that begins with the given name `given` (`Sam` → `Sam
/// Lee`, from "with me is Sam Lee, our CFO"): `given` and a capitalised surname.
pub(super) fn full_name_in<'a>(
    texts: impl Iterator<Item = &'a str>,
    given: &str,
) -> Option<String> {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    texts.into_iter().find_map(|text| {
        let mut words = text.split(' ').peekable();
        while let Some(w) = words.next() {
            if w != given {
                continue;
            }
            let Some(next) = words.peek() else { break };
            let surname = next
                .strip_suffix("'s")
                .or_else(|| next.strip_suffix("’s"))
                .unwrap_or(next)
                .trim_end_matches([',', '.']);
            let full = format!("{given} {surname}");
            if capital(surname) && latin_name_like(&full) {
                return Some(full);
            }
        }
        None
    })
}

/// The turns as they are made.
#[derive(Default)]
struct Builder {
    speakers: Vec<Speaker>,
    turns: Vec<Turn>,
    questions: Vec<Question>,
    /// Sentences in the paragraph being made, and its text.
    para: String,
    /// Where each sentence of the open paragraph begins in it.
    starts: Vec<usize>,
}

impl Builder {
    /// The index of the speaker named `name`, added with `kind` if new.
    fn speaker(&mut self, name: &str, kind: SpeakerKind) -> usize {
        if let Some(i) = self.speakers.iter().position(|s| s.name == name) {
            return i;
        }
        self.speakers.push(Speaker {
            name: name.to_string(),
            kind,
            ..Speaker::default()
        });
        self.speakers.len() - 1
    }

    fn operator(&mut self) -> usize {
        self.speaker("Operator", SpeakerKind::Operator)
    }

    fn unlabelled(&mut self) -> usize {
        self.speaker(UNLABELLED, SpeakerKind::Other)
    }

    /// The questioner an introduction names (one speaker however often introduced).
    fn analyst(&mut self, intro: &qa::Intro) -> usize {
        let name = intro.name.clone().unwrap_or_default();
        let i = self.speaker(&name, SpeakerKind::Analyst);
        if self.speakers[i].firm.is_none() {
            self.speakers[i].firm.clone_from(&intro.firm);
        }
        i
    }

    /// A speaker handed the floor in the prepared remarks: an executive.
    fn executive(&mut self, name: &str, role: Option<String>) -> usize {
        let i = self.speaker(name, SpeakerKind::Executive);
        if self.speakers[i].role.is_none() {
            self.speakers[i].role = role;
        }
        i
    }

    /// Moves the turn being made to `section` and question `q`.
    fn retag(&mut self, section: Section, q: Option<usize>) {
        if let Some(t) = self.turns.last_mut() {
            t.section = section;
            t.question = q;
        }
    }

    /// Starts a turn of `speaker` (the one before is closed; an empty one is dropped).
    fn start(&mut self, speaker: usize, section: Section, question: Option<usize>) {
        self.close_para();
        if self.turns.last().is_some_and(|t| t.blocks.is_empty()) {
            self.turns.pop();
        }
        self.turns.push(Turn {
            speaker,
            section,
            question,
            blocks: Vec::new(),
        });
    }

    fn push(&mut self, s: &Sentence) {
        self.push_text(&s.text, s.after_gap);
    }

    /// Adds a sentence to the turn being made, closing the paragraph when it is long enough.
    fn push_text(&mut self, text: &str, after_gap: bool) {
        if after_gap {
            self.close_para();
        }
        if !self.para.is_empty() {
            self.para.push(' ');
        }
        self.starts.push(self.para.len());
        self.para.push_str(text);
        let n = self.para.len();
        if (n >= PARA_BYTES && self.starts.len() >= PARA_SENTENCES) || n >= 2 * PARA_BYTES {
            self.close_para();
        }
    }

    /// Takes the last sentence back out of the open paragraph when `f` holds for it.
    fn take_last_sentence_if(&mut self, f: impl Fn(&str) -> bool) -> Option<String> {
        let &start = self.starts.last()?;
        if !f(&self.para[start..]) {
            return None;
        }
        self.starts.pop();
        let last = self.para.split_off(start);
        self.para.truncate(self.para.trim_end().len());
        Some(last)
    }

    fn close_para(&mut self) {
        if self.para.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.para);
        self.starts.clear();
        if let Some(t) = self.turns.last_mut() {
            t.blocks.push(Block::en(text));
        }
    }

    fn finish(&mut self) {
        self.close_para();
        if self.turns.last().is_some_and(|t| t.blocks.is_empty()) {
            self.turns.pop();
        }
        for q in &mut self.questions {
            q.turns = (0..self.turns.len())
                .filter(|&i| self.turns[i].question == Some(q.number))
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Transcript, parse};

    /// A call run into one paragraph, as a page that lost its speaker lines gives it.
    const ONE_PARAGRAPH: &str = "Good day and thank you for standing by. Welcome to the Rivet Works third quarter results call. At this time all participants are in a listen-only mode. I would now like to turn the call over to Dana Pike, Head of Investor Relations. Dana, please go ahead. Thank you. With me today are Omar Lind, our Chief Executive Officer, and Kay Soto, our Chief Financial Officer. I will now hand it over to Omar. Thanks, Dana. Orders grew in every region this quarter and margins held up well. Now let me pass it to Kay for the numbers. Thank you, Omar. Revenue was $412 million, up 9% from a year ago. With that, we are happy to take questions. Our first question comes from the line of Priya Natarajan with Halden Securities. Your line is open. Hi, thanks for taking my question. How much of the growth was price? Most of it was volume, Priya. Thank you. Our next question comes from Lars Berg with Coastline Capital. Over to you, Lars. Two quick ones on the margin. Are freight costs still falling? They are, and we expect that to continue. Thank you. There are no further questions. I would now like to turn the call back over to Omar for closing remarks. Thank you all for joining us today.";

    fn read_call(text: &str) -> Transcript {
        let t = parse(text);
        assert!(t.unlabelled, "read as an unlabelled call");
        t
    }

    /// Each question's analyst and firm, in order.
    fn askers(t: &Transcript) -> Vec<(&str, Option<&str>)> {
        t.questions
            .iter()
            .map(|q| (t.speakers[q.analyst].name.as_str(), q.firm.as_deref()))
            .collect()
    }

    fn speaker_of(t: &Transcript, turn: usize) -> &str {
        &t.speakers[t.turns[turn].speaker].name
    }

    #[test]
    fn an_unlabelled_call_is_split_where_the_floor_is_handed_over() {
        let t = read_call(ONE_PARAGRAPH);
        let who: Vec<&str> = (0..t.turns.len()).map(|i| speaker_of(&t, i)).collect();
        assert_eq!(
            who,
            [
                "Operator",
                "Dana Pike",
                "Omar Lind",
                "Kay Soto",
                "Operator",
                UNLABELLED,
                "Operator",
                UNLABELLED,
                "Operator",
                "Omar Lind",
            ]
        );
        // Each speaker's first words are their own: the invitations stay with who gave
        // the floor.
        let first = |i: usize| match &t.turns[i].blocks[0] {
            Block::Para { en: Some(e), .. } => e.clone(),
            b => panic!("{b:?}"),
        };
        assert!(
            first(1).starts_with("Thank you. With me today"),
            "{}",
            first(1)
        );
        assert!(first(2).starts_with("Thanks, Dana."), "{}", first(2));
        assert!(first(4).starts_with("With that") || first(4).starts_with("Our first"));
        assert!(first(5).starts_with("Hi, thanks"), "{}", first(5));
        assert!(first(7).starts_with("Two quick ones"), "{}", first(7));
        // The thanks before an introduction or the closing are the operator's.
        assert!(
            first(6).starts_with("Thank you. Our next question"),
            "{}",
            first(6)
        );
        assert!(first(8).starts_with("Thank you. There are no further questions"));
        assert_eq!(first(9), "Thank you all for joining us today.");
        // The people handed the floor are executives, with the title the text gives them.
        let dana = t.speakers.iter().find(|s| s.name == "Dana Pike").unwrap();
        assert_eq!(dana.kind, SpeakerKind::Executive);
        assert_eq!(dana.role.as_deref(), Some("Head of Investor Relations"));
        assert_eq!(t.front_matter, Vec::<String>::new());
    }

    #[test]
    fn each_introduction_opens_a_question_asked_by_the_questioner_it_names() {
        let t = read_call(ONE_PARAGRAPH);
        let asked: Vec<(&str, Option<&str>, usize)> = t
            .questions
            .iter()
            .map(|q| {
                let s = &t.speakers[q.analyst];
                assert_eq!(s.kind, SpeakerKind::Analyst);
                (s.name.as_str(), q.firm.as_deref(), q.turns.len())
            })
            .collect();
        assert_eq!(
            asked,
            [
                ("Priya Natarajan", Some("Halden Securities"), 2),
                ("Lars Berg", Some("Coastline Capital"), 2)
            ]
        );
        // The introduction and the exchange after it are the question's; the closing is not.
        assert_eq!(t.questions[0].turns, [4, 5]);
        assert_eq!(t.questions[1].turns, [6, 7]);
        assert!(t.turns[8].question.is_none() && t.turns[9].question.is_none());
        assert_eq!(t.turns[3].section, Section::Prepared);
        assert_eq!(t.turns[4].section, Section::Qa);
    }

    /// Speech-to-text output: a line break wherever the recogniser paused, commas inside
    /// names, no stop between an introduction and its invitation.
    const SPEECH_TO_TEXT: &str = "Welcome to the Harbor Foods fourth quarter call.\n\
        Today's conference is being recorded.\n\
        I will now turn the meeting over to Ines Moreau, Vice President of Investor\n\
        Relations.\n\
        Ines?\n\
        Thank you. I'm joined by Theo Grant, our Chief Executive Officer.\n\
        So with that, I'll turn the call over to Theo.\n\
        Thank you, Ines. It was a good year.\n\
        Operator, let's open it up for questions.\n\
        Thank you. Our first question comes from Mei, Tanaka with Ridgeway Partners, please go ahead.\n\
        Hi, thanks. What about pricing next year?\n\
        We expect it to be stable.\n\
        Operator, next question.\n\
        Our next question comes from Sam Okafor, with\n\
        Lindqvist Research. Your line is open.\n\
        Good morning. One on costs.\n\
        Costs are down.\n";

    #[test]
    fn speech_to_text_lines_pauses_and_calls_to_the_operator_are_read() {
        let t = read_call(SPEECH_TO_TEXT);
        let asked = askers(&t);
        assert_eq!(
            asked,
            [
                ("Mei Tanaka", Some("Ridgeway Partners")),
                ("Sam Okafor", Some("Lindqvist Research"))
            ]
        );
        let who: Vec<&str> = (0..t.turns.len()).map(|i| speaker_of(&t, i)).collect();
        assert_eq!(
            who,
            [
                "Operator",
                "Ines Moreau",
                "Theo Grant",
                "Operator",
                UNLABELLED,
                "Operator",
                UNLABELLED,
            ]
        );
        // "Operator, let's open it up" ends the CEO's turn; the operator's thanks and the
        // introduction are one turn, the question's first.
        assert_eq!(t.questions[0].turns, [3, 4]);
        let ines = t.speakers.iter().find(|s| s.name == "Ines Moreau").unwrap();
        assert_eq!(
            ines.role.as_deref(),
            Some("Vice President of Investor Relations")
        );
    }

    #[test]
    fn a_text_that_names_one_questioner_is_no_unlabelled_call() {
        // An article may quote an introduction; a call names several questioners.
        let article = "Shares rose on Tuesday. On the call, the operator said: \"Our next question comes from Jane Roe with Acme Securities.\" Ms. Roe asked about margins. The company did not comment further.";
        let t = parse(article);
        assert!(!t.unlabelled);
        assert!(t.turns.is_empty());
        // A labelled call is read from its labels, never from hand-offs.
        let labelled = "Operator: Our first question comes from Jane Roe with Acme.\n\nJane Roe: Hello.\n\nSam Lee: Hi.\n\nOperator: Our next question comes from Li Wei with Beta Bank.\n\nLi Wei: Thanks.\n\nSam Lee: Sure.\n";
        let t = parse(labelled);
        assert!(!t.unlabelled);
        assert_eq!(t.speakers[t.questions[0].analyst].name, "Jane Roe");
    }

    #[test]
    fn an_introduction_without_the_word_question_is_read_by_its_invitation_or_its_cue() {
        let t = read_call(
            "Thank you for standing by. I will now turn the call over to Dana Pike, Head of \
             Investor Relations. Dana, please go ahead. Thanks. Sales grew. We'll go first this \
             morning to Priya Natarajan of Halden Securities. Priya, please go ahead. How is \
             pricing? Stable. Thank you. We'll go next to Lars Berg of Coastline Capital. Hi, \
             one on costs. They fell.",
        );
        let asked = askers(&t);
        assert_eq!(
            asked,
            [
                ("Priya Natarajan", Some("Halden Securities")),
                ("Lars Berg", Some("Coastline Capital"))
            ]
        );
        // The hand-off to the head of investor relations, invited the same way, is no
        // question.
        let dana = t.speakers.iter().find(|s| s.name == "Dana Pike").unwrap();
        assert_eq!(dana.kind, SpeakerKind::Executive);
    }

    #[test]
    fn a_turn_may_end_by_calling_the_next_speaker() {
        let name = |s: &str| calls_on(s).map(|g| g.name);
        assert_eq!(name("Theo, over to you").as_deref(), Some("Theo"));
        assert_eq!(
            name("Over to you, Theo Grant").as_deref(),
            Some("Theo Grant")
        );
        assert_eq!(name("Sam, please go ahead").as_deref(), Some("Sam"));
        assert_eq!(name("Over to you"), None);
        assert_eq!(name("we will go ahead"), None);
        assert_eq!(name("the plan, over to you"), None);
    }

    #[test]
    fn a_label_left_in_the_running_text_is_taken_out() {
        let t = read_call(&ONE_PARAGRAPH.replace(
            "I will now hand it over to Omar. Thanks, Dana.",
            "I will now hand it over to Omar. Omar Lind Thanks, Dana.",
        ));
        let omar = &t.turns[2];
        assert_eq!(t.speakers[omar.speaker].name, "Omar Lind");
        let Block::Para {
            en: Some(first), ..
        } = &omar.blocks[0]
        else {
            panic!("{:?}", omar.blocks)
        };
        assert!(first.starts_with("Thanks, Dana."), "{first}");
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_not_at_initials_or_titles() {
        let s: Vec<String> = sentences(
            "Revenue was up 3.5 percent. We thank J. P. Morgan and Mr. Lee for\nthe U.S. data. Is that right? 2025 will be better…\n\nNew paragraph.",
            None,
        )
        .into_iter()
        .map(|s| s.text)
        .collect();
        assert_eq!(
            s,
            [
                "Revenue was up 3.5 percent.",
                "We thank J. P. Morgan and Mr. Lee for the U.S. data.",
                "Is that right?",
                "2025 will be better…",
                "New paragraph.",
            ]
        );
    }

    #[test]
    fn a_hand_off_names_the_person_up_to_the_title() {
        assert_eq!(
            gives("I'll now turn the call over to Sam Lee, our CFO.").map(|g| g.name),
            Some("Sam Lee".to_string())
        );
        let name = |s: &str| gives(s).map(|g| g.name);
        assert_eq!(name("Let me hand it back to Sam.").as_deref(), Some("Sam"));
        assert_eq!(name("I'll pass it over to Operator."), None);
        assert_eq!(name("We turn to the outlook."), None);
        // The title before the name, or after it.
        let give = |s: &str| gives(s).map(|g| (g.name, g.role));
        assert_eq!(
            give("With that, I'll turn the call over to our CFO, Sam Lee."),
            Some(("Sam Lee".into(), Some("CFO".into())))
        );
        assert_eq!(
            give("Let me hand over to Sam Lee, Chief Financial Officer."),
            Some(("Sam Lee".into(), Some("Chief Financial Officer".into())))
        );
        assert_eq!(
            role_in("over to Sam Lee, our Chief Financial Officer.", "Sam Lee").as_deref(),
            Some("Chief Financial Officer")
        );
    }

    #[test]
    fn long_texts_are_cut_into_paragraphs_at_sentence_ends() {
        let t = read_call(&ONE_PARAGRAPH.replace(
            "Orders grew in every region this quarter and margins held up well.",
            &"Orders grew in every region this quarter and margins held up well. ".repeat(30),
        ));
        let omar = &t.turns[2];
        assert!(omar.blocks.len() > 3, "{}", omar.blocks.len());
        for b in &omar.blocks {
            let Block::Para { en: Some(e), .. } = b else {
                panic!("{b:?}")
            };
            assert!(e.len() <= 2 * PARA_BYTES + 80, "{}", e.len());
            assert!(e.ends_with('.'), "{e}");
        }
    }
}
