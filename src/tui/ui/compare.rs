//! The comparison: a header with the shares and the passage in view (named by section and
//! line), two panes holding both speeches whole, shared passages level, moved ones under a `↷` note
//! with where the other speech has them, own text dimmed (or folded).

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use speechtui::align::refill::refilled_spans;
use speechtui::text::Span as TextSpan;

use super::super::app::{App, CompareState};
use super::super::keymap::Command;
use super::super::labels::fit_label;
use super::super::layout;
use super::super::rows::{CellKind, Row};
use super::super::sanitize::{fit, plural, str_width, truncate};
use super::super::update::compare::top_stop;
use super::pane;
use super::reader::styled_chars;

/// What the comparison screen's marks and colours mean, for the help popup.
pub const LEGEND: [&str; 7] = [
    "A on the left, B on the right, each whole and in its own order.",
    "│ a passage both share, level with its counterpart (▌ the one named",
    "  in the header, by section and line); highlighted words were refilled.",
    "↷ moved · B has it at …: a passage the other speech has elsewhere, ┊",
    "  beside its lines; it is shown at its own place on each side.",
    "Dimmed text is in this speech only; z folds it to ┄ N chars only in A ┄.",
    "Enter opens the reader at the passage; s saves the two columns.",
];

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
    let (ca, cb): (Vec<char>, Vec<char>) = (da.text.chars().collect(), db.text.chars().collect());
    let current = top_stop(c, layout::inner(left).height as usize);
    let n = c.rows.stops.len();
    // A moved passage is a stop on each side.
    let moved = n.saturating_sub(cmp.passages.len());
    let shares = format!(
        "A {:.1}% borrowed · B {:.1}% borrowed · {} passages, {moved} moved{}",
        cmp.a_reused * 100.0,
        cmp.b_reused * 100.0,
        cmp.passages.len(),
        if c.fold { " · unshared folded" } else { "" }
    );
    let (pa, pb) = (&c.places.0, &c.places.1);
    let passage = match current.map(|i| (i, c.rows.stops[i])) {
        Some((i, stop)) => {
            let p = &cmp.passages[stop.passage];
            let how = match stop.side_a {
                None => "level",
                Some(_) => "moved",
            };
            format!(
                "passage {}/{n} · {how} · A {} ↔ B {} · {:.0}% similar",
                i + 1,
                pa.name(p.a.start),
                pb.name(p.b.start),
                p.similarity * 100.0
            )
        }
        None if cmp.passages.is_empty() => "no shared passage".into(),
        None => format!(
            "no passage on screen · {n} stops in all · {} next, {} previous",
            app.keymap.first_label(Command::NextPassage),
            app.keymap.first_label(Command::PrevPassage)
        ),
    };
    let lines = vec![
        Line::from(Span::styled(fit(&shares, w), t.header)),
        Line::from(Span::styled(fit(&passage, w), t.dim)),
    ];
    f.render_widget(Paragraph::new(lines), header);

    let title_a = pane_title(app, "A", c.a, left.width);
    let title_b = pane_title(app, "B", c.b, right.width);
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
    let current_passage = current.map(|i| c.rows.stops[i].passage);
    // Search hits on each side (char spans), the current one marked apart.
    let qlen = c.search.query.chars().count();
    let hits = |is_a: bool| -> Vec<(TextSpan, Style)> {
        c.search
            .hits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.0 == is_a)
            .map(|(i, h)| {
                let style = if i == c.search.current {
                    t.search_current
                } else {
                    t.search_hit
                };
                (
                    TextSpan {
                        start: h.1,
                        end: h.1 + qlen,
                    },
                    style,
                )
            })
            .collect()
    };
    let side = |is_a: bool| -> Vec<Line<'static>> {
        let (text, chars) = if is_a {
            (&da.text, &c.a_chars)
        } else {
            (&db.text, &c.b_chars)
        };
        let width = if is_a { li.width } else { ri.width } as usize;
        let who = if is_a { "A" } else { "B" };
        visible
            .iter()
            .map(|row| {
                let Some(cell) = (if is_a { row.left } else { row.right }) else {
                    return Line::default();
                };
                let mine = |p: usize| Some(p) == current_passage;
                let gutter = match cell.kind {
                    CellKind::Shared(p) if mine(p) => Span::styled("▌", t.border_focus),
                    CellKind::Shared(_) => Span::styled("│", t.border),
                    CellKind::Moved(p) if mine(p) => Span::styled("▌", t.border_focus),
                    CellKind::Moved(_) => Span::styled("┊", t.dim),
                    _ => Span::raw(" "),
                };
                let mut spans = vec![gutter];
                let room = width.saturating_sub(1);
                match (cell.kind, cell.line) {
                    (CellKind::Folded(n), _) => {
                        let msg = format!("┄ {n} {} only in {who} ┄", plural(n, "char", "chars"));
                        spans.push(Span::styled(truncate(&msg, room), t.gap));
                    }
                    (CellKind::MovedNote(p), _) => {
                        let q = &cmp.passages[p];
                        let msg = if is_a {
                            format!("↷ moved · B has it at {}", pb.name(q.b.start))
                        } else {
                            format!("↷ moved · A has it at {}", pa.name(q.a.start))
                        };
                        spans.push(Span::styled(truncate(&msg, room), t.dim));
                    }
                    (CellKind::Own, Some(l)) => {
                        let s = chars.slice(text, l.start, l.end);
                        let mut styles = vec![t.gap; l.end - l.start];
                        mark_hits(&mut styles, l.start, &hits(is_a));
                        spans.extend(styled_chars(s, &styles));
                    }
                    (CellKind::Shared(p) | CellKind::Moved(p), Some(l)) => {
                        let changed = refilled_spans(&ca, &cb, &cmp.passages[p], is_a);
                        let mut styles =
                            passage_styles(l.start, l.end, &changed, t.shared, t.changed);
                        mark_hits(&mut styles, l.start, &hits(is_a));
                        spans.extend(styled_chars(chars.slice(text, l.start, l.end), &styles));
                    }
                    _ => {}
                }
                Line::from(spans)
            })
            .collect()
    };
    f.render_widget(Paragraph::new(side(true)), li);
    f.render_widget(Paragraph::new(side(false)), ri);
}
/// The styles of one passage line: shared, with its refilled words marked.
fn passage_styles(
    start: usize,
    end: usize,
    changed: &[TextSpan],
    shared: Style,
    changed_style: Style,
) -> Vec<Style> {
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
    styles
}

/// Patches search hits over the styles of a line starting at char `start`.
fn mark_hits(styles: &mut [Style], start: usize, hits: &[(TextSpan, Style)]) {
    let end = start + styles.len();
    for (h, style) in hits {
        let (a, b) = (h.start.max(start), h.end.min(end));
        for st in styles
            .iter_mut()
            .take(b.saturating_sub(start))
            .skip(a.saturating_sub(start))
        {
            *st = st.patch(*style);
        }
    }
}

/// ` A · label · date ` made to fit between the corners of a pane `width` columns wide: the label
/// gives way as the library's does (a repeated title keeps its `#N`), so the title never ends in
/// a clipped field or a dangling `·`.
fn pane_title(app: &App, side: &str, doc: usize, width: u16) -> String {
    let room = (width as usize).saturating_sub(2);
    let d = &app.docs[doc];
    let (label, source) = (&app.labels[doc], &app.short_labels[doc]);
    let date = d.date.as_deref().unwrap_or("undated");
    let full = format!(" {side} · {label} · {date} ");
    if str_width(&full) <= room {
        return full;
    }
    let frame = str_width(&format!(" {side} ·  · {date} "));
    let label = fit_label(d, label, source, room.saturating_sub(frame), false);
    if room >= frame + 6 {
        return format!(" {side} · {} · {date} ", label.trim_end());
    }
    format!(
        " {} ",
        truncate(
            &format!("{side} · {}", label.trim_end()),
            room.saturating_sub(2)
        )
    )
}
