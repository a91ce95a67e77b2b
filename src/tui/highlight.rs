//! The reader's highlight modes: which kinds of mark are shown, how they look, and the one-line
//! legend that says so on screen. What a span *is* comes from the library
//! (`speechtui::reuse::marks`); this module only decides what to draw.

use ratatui::style::Style;
use ratatui::text::Span;
use speechtui::reuse::marks::{copied_limit, MarkKind, COPIED_MIN_CHARS, COPIED_SHARE};

use super::app::App;
pub use super::highlight_mode::Highlight;
use super::keymap::Command;
use super::theme::Theme;

pub fn style(theme: &Theme, kind: MarkKind) -> Style {
    match kind {
        MarkKind::Copied => theme.copied,
        MarkKind::Formula => theme.formula,
        MarkKind::Common => theme.common,
    }
}

/// Where a speech sits on the rarity scale: copied means shared with at most this many other
/// speeches (copies counted once) in the loaded corpus.
pub fn copied_speeches(app: &App) -> usize {
    copied_limit(texts(app))
}

/// Distinct texts in the corpus (copies counted once).
pub fn texts(app: &App) -> usize {
    app.reuse_index()
        .map(|i| i.sharing.dups.groups())
        .unwrap_or(app.docs.len())
}

/// What `?` says about the marks, one line each.
pub fn explanation(app: &App) -> Vec<String> {
    let n = copied_speeches(app);
    vec![
        format!(
            "copied   a passage of {COPIED_MIN_CHARS}+ chars shared with few earlier speeches of other issuers",
        ),
        format!(
            "         (at most {n} of the {} other texts: {}% of the corpus, copies counted once)",
            texts(app).saturating_sub(1),
            (COPIED_SHARE * 100.0).round()
        ),
        "formula  a set phrase (提法) of this corpus, among its most formulaic (see `b`)".to_string(),
        "common   other shared wording: templates, frequent phrases, short overlaps".to_string(),
        format!(
            "{} cycles: {}",
            app.keymap.first_label(Command::Highlight),
            Highlight::ALL.map(|h| h.name()).join(" → ")
        ),
    ]
}

/// The legend of the current mode, as styled pieces that fit `width` columns: the mode key, the
/// mode, then each kind shown in its own style with what it means.
pub fn legend(app: &App, width: usize) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mode = app.highlight;
    let key = app.keymap.first_label(Command::Highlight);
    let n = copied_speeches(app);
    let of = texts(app);
    // Long and short wording of each kind; the longest set that fits is used.
    let kinds: Vec<(MarkKind, String, &str)> = [
        (
            MarkKind::Copied,
            format!("copied (in ≤{n} other of {of})"),
            "copied",
        ),
        (MarkKind::Formula, "formula".to_string(), "formula"),
        (MarkKind::Common, "common wording".to_string(), "common"),
    ]
    .into_iter()
    .filter(|(k, _, _)| mode.shows(*k))
    .collect();
    let head = |long: bool| -> String {
        if long {
            format!(" {key} marks: {} ", mode.name())
        } else {
            format!(" {key} {} ", mode.name())
        }
    };
    let build = |long_head: bool, long_kinds: bool| -> Vec<Span<'static>> {
        let mut out = vec![Span::styled(head(long_head), t.hint)];
        for (k, long, short) in &kinds {
            out.push(Span::styled("· ", t.hint));
            let label = if long_kinds {
                long.clone()
            } else {
                short.to_string()
            };
            out.push(Span::styled(label, style(t, *k)));
            out.push(Span::styled(" ", t.hint));
        }
        if kinds.is_empty() && mode == Highlight::Off {
            out.push(Span::styled("· no reuse shown ", t.hint));
        }
        out
    };
    let w = |spans: &[Span]| -> usize {
        spans
            .iter()
            .map(|s| super::sanitize::str_width(&s.content))
            .sum()
    };
    for (lh, lk) in [(true, true), (false, true), (true, false), (false, false)] {
        let spans = build(lh, lk);
        if w(&spans) <= width {
            return spans;
        }
    }
    build(false, false)
}
