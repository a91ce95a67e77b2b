//! Moving through lists and scrolling text: one type for a selected row ([`ListState`]) and one
//! for a scroll position ([`Scroll`]), shared by every screen and popup, so that each screen's
//! update only says which [`Move`] a key means.

use super::keymap::Command;

/// A movement key, as lists and scrolled text understand it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One row down.
    Down,
    /// One row up.
    Up,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// The first row.
    Top,
    /// The last row.
    Bottom,
}

impl Move {
    /// The movement a command means, if it is one.
    pub fn of(cmd: Command) -> Option<Move> {
        Some(match cmd {
            Command::Down => Move::Down,
            Command::Up => Move::Up,
            Command::PageDown => Move::PageDown,
            Command::PageUp => Move::PageUp,
            Command::Top => Move::Top,
            Command::Bottom => Move::Bottom,
            _ => return None,
        })
    }
}

/// A selected row in a list of `len` rows shown `page` rows at a time, and the first row shown.
/// The selection always lies inside the list and inside the rows shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    /// The selected row.
    pub selected: usize,
    /// The first row shown.
    pub scroll: usize,
}

impl ListState {
    /// Moves the selection (commands that are not movements leave it) and scrolls to keep it
    /// shown.
    pub fn apply(&mut self, cmd: Command, len: usize, page: usize) {
        if len == 0 {
            *self = ListState::default();
            return;
        }
        let last = len - 1;
        self.selected = match Move::of(cmd) {
            Some(Move::Down) => self.selected + 1,
            Some(Move::Up) => self.selected.saturating_sub(1),
            Some(Move::PageDown) => self.selected + page,
            Some(Move::PageUp) => self.selected.saturating_sub(page),
            Some(Move::Top) => 0,
            Some(Move::Bottom) => last,
            None => self.selected,
        }
        .min(last);
        self.keep_visible(page);
    }

    /// Scrolls as little as needed for the selection to be among the `page` rows shown.
    pub fn keep_visible(&mut self, page: usize) {
        let page = page.max(1);
        if self.selected < self.scroll {
            self.scroll = self.selected;
        } else if self.selected >= self.scroll + page {
            self.scroll = self.selected + 1 - page;
        }
    }
}

/// The first line shown of a text of `len` lines shown `page` lines at a time. Never past the
/// last full page, so that a move back up always moves what is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The first line shown.
    pub offset: usize,
}

impl Scroll {
    /// The last offset that still fills the page.
    pub fn max_offset(len: usize, page: usize) -> usize {
        len.saturating_sub(page.max(1))
    }

    /// Scrolls by `m`, staying within the text.
    pub fn apply(&mut self, m: Move, len: usize, page: usize) {
        let page = page.max(1);
        let max = Scroll::max_offset(len, page);
        let at = self.offset.min(max);
        self.offset = match m {
            Move::Down => at + 1,
            Move::Up => at.saturating_sub(1),
            Move::PageDown => at + page,
            Move::PageUp => at.saturating_sub(page),
            Move::Top => 0,
            Move::Bottom => max,
        }
        .min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_moves_stay_inside_and_shown() {
        let mut l = ListState::default();
        l.apply(Command::Down, 10, 4);
        assert_eq!((l.selected, l.scroll), (1, 0));
        l.apply(Command::PageDown, 10, 4);
        assert_eq!((l.selected, l.scroll), (5, 2));
        l.apply(Command::PageDown, 10, 4);
        l.apply(Command::PageDown, 10, 4);
        assert_eq!((l.selected, l.scroll), (9, 6));
        l.apply(Command::Up, 10, 4);
        assert_eq!((l.selected, l.scroll), (8, 6));
        l.apply(Command::Top, 10, 4);
        assert_eq!((l.selected, l.scroll), (0, 0));
        l.apply(Command::Bottom, 10, 4);
        assert_eq!((l.selected, l.scroll), (9, 6));
        // Not a movement: nothing moves; an emptied list resets.
        l.apply(Command::Quit, 10, 4);
        assert_eq!(l.selected, 9);
        l.apply(Command::Down, 0, 4);
        assert_eq!(l, ListState::default());
    }

    #[test]
    fn scroll_comes_back_at_once_from_the_end() {
        let (len, page) = (30, 10);
        let mut s = Scroll::default();
        s.apply(Move::Bottom, len, page);
        assert_eq!(s.offset, 20);
        s.apply(Move::Up, len, page);
        assert_eq!(s.offset, 19, "one line up after the end");
        for _ in 0..5 {
            s.apply(Move::PageDown, len, page);
        }
        assert_eq!(s.offset, 20, "never past the last page");
        s.apply(Move::PageUp, len, page);
        assert_eq!(s.offset, 10);
        s.apply(Move::Top, len, page);
        assert_eq!(s.offset, 0);
        // A text shorter than the page never scrolls.
        s.apply(Move::PageDown, 5, page);
        assert_eq!(s.offset, 0);
        // The text may have shrunk since the last move (a narrower terminal wraps less).
        let mut s = Scroll { offset: 25 };
        s.apply(Move::Up, len, page);
        assert_eq!(s.offset, 19);
    }
}
