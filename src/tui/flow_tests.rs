//! What a user does, key by key, on the sample corpus: state changes and effects.

use std::path::PathBuf;

use super::app::{Action, App, InputPurpose, Popup, SortColumn, View};
use super::keymap::Keymap;
use super::rows::{CellKind, Row};
use super::testdata::{doc_by_file, richest_pair, sample, select_in_library};
use super::theme::{ColorDepth, Theme};
use super::update::{press, type_text, update};
use super::update_sync;

fn app_in(dir: PathBuf) -> App {
    let mut app = App::new(
        Theme::builtin("default", ColorDepth::Palette256).unwrap(),
        Keymap::default(),
        (100, 30),
        dir,
    );
    update(&mut app, Action::Loaded(sample()));
    let folded = app
        .docs
        .iter()
        .map(super::update::library::folded_doc)
        .collect();
    update(&mut app, Action::Folded(folded));
    app
}

fn key(app: &mut App, spec: &str) {
    let k = super::keymap::Key::parse(spec).unwrap();
    let mut mods = crossterm::event::KeyModifiers::empty();
    if k.ctrl {
        mods |= crossterm::event::KeyModifiers::CONTROL;
    }
    update_sync(
        app,
        Action::Key(crossterm::event::KeyEvent::new(k.code, mods)),
    );
}

/// Marks `a`, then compares it with `b`, running the aligner.
fn open_comparison(app: &mut App, a: usize, b: usize) {
    select_in_library(app, a);
    key(app, "c");
    assert_eq!(app.library.mark, Some(a));
    select_in_library(app, b);
    key(app, "c");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    for setup in ["", "/", "?", "Enter", "Enter /"] {
        let mut app = app_in(dir.path().into());
        for k in setup.split_whitespace() {
            press(&mut app, k);
        }
        assert!(!app.should_quit);
        press(&mut app, "Ctrl-c");
        assert!(app.should_quit, "after {setup:?}");
    }
    // `q` quits, except while typing, where it is a letter.
    let mut app = app_in(dir.path().into());
    press(&mut app, "/");
    press(&mut app, "q");
    assert!(!app.should_quit);
    assert_eq!(app.input.as_ref().unwrap().text, "q");
    press(&mut app, "Esc");
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn library_sorts_by_each_column_and_filters_as_you_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    press(&mut app, "3");
    assert_eq!(app.library.sort, SortColumn::Length);
    let lens: Vec<usize> = app.library.rows.iter().map(|&d| app.doc_chars[d]).collect();
    assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{lens:?}");
    press(&mut app, "3");
    let lens: Vec<usize> = app.library.rows.iter().map(|&d| app.doc_chars[d]).collect();
    assert!(lens.windows(2).all(|w| w[0] <= w[1]), "{lens:?}");
    press(&mut app, "1");
    let titles: Vec<&str> = app
        .library
        .rows
        .iter()
        .map(|&d| app.docs[d].title.as_str())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));

    // Full-text filter: "压舱石" occurs in one sample speech's text only.
    press(&mut app, "/");
    type_text(&mut app, "压舱");
    let after_two = app.library.rows.clone();
    type_text(&mut app, "石");
    assert_eq!(app.input.as_ref().unwrap().purpose, InputPurpose::Filter);
    let rows = app.library.rows.clone();
    assert!(!rows.is_empty() && rows.len() <= after_two.len());
    for d in 0..app.docs.len() {
        assert_eq!(
            rows.contains(&d),
            app.docs[d].text.contains("压舱石") || app.docs[d].title.contains("压舱石")
        );
    }
    press(&mut app, "Enter");
    assert!(app.input.is_none());
    assert_eq!(app.library.filter, "压舱石");
    press(&mut app, "Esc");
    assert_eq!(app.library.rows.len(), app.docs.len());
}

#[test]
fn reader_search_and_outline_toggle() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    let doc = doc_by_file(&app.docs, "000_");
    select_in_library(&mut app, doc);
    press(&mut app, "Enter");
    press(&mut app, "/");
    type_text(&mut app, "聚焦");
    press(&mut app, "Enter");
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    let expected = app.docs[doc].text.matches("聚焦").count();
    assert!(expected >= 3);
    assert_eq!(r.search.hits.len(), expected);
    let first = r.search.current;
    press(&mut app, "n");
    press(&mut app, "n");
    press(&mut app, "N");
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(r.search.current, (first + 1) % expected);
    let hit = r.search.hits[r.search.current];
    let line = r.lines[r.cursor];
    assert!(line.start <= hit.start && hit.start < line.end.max(line.start + 1));
    // Toggling the outline re-wraps to the new width and keeps the cursor on the same text.
    let (w0, at0) = (r.wrap_width, line.start);
    press(&mut app, "o");
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    assert_ne!(r.wrap_width, w0);
    let l = r.lines[r.cursor];
    assert!(l.start <= at0 && at0 <= l.end, "{l:?} vs {at0}");
    press(&mut app, "Esc");
    assert!(app.stack.is_empty());
}

#[test]
fn compare_jump_fold_open_and_last_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    let (a, b) = richest_pair(&app.docs);
    open_comparison(&mut app, a, b);
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!("no comparison view")
    };
    let cmp = c.comparison.clone().expect("aligned");
    assert!(cmp.passages.len() >= 3);
    assert!(c.fold);
    // Folded: no own text is drawn as text, only as fold lines.
    let own = |r: &Row| {
        [r.left, r.right]
            .iter()
            .any(|c| c.is_some_and(|c| c.kind == CellKind::Own))
    };
    assert!(!c.rows.rows.iter().any(own));
    // Every passage has a stop: level once, or moved on each side.
    for i in 0..cmp.passages.len() {
        let n = c.rows.stops.iter().filter(|s| s.passage == i).count();
        assert!(n == 1 || n == 2, "passage {i}: {n} stops");
    }
    // The first stop is on screen from the start, and the header names it: one `]` moves on
    // to the second (a `]` that landed on the passage already named would look lost).
    let page = 30 - 2 - 2 - 2;
    assert!(c.rows.stops[0].row < page);
    assert_eq!(super::update::compare::top_stop(c, page), Some(0));
    press(&mut app, "]");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(c.current, Some(1));
    // The passage's first row is on screen (at the top, unless the end of the rows is reached).
    let at = c.rows.stops[1].row;
    assert!(c.scroll <= at && at < c.scroll + page, "{} {at}", c.scroll);
    assert!(c.scroll == at || c.scroll + page >= c.rows.rows.len());
    press(&mut app, "[");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(c.current, Some(0));

    press(&mut app, "z");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert!(!c.fold && c.rows.rows.iter().any(own));
    // Unfolded, at the bottom, past every passage: `[` goes to the last one, and `]` there
    // says it was the last.
    press(&mut app, "G");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    let last = c.rows.stops.len() - 1;
    if c.rows.stops[last].row < c.scroll {
        assert_eq!(super::update::compare::top_stop(c, page), None);
        press(&mut app, "[");
    } else {
        press(&mut app, "]");
        press(&mut app, "[");
        press(&mut app, "]");
    }
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(c.current, Some(last));
    press(&mut app, "]");
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("last passage")),
        "{:?}",
        app.status
    );
    // Enter opens the reader at the passage.
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    let stop = c.rows.stops[last];
    let p = cmp.passages[stop.passage].clone();
    let (doc, span) = if stop.side_a == Some(false) {
        (b, p.b)
    } else {
        (a, p.a)
    };
    press(&mut app, "Enter");
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!("Enter did not open the reader")
    };
    assert_eq!((r.doc, r.focus_span), (doc, Some(span)));
}

#[test]
fn saving_writes_the_side_by_side_report_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    let (a, b) = richest_pair(&app.docs);
    open_comparison(&mut app, a, b);
    press(&mut app, "s");
    let input = app.input.clone().expect("save prompt");
    assert_eq!(input.purpose, InputPurpose::SaveComparison);
    assert!(input.text.contains("__vs__") && input.text.ends_with(".txt"));
    assert!(!input.text.contains('/'));
    key(&mut app, "Enter");
    let path = dir.path().join(&input.text);
    let status = app.status.clone().unwrap();
    assert!(!status.error, "{status:?}");
    assert!(
        status.text.contains(&path.display().to_string()),
        "{status:?}"
    );
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    // What `speechtui compare --format side-by-side` prints at its default width.
    let expected = speechtui::export::comparison_side_by_side(
        &app.docs[a],
        &app.docs[b],
        c.comparison.as_ref().unwrap(),
        speechtui::export::DEFAULT_WIDTH,
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);

    // Again: the file exists, so the user is asked; "n" keeps it.
    std::fs::write(&path, "keep me").unwrap();
    press(&mut app, "s");
    key(&mut app, "Enter");
    assert!(matches!(app.popup, Some(Popup::ConfirmOverwrite { .. })));
    key(&mut app, "n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    // "y" overwrites.
    press(&mut app, "s");
    key(&mut app, "Enter");
    key(&mut app, "y");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    // Nothing else was left in the folder (no temp files).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn saving_into_a_missing_folder_reports_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().join("no/such/folder"));
    let (a, b) = richest_pair(&app.docs);
    open_comparison(&mut app, a, b);
    press(&mut app, "s");
    key(&mut app, "Enter");
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.starts_with("not saved:"),
        "{status:?}"
    );
    assert!(status.text.contains("no/such/folder"), "{status:?}");
}

#[test]
fn resize_rewraps_open_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    let (a, b) = richest_pair(&app.docs);
    select_in_library(&mut app, a);
    press(&mut app, "Enter");
    press(&mut app, "Esc");
    open_comparison(&mut app, a, b);
    let before = match app.stack.last() {
        Some(View::Compare(c)) => c.widths,
        _ => panic!(),
    };
    update(&mut app, Action::Resize(160, 50));
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert!(c.widths.0 > before.0);
}

#[test]
fn library_filter_matches_across_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    press(&mut app, "/");
    type_text(&mut app, "推进会");
    let shown: Vec<&str> = app
        .library
        .rows
        .iter()
        .map(|&d| app.docs[d].title.as_str())
        .collect();
    // Simplified query, traditional titles (推進會) found too.
    assert!(shown.iter().any(|t| t.contains("推進會")), "{shown:?}");
    assert!(shown.iter().any(|t| t.contains("推进会")), "{shown:?}");
    for d in 0..app.docs.len() {
        let doc = &app.docs[d];
        let has = super::update::library::folded_doc(doc).contains("推进会");
        assert_eq!(app.library.rows.contains(&d), has, "{}", doc.title);
    }
}

#[test]
fn library_filter_words_must_all_match() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    press(&mut app, "/");
    // Two words found apart in one speech (its file name and its text), never side by side.
    type_text(&mut app, "3bce6aca 推進會");
    let rows = app.library.rows.clone();
    assert!(!rows.is_empty());
    for d in 0..app.docs.len() {
        let folded = super::update::library::folded_doc(&app.docs[d]);
        let both = folded.contains("3bce6aca") && folded.contains("推进会");
        assert_eq!(rows.contains(&d), both, "{}", app.docs[d].title);
        assert!(!folded.contains("3bce6aca 推进会"));
    }
    // One word more that no speech has: nothing left.
    type_text(&mut app, " 没有这个词语");
    assert!(app.library.rows.is_empty());
}

#[test]
fn library_filter_finds_speeches_by_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    press(&mut app, "/");
    // In no title and no text: only the file name of the page with five speeches says it.
    type_text(&mut app, "3bce6aca");
    let mut shown: Vec<Option<usize>> =
        app.library.rows.iter().map(|&d| app.docs[d].part).collect();
    shown.sort();
    assert_eq!(shown, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    // Those five are told apart in the library even where titles repeat.
    let labels: std::collections::HashSet<&String> =
        app.library.rows.iter().map(|&d| &app.labels[d]).collect();
    assert_eq!(labels.len(), 5);
}

#[test]
fn a_saved_concordance_counts_the_speeches_it_lists() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    super::testdata::index(&mut app);
    press(&mut app, "b");
    // A formula of the sample with a near variant in a speech without the exact wording: found
    // through the kinds (Tab) and selected.
    let report = app.reuse_index().unwrap().report.clone();
    let has_variant = |i: usize| {
        let f = &report.formulas[i];
        let listed: std::collections::BTreeSet<usize> =
            f.occurrences.iter().map(|o| o.doc).collect();
        f.documents < listed.len()
    };
    let mut chosen = None;
    for _ in 0..5 {
        let Some(View::Explorer(state)) = app.stack.last() else {
            panic!("explorer open")
        };
        if let Some(pos) = state.rows.iter().position(|&i| has_variant(i)) {
            chosen = Some(state.rows[pos]);
            for _ in 0..pos {
                press(&mut app, "j");
            }
            break;
        }
        key(&mut app, "Tab");
    }
    let formula = report.formulas[chosen.expect("a formula with a near variant")].clone();
    let listed: std::collections::BTreeSet<usize> =
        formula.occurrences.iter().map(|o| o.doc).collect();
    key(&mut app, "Enter");
    press(&mut app, "s");
    let name = app.input.clone().expect("save prompt").text;
    key(&mut app, "Enter");
    let saved = std::fs::read_to_string(dir.path().join(&name)).unwrap();
    let mut lines = saved.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!("Concordance: {}", formula.template.replace('\n', " "))
    );
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.skip(1).collect();
    let ids: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.split('\t').nth(2).unwrap()).collect();
    assert_eq!(
        header,
        format!(
            "{} occurrences in {} speeches ({} with this exact wording, the others a near variant)",
            rows.len(),
            ids.len(),
            formula.documents
        )
    );
    assert_eq!(ids.len(), listed.len());
}

#[test]
fn reader_search_matches_across_scripts_and_widths() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    // 004#2 is in Traditional script with half-width commas.
    let doc = (0..app.docs.len())
        .find(|&d| app.docs[d].id.ends_with("004_3bce6aca9e0e3511.txt#2"))
        .unwrap();
    let text = app.docs[doc].text.clone();
    let traditional = text.matches("項目").count();
    assert!(traditional > 50 && text.matches("项目").count() == 0);
    let hits = |app: &App| match app.stack.last() {
        Some(View::Reader(r)) => r.search.hits.clone(),
        _ => panic!("not in the reader"),
    };
    for (query, expected) in [
        ("项目", traditional),
        ("項目", traditional),
        // The page writes half-width commas; a full-width one in the query finds them.
        ("投资，", text.matches("投資,").count()),
    ] {
        select_in_library(&mut app, doc);
        press(&mut app, "Enter");
        press(&mut app, "/");
        type_text(&mut app, query);
        press(&mut app, "Enter");
        let found = hits(&app);
        assert_eq!(found.len(), expected, "{query}");
        assert!(expected > 0, "{query}");
        // Each hit covers the text's own characters for the query.
        let chars: Vec<char> = text.chars().collect();
        for h in &found {
            let slice: String = chars[h.start..h.end].iter().collect();
            assert_eq!(
                speechtui::text::fold::fold_str(&slice),
                speechtui::text::fold::fold_str(query)
            );
        }
        press(&mut app, "Esc");
    }
}

#[test]
fn compare_search_covers_both_speeches() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path().into());
    let (a, b) = richest_pair(&app.docs);
    open_comparison(&mut app, a, b);
    // A word both speeches use, and how often each does.
    let q = "工作";
    let n_a = app.docs[a].text.matches(q).count();
    let n_b = app.docs[b].text.matches(q).count();
    assert!(n_a > 0 && n_b > 0);
    press(&mut app, "/");
    type_text(&mut app, q);
    press(&mut app, "Enter");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(c.search.hits.len(), n_a + n_b);
    // Unfolded so that hits in unshared text are on screen; the current hit's row is at the top.
    assert!(!c.fold);
    let (side_a, at) = c.search.hits[c.search.current];
    let row = super::update::compare_search::row_of(c, side_a, at).unwrap();
    assert!(row >= c.scroll && row < c.scroll + 20, "{row} {}", c.scroll);
    let status = app.status.clone().unwrap().text;
    assert!(status.starts_with("hit "), "{status}");
    let first = c.search.current;
    press(&mut app, "n");
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(c.search.current, (first + 1) % (n_a + n_b));
}
