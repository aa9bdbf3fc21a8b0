//! The words the reader puts on screen for speakers, questions and sections.

use crate::transcript::{Section, Speaker, Transcript};

/// "Prepared remarks" or "Questions and answers".
pub fn section_title(s: Section) -> &'static str {
    match s {
        Section::Prepared => "Prepared remarks",
        Section::Qa => "Questions and answers",
    }
}

/// A speaker's name with the other script's name, if known: `Andy Jassy (安迪·贾西)`.
pub fn speaker_name(sp: &Speaker) -> String {
    match &sp.name_alt {
        Some(alt) if !alt.is_empty() && *alt != sp.name => format!("{} ({alt})", sp.name),
        _ => sp.name.clone(),
    }
}

/// A turn header: name, role and firm joined by ` · `.
pub fn speaker_header(sp: &Speaker) -> String {
    let mut parts = vec![speaker_name(sp)];
    parts.extend(sp.role.iter().filter(|r| !r.is_empty()).cloned());
    parts.extend(sp.firm.iter().filter(|f| !f.is_empty()).cloned());
    parts.join(" · ")
}

/// `Q3 · Ross Sandler · Barclays` for question index `q`.
pub fn question_label(t: &Transcript, q: usize) -> String {
    let Some(question) = t.questions.get(q) else {
        return String::new();
    };
    let mut s = format!("Q{}", question.number);
    if let Some(analyst) = t.speakers.get(question.analyst) {
        s.push_str(" · ");
        s.push_str(&analyst.name);
        let firm = question.firm.as_ref().or(analyst.firm.as_ref());
        if let Some(firm) = firm.filter(|f| !f.is_empty()) {
            s.push_str(" · ");
            s.push_str(firm);
        }
    }
    s
}

/// The call's name for the status line: title, else company, else the file shown.
pub fn call_title(t: &Transcript, source: &str) -> String {
    let name = t
        .title
        .clone()
        .or_else(|| t.company.clone())
        .unwrap_or_else(|| source.to_string());
    match &t.period {
        Some(p) if !name.contains(p.as_str()) => format!("{name} · {p}"),
        _ => name,
    }
}
