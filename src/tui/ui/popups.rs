//! Popups: help (generated from the keymap), load report, reused-by list, overwrite question.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::super::app::{App, Popup};
use super::super::layout;
use super::super::sanitize::plural;
use super::super::sanitize::{fit, str_width};
use super::pane;

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let Some(popup) = &app.popup else { return };
    let t = &app.theme;
    match popup {
        Popup::Help { scroll } => {
            let mut lines = Vec::new();
            for (scope, rows) in app.keymap.help() {
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
            lines.push(Line::from(Span::styled("The comparison screen", t.header)));
            for l in super::compare::LEGEND {
                lines.push(Line::from(Span::styled(format!("  {l}"), t.text)));
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                "Set keys in <config dir>/speechtui/config.toml: [keys] name = [\"key\", …]",
                t.dim,
            )));
            scrolled(f, app, area, " Help · Esc closes ", lines, *scroll, 78);
        }
        Popup::LoadReport { scroll } => {
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
            scrolled(
                f,
                app,
                area,
                " Load report · Esc closes ",
                lines,
                *scroll,
                100,
            );
        }
        Popup::ReusedBy { entries, list, .. } => {
            let rect = layout::popup(area, 76, (entries.len() as u16 + 4).min(16));
            clear_around(f, rect, area);
            let block = pane(app, " Shared with · Enter compares ".into(), true).style(t.popup);
            let inner = layout::inner(rect);
            f.render_widget(block, rect);
            let w = inner.width as usize;
            let mut lines = vec![Line::from(Span::styled(
                fit(
                    &format!(
                        "{} other {} text of this line",
                        entries.len(),
                        plural(entries.len(), "speech shares", "speeches share")
                    ),
                    w,
                ),
                t.dim,
            ))];
            for (i, e) in entries
                .iter()
                .enumerate()
                .skip(list.scroll)
                .take((inner.height as usize).saturating_sub(1))
            {
                let d = &app.docs[e.doc];
                let row = format!(
                    "{} {} · {} phrase{} · “{}”",
                    d.date.as_deref().unwrap_or("—"),
                    app.labels[e.doc],
                    e.formulas,
                    if e.formulas == 1 { "" } else { "s" },
                    e.example
                );
                let style = if i == list.selected {
                    t.selected
                } else {
                    t.popup
                };
                lines.push(Line::from(Span::styled(fit(&row, w), style)));
            }
            f.render_widget(Paragraph::new(lines), inner);
        }
        Popup::ConfirmOverwrite { path, .. } => {
            let msg = format!("{} exists.", path.display());
            let w = (str_width(&msg) as u16 + 4).clamp(40, area.width);
            let rect = layout::popup(area, w, 5);
            clear_around(f, rect, area);
            let block = pane(app, " Overwrite? ".into(), true).style(t.popup);
            let inner = layout::inner(rect);
            f.render_widget(block, rect);
            let lines = vec![
                Line::from(Span::styled(fit(&msg, inner.width as usize), t.error)),
                Line::from(vec![
                    Span::styled("y", t.hint_key),
                    Span::styled(" overwrite   ", t.popup),
                    Span::styled("n", t.hint_key),
                    Span::styled(" / ", t.popup),
                    Span::styled("Esc", t.hint_key),
                    Span::styled(" keep the file", t.popup),
                ]),
            ];
            f.render_widget(Paragraph::new(lines), inner);
        }
    }
}

/// A scrollable text popup.
fn scrolled(
    f: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: usize,
    max_w: u16,
) {
    let rect = layout::popup(area, max_w, area.height.saturating_sub(2));
    clear_around(f, rect, area);
    let inner = layout::inner(rect);
    let lines = fit_lines(lines, inner.width as usize);
    let h = inner.height as usize;
    let scroll = scroll.min(lines.len().saturating_sub(h));
    let more = if lines.len() > scroll + h {
        " · ↓ more "
    } else {
        ""
    };
    let block = pane(app, format!("{title}{more}"), true).style(app.theme.popup);
    f.render_widget(block, rect);
    // Sanitise and cut every line to the popup (paths and titles come from the documents).
    let w = inner.width as usize;
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(h)
        .map(|l| {
            let spans: Vec<Span> = l
                .spans
                .into_iter()
                .map(|s| Span::styled(super::super::sanitize::clean(&s.content), s.style))
                .collect();
            Line::from(spans)
        })
        .collect();
    let _ = w;
    f.render_widget(Paragraph::new(shown), inner);
}

/// Clears the popup and a one-column margin beside it, so the screen below does not show through
/// as stray characters next to the popup's border.
fn clear_around(f: &mut Frame, rect: Rect, area: Rect) {
    let x = rect.x.saturating_sub(1).max(area.x);
    let right = (rect.right() + 1).min(area.right());
    f.render_widget(Clear, Rect::new(x, rect.y, right - x, rect.height));
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
            let text = super::super::sanitize::clean(&span.content);
            let indent = text.chars().take_while(|&c| c == ' ').count();
            let body = &text[indent..];
            let room = width.saturating_sub(indent + 2).max(4);
            let idx = super::super::wrap::CharIndex::new(body);
            for (k, l) in super::super::wrap::wrap(body, room).iter().enumerate() {
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
                    super::super::sanitize::truncate(&span.content, width - used),
                    span.style,
                ));
                break;
            }
        }
        out.push(Line::from(spans));
    }
    out
}
