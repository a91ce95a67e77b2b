//! The comparison: header with titles and shares, two panes of aligned rows.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use speechtui::align::Span as TextSpan;

use super::super::app::{App, CompareState};
use super::super::keymap::Command;
use super::super::layout;
use super::super::rows::{changed_spans, Order, Row, RowKind};
use super::super::sanitize::{fit, truncate};
use super::super::update::compare::top_passage;
use super::super::wrap::CharIndex;
use super::pane;
use super::reader::styled_chars;

pub fn draw(f: &mut Frame, app: &App, c: &CompareState, body: Rect) {
    let t = &app.theme;
    let (header, left, right) = layout::compare(body);
    let (da, db) = (&app.docs[c.a], &app.docs[c.b]);
    let Some(cmp) = &c.comparison else {
        let p = Paragraph::new(vec![
            Line::from(Span::styled(
                format!("A  {}", fit(&app.labels[c.a], body.width as usize - 3)),
                t.header,
            )),
            Line::from(Span::styled(
                format!("B  {}", fit(&app.labels[c.b], body.width as usize - 3)),
                t.header,
            )),
            Line::default(),
            Line::from(Span::styled("Aligning the two speeches…", t.progress)),
        ]);
        f.render_widget(p, body);
        return;
    };
    let w = header.width as usize;
    let current = top_passage(c, layout::inner(left).height as usize);
    let pos = current
        .and_then(|p| c.rows.sequence.iter().position(|&x| x == p))
        .map(|i| i + 1)
        .unwrap_or(0);
    let shares = format!(
        "A {:.1}% borrowed · B {:.1}% borrowed",
        cmp.a_reused * 100.0,
        cmp.b_reused * 100.0
    );
    let passage = match current.map(|p| &cmp.passages[p]) {
        Some(p) => format!(
            "passage {pos}/{} · {:.0}% similar · A {}–{} ↔ B {}–{}",
            cmp.passages.len(),
            p.similarity * 100.0,
            p.a.start,
            p.a.end,
            p.b.start,
            p.b.end
        ),
        None if cmp.passages.is_empty() => "no shared passage".into(),
        None => format!(
            "no passage on screen · {} in all · {} next, {} previous",
            cmp.passages.len(),
            app.keymap.first_label(Command::NextPassage),
            app.keymap.first_label(Command::PrevPassage)
        ),
    };
    let mode = match (c.order, c.fold) {
        (Order::A, true) => "A's order · unshared folded",
        (Order::A, false) => "A's order",
        (Order::B, true) => "B's own order · unshared folded",
        (Order::B, false) => "B's own order",
    };
    let lines = vec![
        Line::from(Span::styled(
            fit(&format!("{shares} · {mode}"), w),
            t.header,
        )),
        Line::from(Span::styled(fit(&passage, w), t.dim)),
    ];
    f.render_widget(Paragraph::new(lines), header);

    let title_a = format!(
        " A · {} · {} ",
        app.labels[c.a],
        da.date.as_deref().unwrap_or("undated")
    );
    let title_b = format!(
        " B · {} · {} ",
        app.labels[c.b],
        db.date.as_deref().unwrap_or("undated")
    );
    f.render_widget(pane(app, title_a, true), left);
    f.render_widget(pane(app, title_b, true), right);
    let (li, ri) = (layout::inner(left), layout::inner(right));
    let visible: Vec<&Row> = c
        .rows
        .rows
        .iter()
        .skip(c.scroll)
        .take(li.height as usize)
        .collect();
    let side = |is_a: bool| -> Vec<Line<'static>> {
        let (text, chars) = if is_a {
            (&da.text, &c.a_chars)
        } else {
            (&db.text, &c.b_chars)
        };
        let width = if is_a { li.width } else { ri.width } as usize;
        visible
            .iter()
            .map(|row| {
                let cell = if is_a { row.left } else { row.right };
                let gutter = match row.kind {
                    RowKind::Passage(p) if Some(p) == current => Span::styled("▌", t.border_focus),
                    RowKind::Passage(_) => Span::styled("│", t.border),
                    _ => Span::raw(" "),
                };
                let mut spans = vec![gutter];
                match row.kind {
                    RowKind::Folded { a, b } => {
                        let n = if is_a { a } else { b };
                        let msg = if n == 0 {
                            String::new()
                        } else {
                            format!("┄ {n} chars only in {} ┄", if is_a { "A" } else { "B" })
                        };
                        spans.push(Span::styled(truncate(&msg, width.saturating_sub(1)), t.gap));
                    }
                    RowKind::Gap => {
                        if let Some(l) = cell {
                            let s = chars.slice(text, l.start, l.end);
                            let styles = vec![t.gap; l.end - l.start];
                            spans.extend(styled_chars(s, &styles));
                        }
                    }
                    RowKind::Passage(p) => {
                        if let Some(l) = cell {
                            let changed = changed_spans(&cmp.passages[p], is_a);
                            spans.extend(passage_line(
                                text, chars, l.start, l.end, &changed, t.shared, t.changed,
                            ));
                        }
                    }
                }
                Line::from(spans)
            })
            .collect()
    };
    f.render_widget(Paragraph::new(side(true)), li);
    f.render_widget(Paragraph::new(side(false)), ri);
}

fn passage_line(
    text: &str,
    chars: &CharIndex,
    start: usize,
    end: usize,
    changed: &[TextSpan],
    shared: Style,
    changed_style: Style,
) -> Vec<Span<'static>> {
    let mut styles = vec![shared; end - start];
    for s in changed {
        let (a, b) = (s.start.max(start), s.end.min(end));
        for st in styles
            .iter_mut()
            .take(b.saturating_sub(start))
            .skip(a.saturating_sub(start))
        {
            *st = shared.patch(changed_style);
        }
    }
    styled_chars(chars.slice(text, start, end), &styles)
}
