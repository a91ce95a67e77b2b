//! Snapshot tests of every screen, drawn with real seed text into a `TestBackend`.
//! Review changes with `cargo insta review`; each snapshot was checked by eye.

use std::path::PathBuf;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;

use super::app::{Action, App};
use super::keymap::Keymap;
use super::testdata;
use super::theme::{ColorDepth, Theme};
use super::ui;
use super::update::{press, update};

/// An app over the sample corpus at `w`×`h`, with `theme`.
pub fn app_with(w: u16, h: u16, theme: Theme) -> App {
    let mut app = App::new(theme, Keymap::default(), (w, h), PathBuf::from("/tmp"));
    update(&mut app, Action::Loaded(testdata::sample()));
    testdata::index(&mut app);
    app
}

/// An app at 80×24 before anything is loaded.
fn bare_app() -> App {
    App::new(
        Theme::builtin("default", ColorDepth::Palette256).unwrap(),
        Keymap::default(),
        (80, 24),
        PathBuf::from("/tmp"),
    )
}

pub fn app_at(w: u16, h: u16) -> App {
    app_with(
        w,
        h,
        Theme::builtin("default", ColorDepth::Palette256).unwrap(),
    )
}

pub fn render(app: &App) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    term.draw(|f| ui::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

/// The screen as text, one line per row (the second cell of a wide char is skipped).
pub fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The monochrome styling as a map: R reversed, B bold, U underlined, D dim, I italic, `.` plain.
pub fn style_map(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            let m = buf[(x, y)].modifier;
            let c = if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::BOLD) && m.contains(Modifier::UNDERLINED) {
                'X'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else if m.contains(Modifier::DIM) {
                'D'
            } else if m.contains(Modifier::ITALIC) {
                'I'
            } else {
                '.'
            };
            line.push(c);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, screen(&render(app)));
}

const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

#[test]
fn library() {
    for (w, h) in SIZES {
        let app = app_at(w, h);
        snap(&format!("library_{w}x{h}"), &app);
    }
}

#[test]
fn library_while_indexing() {
    let mut app = bare_app();
    update(&mut app, Action::Loaded(testdata::sample()));
    update(
        &mut app,
        Action::IndexProgress(speechtui::reuse::Progress {
            stage: "shingles",
            done: 3,
            total: 9,
        }),
    );
    snap("library_indexing_80x24", &app);
}

#[test]
fn library_filtered_and_marked() {
    let mut app = app_at(80, 24);
    press(&mut app, "c");
    press(&mut app, "/");
    super::update::type_text(&mut app, "讲话");
    snap("library_filter_80x24", &app);
}

#[test]
fn reader() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        press(&mut app, "Enter");
        for _ in 0..5 {
            press(&mut app, "j");
        }
        snap(&format!("reader_{w}x{h}"), &app);
    }
}

#[test]
fn reader_search() {
    let mut app = app_at(80, 24);
    press(&mut app, "Enter");
    press(&mut app, "/");
    super::update::type_text(&mut app, "聚焦");
    press(&mut app, "Enter");
    press(&mut app, "n");
    snap("reader_search_80x24", &app);
}

#[test]
fn help() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        press(&mut app, "?");
        snap(&format!("help_{w}x{h}"), &app);
    }
}

#[test]
fn load_report() {
    let mut app = app_at(80, 24);
    press(&mut app, "L");
    snap("load_report_80x24", &app);
}

#[test]
fn too_small_says_so() {
    let app = app_at(30, 8);
    let text = screen(&render(&app));
    assert!(text.contains("too small"), "{text}");
    snap("too_small_30x8", &app);
}

#[test]
fn an_empty_library_says_why() {
    let mut app = bare_app();
    let report = speechtui::corpus::load(&[PathBuf::from("/nonexistent/speeches")]);
    update(&mut app, Action::Loaded(report));
    let text = screen(&render(&app));
    assert!(
        text.contains("no speeches found; 1 path skipped: L shows why"),
        "{text}"
    );
    press(&mut app, "L");
    let text = screen(&render(&app));
    assert!(
        text.contains("/nonexistent/speeches: cannot open"),
        "{text}"
    );
}

#[test]
fn the_load_report_lists_problems_in_the_settings() {
    let mut app = app_at(80, 24);
    app.config_warnings = vec![
        "unknown command \"quitt\" in [keys]".into(),
        "no theme named \"solarised\" (built in: default, light, high-contrast, monochrome); using default".into(),
    ];
    press(&mut app, "L");
    let text = screen(&render(&app));
    assert!(text.contains("Settings"), "{text}");
    assert!(
        text.contains("unknown command \"quitt\" in [keys]"),
        "{text}"
    );
    // The long one wraps inside the popup instead of running into its border.
    assert!(text.contains("no theme named \"solarised\""), "{text}");
    assert!(text.contains("using default"), "{text}");
}

#[test]
fn loading_view() {
    let app = bare_app();
    snap("loading_80x24", &app);
}

#[test]
fn monochrome_library_and_reader() {
    let mut app = app_with(80, 24, Theme::monochrome());
    let buf = render(&app);
    // No colour anywhere.
    for cell in buf.content() {
        assert!(
            matches!(cell.fg, ratatui::style::Color::Reset)
                && matches!(cell.bg, ratatui::style::Color::Reset),
            "coloured cell {cell:?}"
        );
    }
    insta::assert_snapshot!(
        "mono_library_80x24",
        format!("{}\n{}", screen(&buf), style_map(&buf))
    );
    press(&mut app, "Enter");
    press(&mut app, "/");
    super::update::type_text(&mut app, "压舱石");
    press(&mut app, "Enter");
    let buf = render(&app);
    insta::assert_snapshot!(
        "mono_reader_80x24",
        format!("{}\n{}", screen(&buf), style_map(&buf))
    );
}

#[test]
fn control_bytes_never_reach_the_buffer() {
    let mut report = testdata::sample();
    report.documents[0].title = "恶意\u{1b}[2J标题\u{7}".into();
    report.documents[0].text = format!(
        "正文\u{1b}]0;x\u{7}\u{9b}1m\u{202e}反转\n{}",
        report.documents[0].text
    );
    let mut app = bare_app();
    update(&mut app, Action::Loaded(report));
    let mut screens = vec![render(&app)];
    helpers::library_select_first_title(&mut app, "恶意");
    press(&mut app, "Enter");
    screens.push(render(&app));
    for buf in screens {
        for cell in buf.content() {
            for c in cell.symbol().chars() {
                assert!(
                    !c.is_control() && c != '\u{202e}',
                    "{c:?} reached the screen"
                );
            }
        }
    }
}

mod helpers {
    use super::super::app::App;

    /// Selects the library row whose title starts with `prefix`.
    pub fn library_select_first_title(app: &mut App, prefix: &str) {
        let pos = app
            .library
            .rows
            .iter()
            .position(|&d| app.docs[d].title.starts_with(prefix))
            .unwrap();
        app.library.list.selected = pos;
    }
}

/// The comparison of the two sample speeches that share the most text, aligned for real.
fn comparison_app(w: u16, h: u16) -> App {
    let mut app = app_at(w, h);
    let (a, b) = testdata::richest_pair(&app.docs);
    testdata::select_in_library(&mut app, a);
    press(&mut app, "c");
    testdata::select_in_library(&mut app, b);
    for e in press(&mut app, "c") {
        let action = super::perform_now(e, &app);
        update(&mut app, action);
    }
    app
}

#[test]
fn comparison() {
    for (w, h) in SIZES {
        let mut app = comparison_app(w, h);
        for _ in 0..3 {
            press(&mut app, "]");
        }
        snap(&format!("compare_{w}x{h}"), &app);
    }
}

#[test]
fn comparison_unfolded() {
    let mut app = comparison_app(140, 40);
    press(&mut app, "z");
    press(&mut app, "]");
    snap("compare_unfolded_140x40", &app);
}

/// 广东 2016 ↔ 2017 from `../shared/corpus-extra`: two consecutive reports of one province, both
/// texts whole and level, folded (as it opens) and unfolded.
#[test]
fn comparison_of_consecutive_reports() {
    let dir = std::path::Path::new("../shared/corpus-extra/gov-work-reports");
    let files = [
        dir.join("2016_广东省_政府工作报告.txt"),
        dir.join("2017_广东省_政府工作报告.txt"),
    ];
    if !files.iter().all(|f| f.is_file()) {
        eprintln!(
            "SKIPPED: 广东 2016 ↔ 2017 comparison snapshots: ../shared/corpus-extra not found"
        );
        return;
    }
    for (w, h) in SIZES {
        let mut app = App::new(
            Theme::builtin("default", ColorDepth::Palette256).unwrap(),
            Keymap::default(),
            (w, h),
            PathBuf::from("/tmp"),
        );
        update(&mut app, Action::Loaded(speechtui::corpus::load(&files)));
        let year = |d: usize| app.docs[d].id.contains("2016");
        let (a, b) = if year(0) { (0, 1) } else { (1, 0) };
        testdata::select_in_library(&mut app, a);
        press(&mut app, "c");
        testdata::select_in_library(&mut app, b);
        for e in press(&mut app, "c") {
            let action = super::perform(e, &app.docs.clone(), &super::EffectContext::default());
            update(&mut app, action);
        }
        for _ in 0..4 {
            press(&mut app, "]");
        }
        snap(&format!("compare_guangdong_{w}x{h}"), &app);
        press(&mut app, "z");
        snap(&format!("compare_guangdong_unfolded_{w}x{h}"), &app);
    }
}

#[test]
fn comparison_search() {
    let mut app = comparison_app(80, 24);
    press(&mut app, "/");
    super::update::type_text(&mut app, "工作");
    press(&mut app, "Enter");
    press(&mut app, "n");
    snap("compare_search_80x24", &app);
}

#[test]
fn comparison_save_prompt() {
    let mut app = comparison_app(80, 24);
    press(&mut app, "s");
    snap("compare_save_prompt_80x24", &app);
}

#[test]
fn comparison_while_aligning() {
    let mut app = app_at(80, 24);
    let (a, b) = testdata::richest_pair(&app.docs);
    testdata::select_in_library(&mut app, a);
    press(&mut app, "c");
    testdata::select_in_library(&mut app, b);
    press(&mut app, "c");
    snap("compare_aligning_80x24", &app);
}

#[test]
fn explorer_and_concordance() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        press(&mut app, "b");
        snap(&format!("explorer_{w}x{h}"), &app);
        press(&mut app, "Enter");
        press(&mut app, "y");
        snap(&format!("concordance_{w}x{h}"), &app);
    }
}

#[test]
fn reader_with_reuse_and_shared_with_popup() {
    let mut app = app_at(80, 24);
    press(&mut app, "b");
    // The headings tab: wording of 10 characters or more, which the reader marks as reused.
    for _ in 0..3 {
        press(&mut app, "Tab");
    }
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    snap("reader_occurrence_80x24", &app);
    press(&mut app, "r");
    snap("reader_shared_with_80x24", &app);
}
