//! The sources screen: the check's figures and the ranked sources above; below, the speech itself
//! with its borrowed passages marked and those of the selected source beside a bar.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use ratatui::style::Style;
use speechtui::check::{Check, Kind};
use speechtui::reuse::marks::MarkKind;

use super::super::app::{App, SourcesFocus, SourcesState};
use super::super::highlight;
use super::super::keymap::Command;
use super::super::layout;
use super::super::sanitize::{clean, fit, plural, str_width};
use super::pane;
use super::reader::{paint_only, styled_chars};

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// What `?` says about the sources view's columns and marks.
pub const LEGEND: &[&str] = &[
    "borrowed  share of the speech inside passages found in the corpus; formulas:",
    "          inside passages of corpus formulas; original: found nowhere",
    "share     share of the speech the source holds; pas.: its passages",
    "date      the source's date; sources are ranked by share, earliest first on ties",
    "│ ▌       beside the selected source's passages; ▌ the one Enter and R open",
];

pub fn draw(f: &mut Frame, app: &App, s: &SourcesState, body: Rect) {
    let t = &app.theme;
    let (top, bottom) = layout::sources(body);
    let title = format!(" Sources · {} ", app.labels[s.draft]);
    f.render_widget(pane(app, title, s.focus == SourcesFocus::List), top);
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
        f.render_widget(
            pane(app, format!(" {} ", app.labels[s.draft]), false),
            bottom,
        );
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

    draw_text(f, app, s, check, bottom);
}

/// The speech itself with its borrowed passages marked as the reader marks them (copied wording,
/// formulas), a bar in the gutter beside the passages the selected source holds, brighter beside
/// the current passage (the one Enter and `R` open); the legend in the pane's bottom border.
fn draw_text(f: &mut Frame, app: &App, s: &SourcesState, check: &Check, area: Rect) {
    let t = &app.theme;
    let doc = &app.docs[s.draft];
    let selected = check.sources.get(s.list.selected);
    let held = |p: &speechtui::check::BorrowedPassage| {
        selected.is_some_and(|src| p.sources.iter().any(|c| c.doc == src.doc))
    };
    let title = match (selected, s.passage) {
        (Some(src), Some(cur)) => {
            let mine: Vec<usize> = (0..check.passages.len())
                .filter(|&i| held(&check.passages[i]))
                .collect();
            let k = mine.iter().position(|&i| i == cur).map_or(0, |k| k + 1);
            let sim = check.passages[cur]
                .sources
                .iter()
                .find(|c| c.doc == src.doc)
                .map_or(0.0, |c| c.similarity);
            format!(
                " {} · passage {k} of {} held by {} ({sim:.2}) ",
                app.short_labels[s.draft],
                mine.len(),
                app.short_labels[src.doc]
            )
        }
        _ => format!(" {} ", app.labels[s.draft]),
    };
    let title = fit(&title, (area.width as usize).saturating_sub(4));
    let next = app.keymap.first_label(Command::NextHit);
    let prev = app.keymap.first_label(Command::PrevHit);
    let legend = Line::from(fit_spans(
        vec![
            Span::styled(" ", t.hint),
            Span::styled("copied", highlight::style(t, MarkKind::Copied)),
            Span::styled(" · ", t.hint),
            Span::styled("formula", highlight::style(t, MarkKind::Formula)),
            Span::styled(" · ", t.hint),
            Span::styled("│", t.border),
            Span::styled(" held by the selected source, ", t.hint),
            Span::styled("▌", t.border_focus),
            Span::styled(
                format!(" the passage Enter opens · {next}/{prev} next/previous "),
                t.hint,
            ),
        ],
        (area.width as usize).saturating_sub(4),
    ));
    let focused = s.focus == SourcesFocus::Text;
    f.render_widget(pane(app, title, focused).title_bottom(legend), area);
    let inner = layout::inner(area);
    let mut lines = Vec::new();
    for line in s.lines.iter().skip(s.scroll).take(inner.height as usize) {
        let text = s.chars.slice(&doc.text, line.start, line.end);
        let mut styles: Vec<Style> = vec![t.text; line.end - line.start];
        // The gutter: a bar beside the selected source's passages, brighter and pointed on the
        // current one (a fill would drown a passage of a thousand characters).
        let mut bar: Option<bool> = None;
        let first = check.passages.partition_point(|p| p.span.end <= line.start);
        for (i, p) in check.passages.iter().enumerate().skip(first) {
            if p.span.start >= line.end {
                break;
            }
            let kind = match p.kind {
                Kind::Copied => MarkKind::Copied,
                _ => MarkKind::Formula,
            };
            paint_only(&mut styles, line, p.span, t.text, highlight::style(t, kind));
            if held(p) {
                let current = s.passage == Some(i);
                bar = Some(bar.unwrap_or(false) || current);
            }
        }
        let gutter = match bar {
            Some(true) => Span::styled("▌ ", t.border_focus),
            Some(false) => Span::styled("│ ", t.border),
            None => Span::raw("  "),
        };
        let mut out = vec![gutter];
        out.extend(styled_chars(text, &styles));
        lines.push(Line::from(out));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// `spans` cut to `width` display columns (the last ones dropped or shortened).
fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for sp in spans {
        let w = str_width(&sp.content);
        if used + w <= width {
            used += w;
            out.push(sp);
        } else {
            let rest = fit(&sp.content, width - used);
            if !rest.is_empty() {
                out.push(Span::styled(rest, sp.style));
            }
            break;
        }
    }
    out
}
