//! The boilerplate explorer: ranked formulas and the keyword-in-context concordance.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::super::app::{App, ConcordanceOrder, ConcordanceState, ListState};
use super::super::labels::fit_label;
use super::super::layout;
use super::super::sanitize::{char_width, clean, fit, str_width};
use super::super::wrap::CharIndex;
use super::pane;

pub fn draw_formulas(f: &mut Frame, app: &App, list: &ListState, body: Rect) {
    let t = &app.theme;
    let Some(index) = app.reuse_index() else {
        return;
    };
    let formulas = &index.report.formulas;
    let title = format!(" Formulas · {} · most speeches first ", formulas.len());
    f.render_widget(pane(app, title, true), body);
    let inner = layout::inner(body);
    let w = inner.width as usize;
    // As `speechtui reuse` reports them: speeches with the exact wording, with a near variant
    // too, and every occurrence (the concordance's length).
    let header = format!(
        "{:>4} {:>8} {:>8} {:>6} {:<9} Formula",
        "#", "speeches", "variants", "times", "years"
    );
    let mut lines = vec![Line::from(Span::styled(fit(&header, w), t.header))];
    for (i, fm) in formulas
        .iter()
        .enumerate()
        .skip(list.scroll)
        .take((inner.height as usize).saturating_sub(1))
    {
        let years = match fm.years {
            Some((a, b)) if a == b => format!("{a}"),
            Some((a, b)) => format!("{a}–{b}"),
            None => "—".into(),
        };
        let row = format!(
            "{:>4} {:>8} {:>8} {:>6} {:<9} {}",
            i + 1,
            fm.documents,
            fm.variant_documents,
            fm.occurrences.len(),
            years,
            flat(&fm.template)
        );
        let style = if i == list.selected {
            t.selected
        } else {
            t.text
        };
        lines.push(Line::from(Span::styled(fit(&row, w), style)));
    }
    if formulas.is_empty() {
        lines.push(Line::from(Span::styled(
            "no formula is shared by two or more speeches",
            t.dim,
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_concordance(f: &mut Frame, app: &App, c: &ConcordanceState, body: Rect) {
    let t = &app.theme;
    let Some(index) = app.reuse_index() else {
        return;
    };
    let fm = &index.report.formulas[c.formula];
    let order = match c.order {
        ConcordanceOrder::Speech => "by speech",
        ConcordanceOrder::YearAscending => "by year ▲",
        ConcordanceOrder::YearDescending => "by year ▼",
    };
    let title = format!(
        " “{}” · {} occurrences · {order} ",
        flat(&fm.template),
        c.rows.len()
    );
    f.render_widget(pane(app, title, true), body);
    let inner = layout::inner(body);
    let w = inner.width as usize;
    // year 4, title 16, then left context | keyword | right context.
    let meta_w = 4 + 1 + 16 + 1;
    let kwic_w = w.saturating_sub(meta_w);
    let mut lines = Vec::new();
    for (pos, &(d, span)) in c
        .rows
        .iter()
        .enumerate()
        .skip(c.list.scroll)
        .take(inner.height as usize)
    {
        let doc = &app.docs[d];
        let year = doc
            .year()
            .map(|y| y.to_string())
            .unwrap_or_else(|| "····".into());
        let idx = CharIndex::new(&doc.text);
        let kw = flat(idx.slice(&doc.text, span.start, span.end));
        let kw_w = str_width(&kw).min(kwic_w / 2);
        let side = kwic_w.saturating_sub(kw_w) / 2;
        let left = tail_fit(
            &flat(idx.slice(&doc.text, span.start.saturating_sub(side), span.start)),
            side,
        );
        let right = fit(
            &flat(idx.slice(&doc.text, span.end, span.end + side)),
            kwic_w.saturating_sub(side + kw_w),
        );
        let selected = pos == c.list.selected;
        let (base, key) = if selected {
            (t.selected, t.selected)
        } else {
            (t.dim, t.search_hit)
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{year} "),
                if selected { t.selected } else { t.header },
            ),
            Span::styled(
                format!(
                    "{} ",
                    fit_label(doc, &app.labels[d], &app.short_labels[d], 16, true)
                ),
                base,
            ),
            Span::styled(left, base),
            Span::styled(fit(&kw, kw_w), key),
            Span::styled(right, base),
        ]));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Line breaks as spaces, sanitised.
fn flat(s: &str) -> String {
    clean(&s.replace(['\n', '\r'], " "))
}

/// The end of `s`, right-aligned in `w` columns.
fn tail_fit(s: &str, w: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let cw = char_width(c);
        if used + cw > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.reverse();
    format!(
        "{}{}",
        " ".repeat(w - used),
        out.into_iter().collect::<String>()
    )
}
