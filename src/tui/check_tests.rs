//! The sources screen on the sample corpus: a speech's sources from the library, the `--check`
//! draft's sources, opening a comparison at the first shared passage, saving the report.

use std::path::{Path, PathBuf};

use super::app::{Action, App, InputPurpose, View};
use super::keymap::Keymap;
use super::snapshots::{render, screen};
use super::testdata::{index, richest_pair, sample, select_in_library};
use super::theme::{ColorDepth, Theme};
use super::update::update;
use super::update_sync;

fn key(app: &mut App, spec: &str) {
    let k = super::keymap::Key::parse(spec).unwrap();
    update_sync(
        app,
        Action::Key(crossterm::event::KeyEvent::new(
            k.code,
            crossterm::event::KeyModifiers::empty(),
        )),
    );
}

/// The sample corpus, with `draft` (if any) loaded after it as `--check` does.
fn app_in(dir: &Path, size: (u16, u16), draft: Option<speechtui::corpus::Document>) -> App {
    let mut app = App::new(
        Theme::builtin("default", ColorDepth::Palette256).unwrap(),
        Keymap::default(),
        size,
        dir.to_path_buf(),
    );
    let mut loaded = sample();
    app.draft_mode = draft.is_some();
    loaded.documents.extend(draft);
    update(&mut app, Action::Loaded(loaded));
    app
}

/// Indexes the corpus and runs every effect that follows (the `--check` draft's check).
fn index_sync(app: &mut App) {
    let options = speechtui::reuse::Options {
        no_cache: true,
        ..Default::default()
    };
    let report = speechtui::reuse::build(&app.docs, &options, &|_| {}).unwrap();
    let docs = app.docs.clone();
    update_sync(
        app,
        Action::Indexed(Ok(Box::new(super::app::ReuseIndex::new(report, &docs)))),
    );
}

/// A draft made of a stretch of sample speech `from` between two sentences of its own.
fn draft_from(
    app_docs: &[speechtui::corpus::Document],
    from: usize,
) -> speechtui::corpus::Document {
    let text: String = app_docs[from].text.chars().skip(200).take(400).collect();
    let body = format!(
        "关于本单位今年工作的汇报稿\n\n今天早上下了一场小雨，操场上的积水还没有退去。\n{text}\n食堂今天中午供应饺子和米饭，欢迎大家前来就餐。\n"
    );
    let mut docs =
        speechtui::corpus::documents_from_bytes(Path::new("draft.txt"), body.as_bytes()).unwrap();
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

#[test]
fn a_speech_of_the_library_opens_its_sources_and_a_comparison_at_the_first_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), (100, 30), None);
    index(&mut app);
    let (a, b) = richest_pair(&app.docs);
    select_in_library(&mut app, a);
    key(&mut app, "C");
    let Some(View::Sources(s)) = app.stack.last() else {
        panic!("no sources screen");
    };
    let check = s.check.clone().expect("the check ran");
    assert_eq!(s.draft, a);
    // The speech sharing most with it is the first source, and never the speech itself.
    assert_eq!(check.sources[0].doc, b, "{:?}", check.sources);
    assert!(check.sources.iter().all(|s| s.doc != a));
    assert!(check.borrowed > 0.0);

    key(&mut app, "Enter");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!("no comparison");
    };
    assert_eq!((c.a, c.b), (a, b));
    // Landed on the comparison's passage holding the check's first shared passage.
    let first = check.passages[check.sources[0].first_passage].span.start;
    let cmp = c.comparison.as_ref().expect("aligned");
    let cur = c.rows.stops[c.current.expect("a current passage")].passage;
    assert!(cmp.passages[cur].a.end > first);
    assert!(cur == 0 || cmp.passages[cur - 1].a.end <= first);
    key(&mut app, "Esc");
    assert!(matches!(app.stack.last(), Some(View::Sources(_))));

    // R: the speech in the reader, the first passage the source holds focused.
    key(&mut app, "R");
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!("no reader");
    };
    assert_eq!(r.doc, a);
    let first = check.passages[check.sources[0].first_passage].span;
    assert_eq!(r.focus_span, Some(first));
    key(&mut app, "Esc");
    key(&mut app, "Esc");
    assert!(app.stack.is_empty());
}

#[test]
fn check_mode_opens_the_drafts_sources_and_saves_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let docs = sample().documents;
    let (a, _) = richest_pair(&docs);
    let draft = draft_from(&docs, a);
    let mut app = app_in(dir.path(), (80, 24), Some(draft));
    assert_eq!(app.corpus_len(), docs.len());
    index_sync(&mut app);
    let Some(View::Sources(s)) = app.stack.last() else {
        panic!("--check did not open the sources screen");
    };
    assert_eq!(s.draft, docs.len());
    let check = s.check.clone().expect("the check ran");
    assert!(
        check.sources.iter().any(|s| s.doc == a),
        "{:?}",
        check.sources
    );
    assert!(
        check.borrowed > 0.3 && check.borrowed < 0.95,
        "{}",
        check.borrowed
    );
    let shown = screen(&render(&app));
    assert!(shown.contains("Sources"), "{shown}");

    key(&mut app, "s");
    let input = app.input.as_ref().expect("save prompt");
    assert_eq!(input.purpose, InputPurpose::SaveCheck);
    assert_eq!(input.text, "check-draft.txt");
    key(&mut app, "Enter");
    let saved = std::fs::read_to_string(dir.path().join("check-draft.txt")).unwrap();
    assert!(saved.starts_with("Check of: "), "{saved}");
    assert!(saved.contains(&docs[a].id), "{saved}");
    assert!(!saved.contains('\u{1b}'));
    // Saving again never overwrites without asking.
    key(&mut app, "s");
    key(&mut app, "Enter");
    assert!(matches!(
        app.popup,
        Some(super::app::Popup::ConfirmOverwrite { .. })
    ));
}

#[test]
fn sources_screen_snapshots() {
    let dir = PathBuf::from("/tmp");
    for (w, h) in [(80u16, 24u16), (140, 40)] {
        let docs = sample().documents;
        let (a, _) = richest_pair(&docs);
        let mut app = app_in(&dir, (w, h), Some(draft_from(&docs, a)));
        index_sync(&mut app);
        insta::assert_snapshot!(format!("sources_{w}x{h}"), screen(&render(&app)));
    }
}

#[test]
fn the_drafts_text_is_shown_whole_with_the_selected_sources_passage_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let docs = sample().documents;
    let (a, _) = richest_pair(&docs);
    let draft = draft_from(&docs, a);
    let mut app = app_in(dir.path(), (80, 24), Some(draft));
    index_sync(&mut app);
    let Some(View::Sources(s)) = app.stack.last() else {
        panic!("no sources screen");
    };
    let check = s.check.clone().expect("the check ran");
    let first = check.sources[0].first_passage;
    assert_eq!(s.passage, Some(first));
    // The draft's own text is on screen (its first lines are before the borrowed stretch), and
    // the borrowed passage starts within the text pane.
    let shown = screen(&render(&app));
    assert!(shown.contains("今天早上下了一场小雨"), "{shown}");
    assert!(shown.contains("held by"), "{shown}");
    let passage_line = super::wrap::line_of(&s.lines, check.passages[first].span.start);
    let rows = super::update::sources::text_rows(app.size);
    assert!(
        (s.scroll..s.scroll + rows).contains(&passage_line),
        "passage on line {passage_line}, text shows {}..",
        s.scroll
    );
    // A gutter bar stands beside the passage: no other mark is drawn in column 1 of the text.
    assert!(shown.lines().any(|l| l.contains("│▌ ")), "{shown}");

    // Tab moves the keys to the text: j scrolls it, the selected source stays.
    key(&mut app, "Tab");
    let before = match app.stack.last() {
        Some(View::Sources(s)) => (s.scroll, s.list.selected),
        _ => unreachable!(),
    };
    key(&mut app, "G");
    key(&mut app, "g");
    key(&mut app, "j");
    let Some(View::Sources(s)) = app.stack.last() else {
        unreachable!()
    };
    assert_eq!(s.list.selected, before.1);
    assert_eq!(s.scroll, 1.min(s.lines.len().saturating_sub(rows)));
    // n goes to the next passage the source holds, round the end: with one such passage it
    // comes back to it, scrolled into view again.
    key(&mut app, "n");
    let Some(View::Sources(s)) = app.stack.last() else {
        unreachable!()
    };
    let held: Vec<usize> = (0..check.passages.len())
        .filter(|&i| {
            check.passages[i]
                .sources
                .iter()
                .any(|c| c.doc == check.sources[0].doc)
        })
        .collect();
    let want = held
        .iter()
        .find(|&&i| i > first)
        .copied()
        .unwrap_or(held[0]);
    assert_eq!(s.passage, Some(want));
}

#[test]
fn choosing_another_source_moves_the_text_to_its_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), (100, 30), None);
    index(&mut app);
    // The speech with the most sources in the sample.
    let mut best = (0, 0);
    for d in 0..app.docs.len() {
        select_in_library(&mut app, d);
        key(&mut app, "C");
        if let Some(View::Sources(s)) = app.stack.last() {
            let n = s.check.as_ref().map_or(0, |c| c.sources.len());
            if n > best.1 {
                best = (d, n);
            }
        }
        key(&mut app, "Esc");
    }
    assert!(best.1 >= 2, "no speech of the sample has two sources");
    select_in_library(&mut app, best.0);
    key(&mut app, "C");
    key(&mut app, "j");
    let Some(View::Sources(s)) = app.stack.last() else {
        panic!("no sources screen");
    };
    let check = s.check.clone().unwrap();
    assert_eq!(s.list.selected, 1);
    assert_eq!(s.passage, Some(check.sources[1].first_passage));
    // Enter compares with the second source at that passage.
    key(&mut app, "Enter");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!("no comparison");
    };
    assert_eq!(c.b, check.sources[1].doc);
}

#[test]
fn help_in_the_sources_view_explains_its_columns_and_marks() {
    let dir = tempfile::tempdir().unwrap();
    let docs = sample().documents;
    let (a, _) = richest_pair(&docs);
    let mut app = app_in(dir.path(), (100, 60), Some(draft_from(&docs, a)));
    index_sync(&mut app);
    key(&mut app, "?");
    let shown = screen(&render(&app));
    for want in [
        "The sources view",
        "borrowed",
        "pas.",
        "copied",
        "formula",
        "next passage",
    ] {
        assert!(shown.contains(want), "{want} missing:\n{shown}");
    }
}
