//! Update without I/O, and scrolled popups (help, load report): after the end, the first key
//! back moves what is shown.

use super::app::App;
use super::snapshots::{app_at, render, screen};
use super::theme::{ColorDepth, Theme};
use super::update::press;

fn shown(app: &App) -> String {
    screen(&render(app))
}

/// Opens a popup with `open`, goes to its end with `to_end`, then checks that `back` moves the
/// text at once and that `to_end` again comes back to the same last page.
fn comes_back_from_the_end(open: &str, to_end: &[&str], back: &str) {
    let mut app = app_at(80, 24);
    press(&mut app, open);
    let top = shown(&app);
    for k in to_end {
        press(&mut app, k);
    }
    let end = shown(&app);
    assert_ne!(top, end, "{open}: the popup is longer than the screen");
    assert!(
        !end.contains("↓ more"),
        "{open} {to_end:?}: not at the end\n{end}"
    );
    press(&mut app, back);
    let moved = shown(&app);
    assert_ne!(
        moved, end,
        "{open}: {back} after {to_end:?} did not move\n{moved}"
    );
    assert!(moved.contains("↓ more"), "{moved}");
    for k in to_end {
        press(&mut app, k);
    }
    assert_eq!(shown(&app), end);
}

#[test]
fn help_scrolls_back_after_the_end() {
    comes_back_from_the_end("?", &["G"], "k");
    comes_back_from_the_end("?", &["PageDown"; 8], "PageUp");
}

#[test]
fn load_report_scrolls_back_after_the_end() {
    comes_back_from_the_end("L", &["G"], "k");
    comes_back_from_the_end("L", &["PageDown"; 8], "PageUp");
}

#[test]
fn theme_switching_reads_no_files() {
    // A user theme read at start is what `t` switches to, even once its file is gone.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("themes")).unwrap();
    std::fs::write(
        dir.path().join("themes/light.toml"),
        "title = { fg = \"#ff0000\", bold = true }\n",
    )
    .unwrap();
    let depth = ColorDepth::TrueColor;
    let themes = Theme::load_all(Some(&dir.path().join("themes")), depth);
    drop(dir);
    let mut app = app_at(80, 24);
    app.depth = depth;
    app.themes = themes;
    assert_eq!(app.theme.name, "default");
    press(&mut app, "t");
    assert_eq!(app.theme.name, "light");
    let builtin = Theme::builtin("light", depth).unwrap();
    assert_ne!(app.theme.title, builtin.title, "the user's light theme");
    assert_eq!(
        app.theme.text, builtin.text,
        "roles it leaves out are the built-in ones"
    );
    // Without preloaded themes, the built-in ones.
    let mut app = app_at(80, 24);
    press(&mut app, "t");
    assert_eq!(
        app.theme,
        Theme::builtin("light", ColorDepth::Palette256).unwrap()
    );
}
