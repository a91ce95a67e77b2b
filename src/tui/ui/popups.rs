//! Popups: help (generated from the keymap), load report, reused-by list, overwrite question.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::super::app::{App, Popup};
use super::super::layout;
use super::super::popup_text::ScrolledText;
use super::super::sanitize::plural;
use super::super::sanitize::{fit, str_width};
use super::super::selection::Scroll;
use super::pane;

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let Some(popup) = &app.popup else { return };
    let t = &app.theme;
    match popup {
        Popup::Help { scroll } | Popup::LoadReport { scroll } => {
            if let Some(text) = ScrolledText::of(app, popup, area) {
                scrolled(f, app, area, text, *scroll);
            }
        }
        Popup::ReusedBy { entries, list, .. } => {
            // As wide as the terminal allows: the examples are phrases, cut short they say nothing.
            let rect = layout::popup(area, area.width, (entries.len() as u16 + 4).min(16));
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
                let copies = match e.copies {
                    0 => String::new(),
                    1 => " (+1 copy)".to_string(),
                    n => format!(" (+{n} copies)"),
                };
                let row = format!(
                    "{} {}{copies} · {} phrase{} · “{}”",
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

/// A scrollable text popup, at the offset its [`Scroll`] keeps within the text.
fn scrolled(f: &mut Frame, app: &App, area: Rect, text: ScrolledText, scroll: Scroll) {
    let ScrolledText {
        rect,
        title,
        lines,
        page,
    } = text;
    clear_around(f, rect, area);
    let inner = layout::inner(rect);
    let scroll = scroll.offset.min(Scroll::max_offset(lines.len(), page));
    let more = if lines.len() > scroll + page {
        " · ↓ more "
    } else {
        ""
    };
    let block = pane(app, format!("{title}{more}"), true).style(app.theme.popup);
    f.render_widget(block, rect);
    // Sanitise every line (paths and titles come from the documents).
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(page)
        .map(|l| {
            let spans: Vec<Span> = l
                .spans
                .into_iter()
                .map(|s| Span::styled(super::super::sanitize::clean(&s.content), s.style))
                .collect();
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(shown), inner);
}

/// Clears the popup and a one-column margin beside it, so the screen below does not show through
/// as stray characters next to the popup's border.
fn clear_around(f: &mut Frame, rect: Rect, area: Rect) {
    let x = rect.x.saturating_sub(1).max(area.x);
    let right = (rect.right() + 1).min(area.right());
    f.render_widget(Clear, Rect::new(x, rect.y, right - x, rect.height));
}
