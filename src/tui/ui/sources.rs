//! The sources screen: the check's figures, the ranked sources, and the passages of the selected
//! source in the speech's order.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use speechtui::check::Kind;

use super::super::app::{App, SourcesState};
use super::super::layout;
use super::super::sanitize::{char_width, clean, fit, plural, str_width};
use super::pane;

/// Lines shown of each passage in the lower pane.
const PASSAGE_LINES: usize = 3;

/// `s` cut into rows of at most `width` display columns.
fn wrap_width(s: &str, width: usize) -> Vec<String> {
    let mut rows = vec![String::new()];
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > width && used > 0 {
            rows.push(String::new());
            used = 0;
        }
        rows.last_mut().expect("one row").push(c);
        used += w;
    }
    rows
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// A passage on one line: line breaks shown as spaces.
fn flat(s: &str) -> String {
    clean(s).replace(['\n', '\t'], " ")
}

pub fn draw(f: &mut Frame, app: &App, s: &SourcesState, body: Rect) {
    let t = &app.theme;
    let (top, bottom) = layout::sources(body);
    let title = format!(" Sources · {} ", app.labels[s.draft]);
    f.render_widget(pane(app, title, true), top);
    let inner = layout::inner(top);
    let w = inner.width as usize;
    let Some(check) = &s.check else {
        let line = format!(
            "checking against {} speeches…",
            app.corpus_len()
                .saturating_sub(usize::from(!app.draft_mode))
        );
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(line, t.progress))),
            inner,
        );
        f.render_widget(pane(app, " Passages ".into(), false), bottom);
        return;
    };
    let copied = check
        .passages
        .iter()
        .filter(|p| p.kind == Kind::Copied)
        .count();
    let summary = if check.passages.is_empty() {
        "nothing found in the corpus: original 100%".to_string()
    } else {
        format!(
            "borrowed {} · formulas {} · original {} · {} {}, {} {}",
            pct(check.borrowed),
            pct(check.formulaic),
            pct(check.original()),
            copied,
            plural(copied, "passage", "passages"),
            check.sources.len(),
            plural(check.sources.len(), "source", "sources")
        )
    };
    let header = format!(
        "{:>3} {:>6} {:<10} {:>4}  speech",
        "#", "share", "date", "pas."
    );
    let mut lines = vec![
        Line::from(Span::styled(fit(&summary, w), t.status)),
        Line::from(Span::styled(fit(&header, w), t.header)),
    ];
    let rows = (inner.height as usize).saturating_sub(2);
    let scroll = s.list.selected.saturating_sub(rows.saturating_sub(1));
    for (i, src) in check.sources.iter().enumerate().skip(scroll).take(rows) {
        let doc = &app.docs[src.doc];
        let row = format!(
            "{:>3} {:>6} {:<10} {:>4}  {}",
            i + 1,
            pct(src.share),
            doc.date.as_deref().map(clean).unwrap_or_else(|| "—".into()),
            src.passages,
            app.labels[src.doc]
        );
        let style = if i == s.list.selected {
            t.selected
        } else {
            t.text
        };
        lines.push(Line::from(Span::styled(fit(&row, w), style)));
    }
    f.render_widget(Paragraph::new(lines), inner);

    // The passages the selected source holds, in the speech's order.
    let selected = check.sources.get(s.list.selected);
    let title = match selected {
        Some(src) => format!(
            " Passages held by {} · dim: formulas ",
            app.short_labels[src.doc]
        ),
        None => " Passages ".into(),
    };
    f.render_widget(pane(app, title, false), bottom);
    let inner = layout::inner(bottom);
    let w = inner.width as usize;
    let draft: Vec<char> = app.docs[s.draft].text.chars().collect();
    let mut lines = Vec::new();
    if let Some(src) = selected {
        for (i, p) in check.passages.iter().enumerate() {
            let Some(c) = p.sources.iter().find(|c| c.doc == src.doc) else {
                continue;
            };
            let text: String = draft[p.span.start..p.span.end.min(draft.len())]
                .iter()
                .collect();
            let head = format!("[{}] {:.2} ", i + 1, c.similarity);
            let indent = str_width(&head);
            let style = if p.kind == Kind::Copied {
                t.shared
            } else {
                t.dim
            };
            // Pre-wrapped by display width, at most `PASSAGE_LINES` lines a passage.
            let rows = wrap_width(&flat(&text), w.saturating_sub(indent).max(1));
            let n = rows.len();
            for (k, row) in rows.into_iter().take(PASSAGE_LINES).enumerate() {
                let lead = if k == 0 {
                    head.clone()
                } else {
                    " ".repeat(indent)
                };
                let row = if k + 1 == PASSAGE_LINES && n > PASSAGE_LINES {
                    fit(&format!("{row}…"), w.saturating_sub(indent))
                } else {
                    row
                };
                lines.push(Line::from(vec![
                    Span::styled(lead, t.dim),
                    Span::styled(row, style),
                ]));
            }
            if lines.len() >= inner.height as usize {
                break;
            }
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}
