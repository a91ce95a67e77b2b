//! The reader: outline pane and pre-wrapped text with reuse highlights and search hits.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use speechtui::align::Span as TextSpan;
use speechtui::reuse::marks::MarkKind;

use super::super::app::{App, Pane, ReaderState};
use super::super::highlight;
use super::super::layout;
use super::super::sanitize::{display_char, fit};
use super::super::update::reader::{current_section, has_children, visible_sections};
use super::super::wrap::Line as WrapLine;
use super::pane;

pub fn draw(f: &mut Frame, app: &App, r: &ReaderState, body: Rect) {
    let (outline_area, text_area) = layout::reader(body, r.outline_open);
    if let Some(area) = outline_area {
        draw_outline(f, app, r, area);
    }
    draw_text(f, app, r, text_area);
}

fn draw_outline(f: &mut Frame, app: &App, r: &ReaderState, area: Rect) {
    let t = &app.theme;
    let title = format!(" Outline · {} ", r.outline.sections.len());
    f.render_widget(pane(app, title, r.focus == Pane::Outline), area);
    let inner = layout::inner(area);
    let w = inner.width as usize;
    let visible = visible_sections(&r.outline, &r.collapsed);
    let current = current_section(r);
    let mut lines = Vec::new();
    for (pos, &i) in visible
        .iter()
        .enumerate()
        .skip(r.outline_list.scroll)
        .take(inner.height as usize)
    {
        let s = &r.outline.sections[i];
        let fold = if has_children(&r.outline, i) {
            if r.collapsed.contains(&i) {
                "▸"
            } else {
                "▾"
            }
        } else {
            " "
        };
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        let text = fit(&format!("{indent}{fold}{}{}", s.marker, s.heading), w);
        let style = if pos == r.outline_list.selected && r.focus == Pane::Outline {
            t.selected
        } else if Some(i) == current {
            t.heading.patch(t.marked)
        } else if s.level == 1 {
            t.heading
        } else {
            t.text
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if visible.is_empty() {
        lines.push(Line::from(Span::styled("no sections found", t.dim)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn draw_text(f: &mut Frame, app: &App, r: &ReaderState, area: Rect) {
    let t = &app.theme;
    let doc = &app.docs[r.doc];
    let pct = if r.lines.len() > 1 {
        r.cursor * 100 / (r.lines.len() - 1)
    } else {
        100
    };
    let date = doc.date.as_deref().unwrap_or("undated");
    let title = format!(" {pct}% · {date} · {} ", app.labels[r.doc]);
    // The legend sits in the pane's bottom border: always on screen, costing no text row.
    let legend = Line::from(highlight::legend(
        app,
        (area.width as usize).saturating_sub(4),
    ));
    let block = pane(app, title, r.focus == Pane::Text).title_bottom(legend);
    f.render_widget(block, area);
    let inner = layout::inner(area);
    let marks = &r.marks;
    let mut lines = Vec::new();
    for (n, line) in r
        .lines
        .iter()
        .enumerate()
        .skip(r.scroll)
        .take(inner.height as usize)
    {
        let text = r.chars.slice(&doc.text, line.start, line.end);
        let mut styles: Vec<Style> = vec![t.text; line.end - line.start];
        // Weaker kinds first, so the stronger mark wins where spans overlap.
        for kind in [MarkKind::Common, MarkKind::Formula, MarkKind::Copied] {
            if !app.highlight.shows(kind) {
                continue;
            }
            for m in marks.iter().take_while(|m| m.span.start < line.end) {
                if m.kind == kind && m.span.end > line.start {
                    paint_only(&mut styles, line, m.span, t.text, highlight::style(t, kind));
                }
            }
        }
        let hits = &r.search.hits;
        let first = hits.partition_point(|h| h.end <= line.start);
        for (k, h) in hits.iter().enumerate().skip(first) {
            if h.start >= line.end {
                break;
            }
            let style = if k == r.search.current {
                t.search_current
            } else {
                t.search_hit
            };
            paint(&mut styles, line, *h, style);
        }
        if let Some(fs) = r.focus_span {
            paint(&mut styles, line, fs, t.search_current);
        }
        let gutter = if n == r.cursor && r.focus == Pane::Text {
            Span::styled("▸ ", t.border_focus)
        } else if n == r.cursor {
            Span::styled("› ", t.border)
        } else {
            Span::raw("  ")
        };
        let mut out = vec![gutter];
        out.extend(styled_chars(text, &styles));
        lines.push(Line::from(out));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Patches `style` onto the chars of `line` inside `span`.
pub(super) fn paint(styles: &mut [Style], line: &WrapLine, span: TextSpan, style: Style) {
    let (s, e) = (span.start.max(line.start), span.end.min(line.end));
    for st in styles
        .iter_mut()
        .take(e.saturating_sub(line.start))
        .skip(s.saturating_sub(line.start))
    {
        *st = st.patch(style);
    }
}

/// Sets `style` on the chars of `line` inside `span` over the text style (a mark replaces a
/// weaker mark rather than mixing with it: one attribute per kind).
pub(super) fn paint_only(
    styles: &mut [Style],
    line: &WrapLine,
    span: TextSpan,
    base: Style,
    style: Style,
) {
    let (s, e) = (span.start.max(line.start), span.end.min(line.end));
    for st in styles
        .iter_mut()
        .take(e.saturating_sub(line.start))
        .skip(s.saturating_sub(line.start))
    {
        *st = base.patch(style);
    }
}

/// Spans of `text` with one style per char, sanitised, merged where the style repeats.
pub fn styled_chars(text: &str, styles: &[Style]) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut buf = String::new();
    let mut cur: Option<Style> = None;
    for (c, &st) in text
        .chars()
        .zip(styles.iter().chain(std::iter::repeat(&Style::default())))
    {
        let Some(d) = display_char(c) else { continue };
        if cur != Some(st) {
            if let Some(prev) = cur {
                out.push(Span::styled(std::mem::take(&mut buf), prev));
            }
            cur = Some(st);
        }
        buf.push(d);
    }
    if let Some(prev) = cur {
        if !buf.is_empty() {
            out.push(Span::styled(buf, prev));
        }
    }
    out
}
