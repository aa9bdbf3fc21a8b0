//! Cost of laying out a transcript at one width, and of drawing one frame, on the built-in
//! sample and on a 50x larger call (its turns repeated). Drawing a frame should not depend
//! on the size of the call; laying out is linear and happens only on resize or view change.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tandem::Transcript;
use tandem::app::App;
use tandem::app::index::DocIndex;
use tandem::app::layout::Layout;
use tandem::app::state::shape;
use tandem::ui;

/// `t` with its turns and questions repeated `times` times.
fn repeat(t: &Transcript, times: usize) -> Transcript {
    let mut out = Transcript {
        turns: vec![],
        questions: vec![],
        ..t.clone()
    };
    let nq = t.questions.len();
    for i in 0..times {
        let offset = out.turns.len();
        out.turns.extend(t.turns.iter().cloned().map(|mut x| {
            x.question = x.question.map(|q| q + i * nq);
            x
        }));
        out.questions
            .extend(t.questions.iter().cloned().map(|mut q| {
                q.number += i * nq;
                q.turns.iter_mut().for_each(|x| *x += offset);
                q
            }));
    }
    out
}

/// The transcripts measured: the sample and the sample 50 times.
fn calls() -> Vec<(&'static str, Transcript)> {
    let sample = tandem::call::load_sample();
    let big = repeat(&sample, 50);
    vec![("sample", sample), ("sample x50", big)]
}

fn layout(c: &mut Criterion) {
    let mut g = c.benchmark_group("layout at 127 columns");
    for (name, t) in calls() {
        let ix = DocIndex::new(&t);
        let app = App::new(t.clone(), "bench", 127, 44);
        let s = shape(app.view, 127);
        g.bench_function(name, |b| {
            b.iter(|| Layout::build(black_box(&t), &ix, s, &[]))
        });
    }
    g.finish();
}

fn frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("one frame at 160x45");
    for (name, t) in calls() {
        let p = ui::panes(ratatui::layout::Rect::new(0, 0, 160, 45));
        let mut app = App::new(t, "bench", p.reading.width, p.reading.height);
        app.jump_to_row(app.layout.len() / 2);
        let mut term = Terminal::new(TestBackend::new(160, 45)).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| term.draw(|f| ui::draw(f, &mut app)).map(|_| ()))
        });
    }
    g.finish();
}

fn frame_converted(c: &mut Criterion) {
    let mut g = c.benchmark_group("one frame at 160x45 in Traditional characters");
    for (name, t) in calls() {
        let p = ui::panes(ratatui::layout::Rect::new(0, 0, 160, 45));
        let mut app = App::new(t, "bench", p.reading.width, p.reading.height);
        app.prefs.script = tandem::config::settings::ChineseScript::Traditional;
        app.jump_to_row(app.layout.len() / 2);
        let mut term = Terminal::new(TestBackend::new(160, 45)).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| term.draw(|f| ui::draw(f, &mut app)).map(|_| ()))
        });
    }
    g.finish();
}

/// Keys that move: each must cost the same on a long call as on a short one.
fn keys(c: &mut Criterion) {
    use tandem::app::{Action, update};
    let mut g = c.benchmark_group("one key");
    for (name, t) in calls() {
        let mut app = App::new(t, "bench", 127, 44);
        let middle = app.layout.len() / 2;
        for (label, action) in [
            ("line down", Action::LineDown),
            ("next paragraph", Action::NextParagraph),
            ("next question", Action::NextQuestion),
            ("stacked on or off", Action::ToggleStacked),
            ("notes shown or hidden", Action::ToggleNotes),
        ] {
            g.bench_function(format!("{label}, {name}"), |b| {
                b.iter(|| {
                    app.jump_to_row(middle);
                    update(&mut app, black_box(action.clone()));
                })
            });
        }
    }
    g.finish();
}

/// Typing a search, one character at a time, then closing it: each keystroke narrows the
/// last query's places, so a long call should cost about what a short one does.
fn search(c: &mut Criterion) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use tandem::app::{Action, update};
    let mut g = c.benchmark_group("typing a search");
    for (name, t) in calls() {
        let mut app = App::new(t, "bench", 127, 44);
        let keys: Vec<Action> = "the capacity of"
            .chars()
            .map(|ch| {
                let key = KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE);
                Action::SearchEdit(key.into())
            })
            .collect();
        g.bench_function(format!("\"the capacity of\", {name}"), |b| {
            b.iter(|| {
                update(&mut app, Action::StartSearch);
                for k in &keys {
                    update(&mut app, black_box(k.clone()));
                }
                update(&mut app, Action::SearchCancel);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, layout, frame, frame_converted, keys, search);
criterion_main!(benches);
