//! Drawing: every widget renders from `&App` and nothing else. All document text goes through
//! `sanitize` before it reaches the buffer.

pub(super) mod compare;
mod explorer;
mod library;
mod popups;
mod reader;
pub(super) mod sources;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::app::{App, InputPurpose, Phase, ReuseState, SourcesFocus, View};
use super::keymap::Command;
use super::layout;
use super::sanitize::{clean, fit, str_width};

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    f.render_widget(ratatui::widgets::Clear, area);
    f.render_widget(Block::default().style(app.theme.text), area);
    if layout::too_small(area) {
        too_small(f, app, area);
        return;
    }
    let (title, body, bottom) = layout::frame(area);
    title_bar(f, app, title);
    match (&app.phase, app.stack.last()) {
        (Phase::Loading { ticks, done, total }, _) => loading(f, app, body, *ticks, *done, *total),
        (_, None) => library::draw(f, app, body),
        (_, Some(View::Reader(r))) => reader::draw(f, app, r, body),
        (_, Some(View::Sources(s))) => sources::draw(f, app, s, body),
        (_, Some(View::Compare(c))) => compare::draw(f, app, c, body),
        (_, Some(View::Explorer(l))) => explorer::draw_formulas(f, app, l, body),
        (_, Some(View::Concordance(c))) => explorer::draw_concordance(f, app, c, body),
    }
    bottom_line(f, app, bottom);
    popups::draw(f, app, area);
}

fn too_small(f: &mut Frame, app: &App, area: Rect) {
    let msg = format!(
        "Terminal too small ({}×{}): speechtui needs at least {}×{}. Enlarge the window, or press q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let p = Paragraph::new(msg)
        .style(app.theme.error)
        .wrap(ratatui::widgets::Wrap { trim: true });
    f.render_widget(p, area);
}

fn screen_name(app: &App) -> String {
    match app.stack.last() {
        None => "Library".into(),
        Some(View::Reader(r)) => format!("Reader · {}", app.labels[r.doc]),
        Some(View::Sources(s)) => format!("Sources · {}", app.labels[s.draft]),
        Some(View::Compare(c)) => format!("Comparison · {} ↔ {}", app.labels[c.a], app.labels[c.b]),
        Some(View::Explorer(_)) => "Boilerplate explorer".into(),
        Some(View::Concordance(_)) => "Boilerplate explorer · concordance".into(),
    }
}

fn title_bar(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let right = match (&app.phase, &app.reuse) {
        (Phase::Loading { .. }, _) => String::new(),
        (_, ReuseState::Pending(Some(p))) if p.total > 0 => {
            format!(
                " indexing {} {}% ",
                p.stage,
                (p.done * 100 / p.total.max(1)).min(100)
            )
        }
        (_, ReuseState::Pending(_)) => " indexing… ".into(),
        (_, ReuseState::Failed(_)) => " index failed ".into(),
        (_, ReuseState::Ready(_)) => String::new(),
    };
    let help = format!(" {} help ", app.keymap.first_label(Command::Help));
    let rw = str_width(&right) + str_width(&help);
    let left_w = (area.width as usize).saturating_sub(rw);
    let left = fit(&format!(" speechtui · {}", screen_name(app)), left_w);
    let line = Line::from(vec![
        Span::styled(left, t.title),
        Span::styled(right, t.progress),
        Span::styled(help, t.hint),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

fn loading(f: &mut Frame, app: &App, body: Rect, ticks: usize, done: usize, total: usize) {
    const SPIN: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
    let t = &app.theme;
    let lines = vec![
        Line::default(),
        Line::from(Span::styled(
            if total > 0 {
                format!(
                    "{} Loading the corpus… {done}/{total} files",
                    SPIN[ticks % SPIN.len()]
                )
            } else {
                format!("{} Loading the corpus…", SPIN[ticks % SPIN.len()])
            },
            t.progress,
        )),
        Line::default(),
        Line::from(Span::styled(
            "Reading, decoding and cleaning every file. Ctrl-C quits.",
            t.dim,
        )),
    ];
    let p = Paragraph::new(lines).alignment(ratatui::layout::Alignment::Center);
    f.render_widget(p, body);
}

/// The commands worth a hint on each screen.
fn hint_commands(app: &App) -> &'static [Command] {
    match app.stack.last() {
        None if app.library.mark.is_some() => &[
            Command::Compare,
            Command::Back,
            Command::Search,
            Command::Help,
            Command::Quit,
        ],
        None => &[
            Command::Open,
            Command::Compare,
            Command::Search,
            Command::SortDate,
            Command::Explorer,
            Command::LoadReport,
            Command::Help,
            Command::Sources,
            Command::Quit,
        ],
        Some(View::Reader(_)) => &[
            Command::ToggleOutline,
            Command::NextPane,
            Command::Search,
            Command::NextHit,
            Command::Highlight,
            Command::ReusedBy,
            Command::Back,
            Command::Help,
        ],
        Some(View::Compare(_)) => &[
            Command::NextPassage,
            Command::PrevPassage,
            Command::Fold,
            Command::Open,
            Command::Search,
            Command::Save,
            Command::Back,
            Command::Help,
        ],
        Some(View::Explorer(_)) => &[
            Command::Open,
            Command::NextPane,
            Command::Search,
            Command::SortYear,
            Command::Back,
            Command::Help,
            Command::Quit,
        ],
        Some(View::Sources(_)) => &[
            Command::Open,
            Command::NextHit,
            Command::NextPane,
            Command::ReadAt,
            Command::Save,
            Command::Back,
            Command::Help,
            Command::Quit,
        ],
        Some(View::Concordance(_)) => &[
            Command::Open,
            Command::SortYear,
            Command::Save,
            Command::Back,
            Command::Help,
        ],
    }
}

fn short_name(cmd: Command) -> &'static str {
    match cmd {
        Command::Open => "open",
        Command::Compare => "compare",
        Command::Search => "search",
        Command::SortDate => "sort",
        Command::Explorer => "boilerplate",
        Command::LoadReport => "load report",
        Command::Help => "help",
        Command::Quit => "quit",
        Command::Back => "back",
        Command::ToggleOutline => "outline",
        Command::NextPane => "pane",
        Command::NextHit => "next hit",
        Command::ReusedBy => "reused by",
        Command::Highlight => "marks",
        Command::NextPassage => "next",
        Command::PrevPassage => "prev",
        Command::Fold => "fold",
        Command::Save => "save",
        Command::SortYear => "order",
        Command::Sources => "sources",
        Command::ReadAt => "read",
        _ => cmd.name(),
    }
}

fn bottom_line(f: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let width = area.width as usize;
    if let Some(input) = &app.input {
        let label = match input.purpose {
            InputPurpose::Filter => "filter: ",
            InputPurpose::Search => "/",
            InputPurpose::SaveComparison => "save comparison as: ",
            InputPurpose::SaveConcordance => "save concordance as: ",
            InputPurpose::FormulaSearch => "search formulas (any script): ",
            InputPurpose::SaveCheck => "save check report as: ",
        };
        let hint = match input.purpose {
            InputPurpose::Filter => "  (Enter keep · Esc clear)",
            InputPurpose::Search => "  (Enter · Esc)",
            _ => "  (Enter write · Esc cancel)",
        };
        // Show the end of a long entry, where the typing happens.
        let room = width.saturating_sub(str_width(label) + str_width(hint) + 1);
        let text = clean(&input.text);
        let mut shown: String = text.clone();
        while str_width(&shown) > room && !shown.is_empty() {
            shown.remove(0);
        }
        let line = Line::from(vec![
            Span::styled(label, t.hint_key),
            Span::styled(shown.clone(), t.text),
            Span::styled("▏", t.hint_key),
            Span::styled(hint, t.hint),
        ]);
        f.render_widget(Paragraph::new(line), area);
        let x = area.x + (str_width(label) + str_width(&shown)) as u16;
        f.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        return;
    }
    if let Some(status) = &app.status {
        let style = if status.error { t.error } else { t.status };
        let line = Line::from(Span::styled(elide_middle(&status.text, width), style));
        f.render_widget(Paragraph::new(line), area);
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for &cmd in hint_commands(app) {
        let key = app.keymap.first_label(cmd);
        // On the sources screen, Enter compares the speech with the selected source.
        let name = match (app.stack.last(), cmd) {
            (Some(View::Sources(_)), Command::Open) => "compare",
            (Some(View::Sources(_)), Command::NextHit) => "next passage",
            (Some(View::Sources(s)), Command::NextPane) => match s.focus {
                SourcesFocus::List => "text",
                SourcesFocus::Text => "sources",
            },
            _ => short_name(cmd),
        };
        let w = str_width(&key) + str_width(name) + 3;
        if used + w > width {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), t.hint_key));
        spans.push(Span::styled(format!(" {name} "), t.hint));
        used += w;
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// In the library, what the selected speech's `⚠` means: its first warning, and the key of the
/// load report that lists them all (drawn in the table's bottom border, so the hints stay).
pub(super) fn warning_of_selected(app: &App, width: usize) -> Option<Line<'static>> {
    let doc = *app.library.rows.get(app.library.list.selected)?;
    let warnings = &app.docs.get(doc)?.warnings;
    let first = warnings.first()?;
    let more = match warnings.len() {
        1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    let key = format!(
        " {} load report ",
        app.keymap.first_label(Command::LoadReport)
    );
    let room = width.saturating_sub(str_width(&key) + str_width(&more) + 3);
    let t = &app.theme;
    Some(Line::from(vec![
        Span::styled("⚠ ", t.error),
        Span::styled(fit(&clean(first), room), t.status),
        Span::styled(more, t.hint),
        Span::styled(key, t.hint_key),
    ]))
}

/// A bordered block with a title, highlighted when focused.
pub(super) fn pane<'a>(app: &App, title: String, focused: bool) -> Block<'a> {
    let t = &app.theme;
    let style = if focused { t.border_focus } else { t.border };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(clean(&title), t.title))
}

/// `s` in `width` columns; when too long, its middle gives way to `…`, so that both the start
/// ("saved /home/…") and the end (the file name) of a message stay readable.
fn elide_middle(s: &str, width: usize) -> String {
    let s = clean(s);
    if str_width(&s) <= width {
        return s;
    }
    let chars: Vec<char> = s.chars().collect();
    let w = |c: &char| super::sanitize::char_width(*c);
    let half = width.saturating_sub(1) / 2;
    let (mut head, mut used) = (String::new(), 0);
    for c in &chars {
        if used + w(c) > half {
            break;
        }
        used += w(c);
        head.push(*c);
    }
    let room = width.saturating_sub(1 + used);
    let (mut tail, mut used_t) = (Vec::new(), 0);
    for c in chars.iter().rev() {
        if used_t + w(c) > room {
            break;
        }
        used_t += w(c);
        tail.push(*c);
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_status_keeps_both_ends() {
        let s = "saved /tmp/ux/市委书记在2025年全市三级干部大会上的讲话__vs__在2025年全区_冲刺三季度_决战下半年_重点工作推进会上的讲话.txt";
        let out = super::elide_middle(s, 60);
        assert!(out.starts_with("saved /tmp/ux/"), "{out}");
        assert!(out.ends_with("讲话.txt"), "{out}");
        assert!(super::str_width(&out) <= 60);
        assert_eq!(super::elide_middle("short", 60), "short");
    }
}
