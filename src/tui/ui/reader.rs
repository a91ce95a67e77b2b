//! The reader: outline pane and pre-wrapped text with reuse highlights and search hits.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::super::app::{App, Pane, ReaderState};
use super::super::layout;
use super::super::sanitize::{display_char, fit};
use super::super::update::reader::{current_section, has_children, visible_sections};
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
    f.render_widget(pane(app, title, r.focus == Pane::Text), area);
    let inner = layout::inner(area);
    let spans = app
        .reuse_index()
        .map(|i| i.spans[r.doc].as_slice())
        .unwrap_or(&[]);
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
        let mut paint = |start: usize, end: usize, style: Style| {
            let (s, e) = (start.max(line.start), end.min(line.end));
            for st in styles
                .iter_mut()
                .take(e.saturating_sub(line.start))
                .skip(s.saturating_sub(line.start))
            {
                *st = st.patch(style);
            }
        };
        for rs in spans.iter().take_while(|s| s.span.start < line.end) {
            if rs.span.end > line.start {
                paint(rs.span.start, rs.span.end, t.reuse(rs.docs));
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
            paint(h.start, h.end, style);
        }
        if let Some(fs) = r.focus_span {
            paint(fs.start, fs.end, t.search_current);
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
