//! The library table: title, place, date, length, borrowed share.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::super::app::{App, SortColumn};
use super::super::keymap::Command;
use super::super::labels::fit_label;
use super::super::layout;
use super::super::sanitize::fit;
use super::pane;

pub fn draw(f: &mut Frame, app: &App, body: Rect) {
    let t = &app.theme;
    let lib = &app.library;
    let title = if lib.filter.is_empty() {
        format!(" Library · {} speeches ", app.docs.len())
    } else {
        format!(
            " Library · filter “{}” · {}/{} ",
            lib.filter,
            lib.rows.len(),
            app.docs.len()
        )
    };
    let mut block = pane(app, title, true);
    if let Some(warning) = super::warning_of_selected(app, (body.width as usize).saturating_sub(4))
    {
        block = block.title_bottom(warning);
    }
    let inner = layout::inner(body);
    f.render_widget(block, body);
    let w = inner.width as usize;
    // Fixed columns: mark 2, place 8 (when there is room), date 10, chars 8, borrowed 9, gaps;
    // the title takes the rest.
    let place_w = if w >= 70 { 8 } else { 0 };
    let fixed = 2 + 10 + 8 + 9 + 3 + if place_w > 0 { place_w + 1 } else { 0 };
    let title_w = w.saturating_sub(fixed).max(8);
    let arrow = |col: SortColumn| {
        if lib.sort == col {
            if lib.descending {
                "▼"
            } else {
                "▲"
            }
        } else {
            ""
        }
    };
    let place_col = |s: &str| {
        if place_w > 0 {
            format!("{} ", fit(s, place_w))
        } else {
            String::new()
        }
    };
    let header = format!(
        "  {} {}{} {} {}",
        fit(&format!("Title{}", arrow(SortColumn::Title)), title_w),
        place_col("Place"),
        fit(&format!("Date{}", arrow(SortColumn::Date)), 10),
        right(&format!("Chars{}", arrow(SortColumn::Length)), 8),
        right(&format!("Borrowed{}", arrow(SortColumn::Borrowed)), 9),
    );
    let mut lines = vec![Line::from(Span::styled(fit(&header, w), t.header))];
    let rows_h = (inner.height as usize).saturating_sub(1);
    let borrowed = app.reuse_index().map(|r| &r.borrowed);
    for (pos, &doc) in lib
        .rows
        .iter()
        .enumerate()
        .skip(lib.list.scroll)
        .take(rows_h)
    {
        let d = &app.docs[doc];
        let mark = if lib.mark == Some(doc) { "● " } else { "  " };
        let share = match borrowed {
            Some(b) => b[doc]
                .map(|x| format!("{:.1}%", x * 100.0))
                .unwrap_or_else(|| "–".into()),
            None => "…".into(),
        };
        // The ⚠ has a column of its own, so that no title can push it out of view.
        let warn = if d.warnings.is_empty() { "  " } else { " ⚠" };
        let label = fit_label(
            d,
            &app.labels[doc],
            &app.short_labels[doc],
            title_w.saturating_sub(2),
            false,
        );
        let label = format!("{label}{warn}");
        let place = place_col(&d.place.clone().unwrap_or_else(|| "—".into()));
        let text = format!(
            "{mark}{label} {place}{} {} {}",
            fit(d.date.as_deref().unwrap_or("—"), 10),
            right(&app.doc_chars[doc].to_string(), 8),
            right(&share, 9),
        );
        let style = if pos == lib.list.selected {
            t.selected
        } else if lib.mark == Some(doc) {
            t.marked
        } else {
            t.text
        };
        lines.push(Line::from(Span::styled(fit(&text, w), style)));
    }
    if lib.rows.is_empty() && !app.docs.is_empty() {
        lines.push(Line::from(Span::styled(
            "  no speech matches the filter (Esc clears it)",
            t.dim,
        )));
    } else if app.docs.is_empty() {
        // An empty library says why instead of showing a blank table.
        let why = match app.skipped.len() {
            0 => "  no speeches found in the given paths".to_string(),
            n => format!(
                "  no speeches found; {n} {} skipped: {} shows why",
                super::super::sanitize::plural(n, "path", "paths"),
                app.keymap.first_label(Command::LoadReport)
            ),
        };
        lines.push(Line::from(Span::styled(fit(&why, w), t.dim)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Right-aligned in `w` columns.
fn right(s: &str, w: usize) -> String {
    let sw = super::super::sanitize::str_width(s);
    if sw >= w {
        fit(s, w)
    } else {
        format!("{}{}", " ".repeat(w - sw), s)
    }
}
