//! Where everything goes on screen. Shared by `update` (which pre-wraps text to the widths found
//! here and pages by the heights) and the widgets (which draw into the same rectangles).

use ratatui::layout::Rect;

/// Below this size the screen only says it is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Title bar (top line), body, bottom line (status, hints or a prompt).
pub fn frame(area: Rect) -> (Rect, Rect, Rect) {
    let title = Rect::new(area.x, area.y, area.width, 1);
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(2),
    );
    let bottom = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(1),
        area.width,
        1,
    );
    (title, body, bottom)
}

/// Inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Reader: (outline pane, text pane), both bordered.
pub fn reader(body: Rect, outline_open: bool) -> (Option<Rect>, Rect) {
    if !outline_open {
        return (None, body);
    }
    let w = (body.width / 3).clamp(16, 36).min(body.width / 2);
    let outline = Rect::new(body.x, body.y, w, body.height);
    let text = Rect::new(body.x + w, body.y, body.width - w, body.height);
    (Some(outline), text)
}

/// Columns of reader text: the pane's inside minus a 2-column cursor gutter.
pub fn reader_text_width(text_pane: Rect) -> usize {
    inner(text_pane).width.saturating_sub(2) as usize
}

/// Columns of text in the sources screen's text pane (inside its border, after the gutter).
pub fn sources_text_width(text_pane: Rect) -> usize {
    inner(text_pane).width.saturating_sub(2) as usize
}

/// Comparison: (header of 2 lines, left pane, right pane); panes bordered.
pub fn compare(body: Rect) -> (Rect, Rect, Rect) {
    let header = Rect::new(body.x, body.y, body.width, 2.min(body.height));
    let rest_h = body.height.saturating_sub(2);
    let lw = body.width / 2;
    let left = Rect::new(body.x, body.y + 2, lw, rest_h);
    let right = Rect::new(body.x + lw, body.y + 2, body.width - lw, rest_h);
    (header, left, right)
}

/// Columns of comparison text per side: inside of each pane minus a 1-column passage gutter.
pub fn compare_text_widths(body: Rect) -> (usize, usize) {
    let (_, l, r) = compare(body);
    (
        inner(l).width.saturating_sub(1) as usize,
        inner(r).width.saturating_sub(1) as usize,
    )
}

/// The body of a screen of size `(w, h)`.
pub fn body_of(size: (u16, u16)) -> Rect {
    frame(Rect::new(0, 0, size.0, size.1)).1
}

/// A centred popup of at most `w`×`h`.
pub fn popup(area: Rect, w: u16, h: u16) -> Rect {
    // Keep clear of the screen's own borders so the popup reads as a layer above them.
    let w = w.min(area.width.saturating_sub(4)).max(1);
    let h = h.min(area.height.saturating_sub(4)).max(1);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Sources screen: (ranked sources pane, the speech's text pane), both bordered; the text gets
/// the larger part, since it is what is read.
pub fn sources(body: Rect) -> (Rect, Rect) {
    let top_h = (body.height * 2 / 5).max(6).min(body.height);
    let top = Rect::new(body.x, body.y, body.width, top_h);
    let bottom = Rect::new(
        body.x,
        body.y + top_h,
        body.width,
        body.height.saturating_sub(top_h),
    );
    (top, bottom)
}
