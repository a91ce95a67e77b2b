//! The reader: outline pane, pre-wrapped text with a cursor line, search, reused-by lookups.

use std::collections::BTreeSet;

use speechtui::corpus::Document;
use speechtui::outline::Outline;
use speechtui::reuse::marks;
use speechtui::text::Span;

use super::super::app::{
    App, Effect, InputPurpose, ListState, Pane, Popup, ReaderState, SearchState, View,
};
use super::super::keymap::Command;
use super::super::layout;
use super::super::wrap::{rewrapped, CharIndex};
use super::start_input;

/// Opens speech `doc` in the reader, with the cursor on char `at` and `focus_span` marked.
pub fn open_reader(app: &mut App, doc: usize, at: Option<usize>, focus_span: Option<Span>) {
    let d = &app.docs[doc];
    let outline = speechtui::outline::outline(&d.text);
    let mut r = ReaderState {
        doc,
        chars: CharIndex::new(&d.text),
        outline_open: !outline.sections.is_empty() && app.size.0 >= 60,
        outline,
        focus: Pane::Text,
        collapsed: BTreeSet::new(),
        outline_list: ListState::default(),
        wrap_width: 0,
        lines: Vec::new(),
        cursor: 0,
        scroll: 0,
        search: SearchState::default(),
        focus_span,
        marks: app
            .reuse_index()
            .map(|i| i.marks_of(doc))
            .unwrap_or_default(),
    };
    rewrap(&mut r, &app.docs, app.size);
    if let Some(at) = at {
        r.cursor = line_of(&r, at);
        center(&mut r, app.size);
    }
    sync_outline(&mut r, app.size);
    app.stack.push(View::Reader(Box::new(r)));
}

/// Text pane height (rows of text).
fn page(size: (u16, u16)) -> usize {
    (layout::body_of(size).height as usize)
        .saturating_sub(2)
        .max(1)
}

/// Wraps the text for the current size, keeping the cursor on the same text.
pub fn rewrap(r: &mut ReaderState, docs: &[Document], size: (u16, u16)) {
    let (_, pane) = layout::reader(layout::body_of(size), r.outline_open);
    let width = layout::reader_text_width(pane).max(2);
    let text = &docs[r.doc].text;
    if let Some(cursor) = rewrapped(&mut r.lines, &mut r.wrap_width, text, width, r.cursor) {
        r.cursor = cursor;
        keep_cursor_visible(r, size);
    }
}

/// The line holding char `at`.
pub fn line_of(r: &ReaderState, at: usize) -> usize {
    super::super::wrap::line_of(&r.lines, at).min(r.lines.len().saturating_sub(1))
}

fn keep_cursor_visible(r: &mut ReaderState, size: (u16, u16)) {
    let page = page(size);
    if r.cursor < r.scroll {
        r.scroll = r.cursor;
    } else if r.cursor >= r.scroll + page {
        r.scroll = r.cursor + 1 - page;
    }
}

/// Puts the line holding `start` at the top of the view with the cursor on it, and marks
/// `start..end` (an outline jump: the eye lands on the first line, and the mark says which).
fn jump_to_top(r: &mut ReaderState, start: usize, end: usize, size: (u16, u16)) {
    r.cursor = line_of(r, start);
    r.scroll = r.cursor;
    r.focus_span = Some(Span { start, end });
    keep_cursor_visible(r, size);
}

/// Puts the cursor line a third of the way down the page (where the eye expects a jump target).
fn center(r: &mut ReaderState, size: (u16, u16)) {
    r.scroll = r.cursor.saturating_sub(page(size) / 3);
}

/// Sections shown in the outline pane: those not inside a collapsed section.
pub fn visible_sections(outline: &Outline, collapsed: &BTreeSet<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut hide_below: Option<u8> = None;
    for (i, s) in outline.sections.iter().enumerate() {
        if let Some(level) = hide_below {
            if s.level > level {
                continue;
            }
            hide_below = None;
        }
        out.push(i);
        if collapsed.contains(&i) {
            hide_below = Some(s.level);
        }
    }
    out
}

/// Whether section `i` has children (sections of a deeper level right after it).
pub fn has_children(outline: &Outline, i: usize) -> bool {
    match (outline.sections.get(i), outline.sections.get(i + 1)) {
        (Some(s), Some(next)) => next.level > s.level,
        _ => false,
    }
}

/// The section the cursor is in (deepest section starting at or before it).
pub fn current_section(r: &ReaderState) -> Option<usize> {
    let at = r.lines.get(r.cursor)?.start;
    let end = r.lines.get(r.cursor).map(|l| l.end).unwrap_or(at);
    r.outline
        .sections
        .iter()
        .rposition(|s| s.start <= end.max(at) && s.start < end.max(at + 1))
}

/// Moves the outline selection to the section the cursor is in (when the text pane leads).
fn sync_outline(r: &mut ReaderState, size: (u16, u16)) {
    let Some(cur) = current_section(r) else {
        return;
    };
    let visible = visible_sections(&r.outline, &r.collapsed);
    // The nearest visible section at or before the current one.
    if let Some(pos) = visible.iter().rposition(|&i| i <= cur) {
        r.outline_list.selected = pos;
        r.outline_list.keep_visible(page(size));
    }
}

pub fn on_command(app: &mut App, cmd: Command, effects: &mut Vec<Effect>) {
    let size = app.size;
    let Some(View::Reader(r)) = app.stack.last_mut() else {
        return;
    };
    let page = page(size);
    match cmd {
        Command::Back => {
            app.stack.pop();
        }
        Command::ToggleOutline => {
            r.outline_open = !r.outline_open;
            if !r.outline_open {
                r.focus = Pane::Text;
            }
            let docs = app.docs.clone();
            rewrap(r, &docs, size);
            sync_outline(r, size);
        }
        Command::NextPane if r.outline_open => {
            r.focus = match r.focus {
                Pane::Text => Pane::Outline,
                Pane::Outline => Pane::Text,
            };
        }
        Command::Down
        | Command::Up
        | Command::PageDown
        | Command::PageUp
        | Command::Top
        | Command::Bottom
            if r.focus == Pane::Outline =>
        {
            let n = visible_sections(&r.outline, &r.collapsed).len();
            r.outline_list.apply(cmd, n, page);
        }
        Command::Down
        | Command::Up
        | Command::PageDown
        | Command::PageUp
        | Command::Top
        | Command::Bottom => {
            let last = r.lines.len().saturating_sub(1);
            match cmd {
                Command::Down => r.cursor = (r.cursor + 1).min(last),
                Command::Up => r.cursor = r.cursor.saturating_sub(1),
                Command::PageDown => {
                    r.cursor = (r.cursor + page).min(last);
                    r.scroll = (r.scroll + page).min(last.saturating_sub(page - 1));
                }
                Command::PageUp => {
                    r.cursor = r.cursor.saturating_sub(page);
                    r.scroll = r.scroll.saturating_sub(page);
                }
                Command::Top => r.cursor = 0,
                _ => r.cursor = last,
            }
            keep_cursor_visible(r, size);
            sync_outline(r, size);
        }
        Command::Open if r.focus == Pane::Outline => {
            let visible = visible_sections(&r.outline, &r.collapsed);
            if let Some(&i) = visible.get(r.outline_list.selected) {
                let sec = &r.outline.sections[i];
                let heading = sec.marker.chars().count() + sec.heading.chars().count();
                let end = (sec.start + heading.max(1)).min(sec.end.max(sec.start + 1));
                jump_to_top(r, sec.start, end, size);
            }
        }
        Command::Collapse => {
            let visible = visible_sections(&r.outline, &r.collapsed);
            if let Some(&i) = visible.get(r.outline_list.selected) {
                if has_children(&r.outline, i) && !r.collapsed.remove(&i) {
                    r.collapsed.insert(i);
                }
            }
        }
        Command::Search => {
            let q = r.search.query.clone();
            start_input(app, InputPurpose::Search, q);
        }
        Command::NextHit | Command::PrevHit => {
            let forward = cmd == Command::NextHit;
            if r.search.hits.is_empty() {
                let msg = if r.search.query.is_empty() {
                    "no search: press / to search".to_string()
                } else {
                    format!("“{}” not found", r.search.query)
                };
                app.set_status(msg);
                return;
            }
            let n = r.search.hits.len();
            r.search.current = if forward {
                (r.search.current + 1) % n
            } else {
                (r.search.current + n - 1) % n
            };
            let at = r.search.hits[r.search.current].start;
            r.cursor = line_of(r, at);
            keep_cursor_visible(r, size);
            sync_outline(r, size);
            let msg = format!("hit {}/{}", r.search.current + 1, n);
            app.set_status(msg);
        }
        Command::ReusedBy => reused_by(app),
        Command::Highlight => {
            app.highlight = app.highlight.next();
            let msg = format!("marks: {}", app.highlight.name());
            app.set_status(msg);
        }
        _ => {}
    }
    let _ = effects;
}

/// Finds `query` in the open speech (the folded search of [`speechtui::text::search`]) and moves to the first hit
/// at or after the cursor (`from_cursor`) or keeps the current one while typing.
pub fn search(app: &mut App, query: &str, confirm: bool) {
    let size = app.size;
    let docs = app.docs.clone();
    let Some(View::Reader(r)) = app.stack.last_mut() else {
        return;
    };
    let text = &docs[r.doc].text;
    // The library's folded search: `项目` finds 項目, `代表,` finds 代表，, `gdp` finds ＧＤＰ.
    let hits = speechtui::text::search::find(text, query);
    let at = r.lines.get(r.cursor).map(|l| l.start).unwrap_or(0);
    r.search = SearchState {
        query: query.to_string(),
        current: hits.iter().position(|h| h.end > at).unwrap_or(0),
        hits,
    };
    if let Some(h) = r.search.hits.get(r.search.current) {
        r.cursor = line_of(r, h.start);
        keep_cursor_visible(r, size);
        sync_outline(r, size);
    }
    let n = r.search.hits.len();
    if confirm || !query.is_empty() {
        match n {
            0 if !query.is_empty() => app.set_error(format!("“{query}” not found")),
            0 => {}
            1 => app.set_status(format!("“{query}”: 1 hit")),
            _ => app.set_status(format!("“{query}”: {n} hits (n/N)")),
        }
    }
}

/// The other speeches that share the reused text on the cursor line (the library's query).
fn reused_by(app: &mut App) {
    let Some(View::Reader(r)) = app.stack.last() else {
        return;
    };
    let Some(index) = app.reuse_index() else {
        let msg = super::index_not_ready(app);
        app.set_status(msg);
        return;
    };
    let Some(line) = r.lines.get(r.cursor) else {
        return;
    };
    let (doc, at) = (r.doc, line.start);
    let span = Span {
        start: line.start,
        end: line.end,
    };
    let entries = marks::shared_with(&index.report, &index.sharing, doc, span);
    if entries.is_empty() {
        app.set_status("no reused text on this line");
        return;
    }
    app.popup = Some(Popup::ReusedBy {
        from: doc,
        at,
        entries,
        list: ListState::default(),
    });
}
