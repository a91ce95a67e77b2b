//! The text of the scrolled popups (help, load report) and where it is drawn, shared by the
//! widget that draws it and the update that scrolls it: the scroll is kept within the very lines
//! that are shown.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::{App, Popup};
use super::available::{works, Screen};
use super::highlight;
use super::layout;
use super::sanitize::{fit, plural, str_width};

/// A scrolled popup laid out on a screen: its rectangle, title, lines fitted to its width, and
/// how many lines it shows at a time.
pub struct ScrolledText {
    pub rect: Rect,
    pub title: String,
    pub lines: Vec<Line<'static>>,
    pub page: usize,
}

impl ScrolledText {
    /// The help or load report popup on a screen of `area`; `None` for other popups.
    pub fn of(app: &App, popup: &Popup, area: Rect) -> Option<ScrolledText> {
        let (title, lines, max_w) = match popup {
            Popup::Help { .. } => (
                format!(" Help · keys of {} · Esc closes ", Screen::of(app).name()),
                help_lines(app),
                100,
            ),
            Popup::LoadReport { .. } => (
                " Load report · Esc closes ".to_string(),
                report_lines(app),
                100,
            ),
            _ => return None,
        };
        let rect = layout::popup(area, max_w, area.height.saturating_sub(2));
        let inner = layout::inner(rect);
        Some(ScrolledText {
            rect,
            title,
            lines: fit_lines(lines, inner.width as usize),
            page: (inner.height as usize).max(1),
        })
    }

    /// The same for the app's own screen size.
    pub fn on_screen(app: &App, popup: &Popup) -> Option<ScrolledText> {
        ScrolledText::of(app, popup, Rect::new(0, 0, app.size.0, app.size.1))
    }
}

/// Help: the commands that work where it was opened, by scope, generated from the keymap; in
/// the reader, what each mark means.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = Vec::new();
    for (scope, rows) in app.keymap.help_for(|c| works(app, c)) {
        lines.push(Line::from(Span::styled(scope, t.header)));
        for (keys, desc, name) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit(&keys, 14)), t.hint_key),
                Span::styled(format!(" {}", fit(desc, 42)), t.text),
                Span::styled(format!(" {name}"), t.dim),
            ]));
        }
        lines.push(Line::default());
    }
    if Screen::of(app) == Screen::Comparison {
        lines.push(Line::from(Span::styled("The comparison screen", t.header)));
        for l in super::ui::compare::LEGEND {
            lines.push(Line::from(Span::styled(format!("  {l}"), t.text)));
        }
        lines.push(Line::default());
    }
    if Screen::of(app) == Screen::Sources {
        lines.push(Line::from(Span::styled("The sources view", t.header)));
        for l in super::ui::sources::LEGEND {
            lines.push(Line::from(Span::styled(format!("  {l}"), t.text)));
        }
        lines.push(Line::from(Span::styled(
            "  copied   wording found in a source (the reader's copied mark)",
            t.copied,
        )));
        lines.push(Line::from(Span::styled(
            "  formula  a passage that is mostly corpus formulas, not copying",
            t.formula,
        )));
        lines.push(Line::default());
    }
    if Screen::of(app) == Screen::Reader {
        lines.push(Line::from(Span::styled(
            format!("Marks (now: {})", app.highlight.name()),
            t.header,
        )));
        for (i, l) in highlight::explanation(app).into_iter().enumerate() {
            let style = match i {
                0 => t.copied,
                2 => t.formula,
                3 => t.common,
                _ => t.text,
            };
            lines.push(Line::from(Span::styled(format!("  {l}"), style)));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        "Set keys in <config dir>/speechtui/config.toml: [keys] name = [\"key\", …]",
        t.dim,
    )));
    lines
}

/// The load report: counts, skipped paths, settings problems, warnings, every speech.
fn report_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} {} loaded, {} {} skipped",
            app.docs.len(),
            plural(app.docs.len(), "speech", "speeches"),
            app.skipped.len(),
            plural(app.skipped.len(), "path", "paths")
        ),
        t.header,
    ))];
    if !app.skipped.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Skipped", t.header)));
        for s in &app.skipped {
            lines.push(Line::from(Span::styled(
                format!("  {}: {}", s.path.display(), s.reason),
                t.error,
            )));
        }
    }
    if !app.config_warnings.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Settings", t.header)));
        for w in &app.config_warnings {
            lines.push(Line::from(Span::styled(format!("  {w}"), t.error)));
        }
    }
    let warned: Vec<_> = app.docs.iter().filter(|d| !d.warnings.is_empty()).collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("Warnings ({} speeches)", warned.len()),
        t.header,
    )));
    for d in warned {
        lines.push(Line::from(Span::styled(format!("  {}", d.id), t.text)));
        for w in &d.warnings {
            lines.push(Line::from(Span::styled(format!("    {w}"), t.dim)));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Speeches", t.header)));
    for d in app.docs.iter() {
        lines.push(Line::from(Span::styled(
            format!("  {} · {} · {}", d.id, d.encoding, d.title),
            t.text,
        )));
    }
    lines
}

/// Lines made to fit `width` columns: a one-span line (a path, a warning) wraps, its
/// continuation indented under its text; a line of several spans (a help row) is cut with `…`.
fn fit_lines(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.width() <= width {
            out.push(line);
            continue;
        }
        if let [span] = line.spans.as_slice() {
            let text = super::sanitize::clean(&span.content);
            let indent = text.chars().take_while(|&c| c == ' ').count();
            let body = &text[indent..];
            let room = width.saturating_sub(indent + 2).max(4);
            let idx = super::wrap::CharIndex::new(body);
            for (k, l) in super::wrap::wrap(body, room).iter().enumerate() {
                let pad = if k == 0 { indent } else { indent + 2 };
                let piece = idx.slice(body, l.start, l.end);
                out.push(Line::from(Span::styled(
                    format!("{}{piece}", " ".repeat(pad)),
                    span.style,
                )));
            }
            continue;
        }
        // Several spans: keep them whole up to the width, the last one cut with `…`.
        let mut used = 0;
        let mut spans = Vec::new();
        for span in line.spans {
            let w = str_width(&span.content);
            if used + w <= width {
                used += w;
                spans.push(span);
            } else {
                spans.push(Span::styled(
                    super::sanitize::truncate(&span.content, width - used),
                    span.style,
                ));
                break;
            }
        }
        out.push(Line::from(spans));
    }
    out
}
