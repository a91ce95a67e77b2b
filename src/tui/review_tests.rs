//! The faults a new user met in the first minutes, each pinned by a test on the sample corpus.

use ratatui::style::Modifier;

use super::app::{App, Popup, View};
use super::snapshots::{app_at, render, screen};
use super::testdata;
use super::update::press;

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn keys_that_do_nothing_here_say_so() {
    let mut app = app_at(80, 24);
    let (a, b) = testdata::richest_pair(&app.docs);
    testdata::select_in_library(&mut app, a);
    press(&mut app, "c");
    testdata::select_in_library(&mut app, b);
    super::update_sync(&mut app, super::app::Action::Key(key("c")));
    assert!(matches!(app.stack.last(), Some(View::Compare(_))));
    press(&mut app, "Tab");
    assert!(
        status(&app).contains("nothing to do in the comparison"),
        "{}",
        status(&app)
    );
    press(&mut app, "Esc");
    press(&mut app, "Enter");
    assert!(matches!(app.stack.last(), Some(View::Reader(_))));
    for k in ["b", "c", "s"] {
        press(&mut app, k);
        assert!(
            status(&app).starts_with(&format!("{k}: nothing to do in the reader")),
            "{k}: {}",
            status(&app)
        );
    }
    press(&mut app, "Esc");
    press(&mut app, "b");
    press(&mut app, "]");
    assert!(
        status(&app).contains("nothing to do in the boilerplate explorer"),
        "{}",
        status(&app)
    );
}

fn key(spec: &str) -> crossterm::event::KeyEvent {
    let k = super::keymap::Key::parse(spec).unwrap();
    crossterm::event::KeyEvent::new(k.code, crossterm::event::KeyModifiers::empty())
}

#[test]
fn help_lists_only_the_keys_that_work_where_it_is_opened() {
    let mut app = app_at(140, 40);
    press(&mut app, "?");
    let lib = screen(&render(&app));
    assert!(lib.contains("sort by title"), "{lib}");
    assert!(!lib.contains("next aligned passage") && !lib.contains("show/hide the outline"));
    press(&mut app, "Esc");
    press(&mut app, "Enter");
    press(&mut app, "?");
    let reader = screen(&render(&app));
    assert!(reader.contains("show/hide the outline") && reader.contains("Marks (now:"));
    assert!(!reader.contains("sort by title") && !reader.contains("next aligned passage"));
}

#[test]
fn the_shared_with_popup_uses_the_terminal_width() {
    let mut app = app_at(140, 40);
    press(&mut app, "b");
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    press(&mut app, "r");
    assert!(matches!(app.popup, Some(Popup::ReusedBy { .. })));
    let buf = render(&app);
    // The popup's top border: its corners are as far apart as the screen allows.
    let y = (0..buf.area.height)
        .find(|&y| (0..buf.area.width).any(|x| buf[(x, y)].symbol() == "┌" && x > 0 && x < 4))
        .expect("popup on screen");
    let right = (0..buf.area.width)
        .rev()
        .find(|&x| buf[(x, y)].symbol() == "┐")
        .unwrap();
    assert!(right >= 130, "popup ends at column {right}");
}

#[test]
fn after_a_sort_the_library_shows_its_top() {
    let mut app = app_at(80, 24);
    press(&mut app, "G");
    assert!(app.library.list.selected > 0);
    press(&mut app, "3");
    assert_eq!((app.library.list.selected, app.library.list.scroll), (0, 0));
    // The longest speech first, and selected.
    let longest = (0..app.docs.len())
        .max_by_key(|&d| app.doc_chars[d])
        .unwrap();
    assert_eq!(app.library.rows[0], longest);
}

#[test]
fn the_library_has_a_place_column_and_one_word_for_the_share() {
    let app = app_at(80, 24);
    let text = screen(&render(&app));
    assert!(
        text.contains("Place") && text.contains("Borrowed"),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("reused"));
}

#[test]
fn a_selected_warning_is_explained_under_the_table() {
    let mut app = app_at(140, 40);
    let doc = (0..app.docs.len())
        .find(|&d| !app.docs[d].warnings.is_empty())
        .expect("a sample speech with a warning");
    testdata::select_in_library(&mut app, doc);
    let text = screen(&render(&app));
    let lines: Vec<&str> = text.lines().collect();
    let border = lines[lines.len() - 2];
    let words: String = app.docs[doc].warnings[0].chars().take(12).collect();
    assert!(
        border.starts_with("└⚠ ") && border.contains(&words) && border.contains("load report"),
        "{border}"
    );
    // The hints stay.
    assert!(lines[lines.len() - 1].contains("open"), "{text}");
}

#[test]
fn an_outline_jump_puts_the_target_on_top_and_marks_it() {
    let mut app = app_at(80, 24);
    press(&mut app, "Enter");
    press(&mut app, "Tab");
    for _ in 0..5 {
        press(&mut app, "j");
    }
    press(&mut app, "Enter");
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(
        r.scroll, r.cursor,
        "the target line is the first of the view"
    );
    let fs = r.focus_span.expect("the target is marked");
    let line = &r.lines[r.cursor];
    assert!(fs.start >= line.start && fs.start < line.end.max(line.start + 1));
    // The mark is on screen, on the first text row.
    let buf = render(&app);
    let marked = (0..buf.area.width).any(|x| {
        buf[(x, 2)].modifier.contains(Modifier::BOLD)
            && buf[(x, 2)].bg == app.theme.search_current.bg.unwrap()
    });
    assert!(marked, "{}", screen(&buf));
}

fn mouse(app: &mut App, kind: crossterm::event::MouseEventKind, column: u16, row: u16) {
    let ev = crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: crossterm::event::KeyModifiers::empty(),
    };
    super::update::update(app, super::app::Action::Mouse(ev));
}

fn click(app: &mut App, column: u16, row: u16) {
    use crossterm::event::{MouseButton, MouseEventKind};
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_clicks_select() {
    use crossterm::event::MouseEventKind;
    let mut app = app_at(80, 24);
    // Library: rows start under the title bar, the border and the header (y = 3).
    mouse(&mut app, MouseEventKind::ScrollDown, 20, 8);
    assert_eq!(app.library.list.selected, 3);
    click(&mut app, 20, 4);
    assert_eq!(app.library.list.selected, 1);
    click(&mut app, 20, 4);
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!("a click on the selected row opens it")
    };
    assert!(r.outline_open && r.focus == super::app::Pane::Text);
    // Over the outline the wheel moves the outline, and the text stays.
    mouse(&mut app, MouseEventKind::ScrollDown, 5, 10);
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    assert_eq!((r.outline_list.selected, r.cursor), (3, 0));
    // Over the text it moves the text.
    mouse(&mut app, MouseEventKind::ScrollDown, 50, 10);
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(r.cursor, 3);
    // A click in the outline focuses it; in the text, focuses the text and puts the cursor there.
    click(&mut app, 5, 5);
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(r.focus, super::app::Pane::Outline);
    click(&mut app, 50, 12);
    let Some(View::Reader(r)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(r.focus, super::app::Pane::Text);
    assert_eq!(r.cursor, r.scroll + 10);
}

#[test]
fn a_click_on_a_passage_of_the_comparison_jumps_to_it() {
    let mut app = app_at(140, 40);
    let (a, b) = testdata::richest_pair(&app.docs);
    testdata::select_in_library(&mut app, a);
    press(&mut app, "c");
    testdata::select_in_library(&mut app, b);
    super::update_sync(&mut app, super::app::Action::Key(key("c")));
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    let (_, left, _) = super::layout::compare(super::layout::body_of(app.size));
    let inner = super::layout::inner(left);
    // The first row on screen that shows a passage level on both sides, other than the current.
    let current = c.current.map(|i| c.rows.stops[i].passage);
    let (y, p) = (0..inner.height as usize)
        .filter_map(|i| match c.rows.rows.get(c.scroll + i)?.left?.kind {
            super::rows::CellKind::Shared(p) if Some(p) != current => Some((i, p)),
            _ => None,
        })
        .next()
        .expect("a passage on screen");
    click(&mut app, inner.x + 3, inner.y + y as u16);
    let Some(View::Compare(c)) = app.stack.last() else {
        panic!()
    };
    assert_eq!(c.current.map(|i| c.rows.stops[i].passage), Some(p));
}
