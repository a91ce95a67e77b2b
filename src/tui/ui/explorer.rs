//! The boilerplate explorer: ranked formulas and the keyword-in-context concordance.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use speechtui::reuse::{history, Kind};

use super::super::app::{App, ConcordanceOrder, ConcordanceState, ExplorerState};
use super::super::labels::fit_label;
use super::super::layout;
use super::super::sanitize::{char_width, clean, fit, str_width};
use super::super::wrap::CharIndex;
use super::pane;

/// Years per sparkline cell and the cells' year ranges, for `width` columns at most.
fn year_cells(years: &[i32], width: usize) -> Vec<(i32, i32)> {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let span = (last - first + 1) as usize;
    let per = span.div_ceil(width.max(1)).max(1) as i32;
    (0..)
        .map(|i| first + i * per)
        .take_while(|&y| y <= last)
        .map(|y| (y, (y + per - 1).min(last)))
        .collect()
}

pub fn draw_formulas(f: &mut Frame, app: &App, state: &ExplorerState, body: Rect) {
    let t = &app.theme;
    let Some(index) = app.reuse_index() else {
        return;
    };
    let report = &index.report;
    let search = if state.query.is_empty() {
        String::new()
    } else {
        format!(" · search “{}”", flat(&state.query))
    };
    let title = format!(" {} · {}{search} ", state.kind.title(), state.sort.name());
    f.render_widget(pane(app, title, true), body);
    let inner = layout::inner(body);
    let w = inner.width as usize;
    // Tabs: every kind with its count; Tab moves to the next.
    let mut tabs = Vec::new();
    for k in Kind::ALL {
        let n = report.formulas.iter().filter(|f| f.kind == k).count();
        let style = if k == state.kind { t.selected } else { t.dim };
        tabs.push(Span::styled(format!(" {} {n} ", k.name()), style));
        tabs.push(Span::styled("│", t.border));
    }
    let years = history::corpus_years(&app.docs);
    let cells = year_cells(&years, (w / 5).clamp(6, 30));
    let curve_w = cells.len().max(5);
    let curve_head = match (years.first(), years.last()) {
        (Some(a), Some(b)) => fit(&format!("{a}–{b}"), curve_w),
        _ => fit("years", curve_w),
    };
    let header = format!(
        "{:>4} {:>8} {:<5} {curve_head} Formula",
        "#", "speeches", "first"
    );
    let legend = format!(
        "speeches: how many use it · first: year of first use · curve: speeches using it per \
         year{} · +N: undated speeches using it",
        match cells.first() {
            Some(&(a, b)) if b > a => format!(" ({} years a block)", b - a + 1),
            _ => String::new(),
        }
    );
    let mut lines = vec![
        Line::from(tabs),
        Line::from(Span::styled(fit(&header, w), t.header)),
        Line::from(Span::styled(fit(&legend, w), t.dim)),
    ];
    // The last line: the selected formula's history in words.
    let room = (inner.height as usize).saturating_sub(lines.len() + 1);
    for (pos, &id) in state
        .rows
        .iter()
        .enumerate()
        .skip(state.list.scroll)
        .take(room)
    {
        let fm = &report.formulas[id];
        let per_cell: Vec<u32> = cells
            .iter()
            .map(|&(a, b)| {
                fm.by_year
                    .iter()
                    .filter(|(y, _)| (a..=b).contains(y))
                    .map(|(_, n)| n)
                    .sum()
            })
            .collect();
        let curve = fit(&history::sparkline(&per_cell), curve_w);
        let first = fm.years.map_or("—".to_string(), |y| y.0.to_string());
        let undated = if fm.undated > 0 {
            format!("+{} ", fm.undated)
        } else {
            String::new()
        };
        let selected = pos == state.list.selected;
        let base = if selected { t.selected } else { t.text };
        let head = format!("{:>4} {:>8} {:<5} ", pos + 1, fm.variant_documents, first);
        let text = format!("{undated}{}", flat(&fm.template));
        let rest_w = w.saturating_sub(str_width(&head) + curve_w + 1);
        lines.push(Line::from(vec![
            Span::styled(head, base),
            Span::styled(curve, if selected { t.selected } else { t.formula }),
            Span::styled(" ", base),
            Span::styled(fit(&text, rest_w), base),
        ]));
    }
    if let Some(&id) = state.rows.get(state.list.selected) {
        let summary = history_line(app, &report.formulas[id]);
        let at = inner.height.saturating_sub(1);
        let area = Rect {
            y: inner.y + at,
            height: 1.min(inner.height),
            ..inner
        };
        f.render_widget(Paragraph::new(Span::styled(fit(&summary, w), t.dim)), area);
    }
    if state.rows.is_empty() {
        let msg = if state.query.is_empty() {
            format!("no {} in this corpus", state.kind.title().to_lowercase())
        } else {
            format!("nothing of this kind holds “{}”", flat(&state.query))
        };
        lines.push(Line::from(Span::styled(msg, t.dim)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// First and last use, peak year and longer forms of a formula, on one line.
fn history_line(app: &App, fm: &speechtui::reuse::Formula) -> String {
    let docs = &app.docs;
    let first = history::first_use(fm, docs).map(|d| {
        let doc = &docs[d];
        format!(
            "first {} {}",
            doc.date.as_deref().unwrap_or("undated"),
            flat(&doc.place.clone().unwrap_or_else(|| doc.title.clone()))
        )
    });
    let peak = fm
        .by_year
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(y, n)| format!("peak {y} ({n})"));
    let last = fm.years.map(|(_, b)| format!("last {b}"));
    let longer: Vec<String> = fm
        .variants
        .iter()
        .take(3)
        .map(|(t, n)| format!("{} {n}", flat(t)))
        .collect();
    let longer = (!longer.is_empty()).then(|| format!("also written {}", longer.join(", ")));
    [first, last, peak, longer]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn draw_concordance(f: &mut Frame, app: &App, c: &ConcordanceState, body: Rect) {
    let t = &app.theme;
    let Some(index) = app.reuse_index() else {
        return;
    };
    let fm = &index.report.formulas[c.formula];
    let order = match c.order {
        ConcordanceOrder::Speech => "by speech",
        ConcordanceOrder::YearAscending => "oldest first",
        ConcordanceOrder::YearDescending => "newest first",
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
        // The keyword starts in the same column on every row (display width, not chars).
        let side = kwic_w * 2 / 5;
        let kw_w = str_width(&kw).min(kwic_w.saturating_sub(side) * 2 / 3);
        let left = tail_fit(
            &flat(idx.slice(&doc.text, span.start.saturating_sub(side), span.start)),
            side,
        );
        let right = fit(
            &flat(idx.slice(&doc.text, span.end, span.end + side)),
            kwic_w.saturating_sub(side + kw_w),
        );
        let selected = pos == c.list.selected;
        // The selected row keeps its keyword marked: the hit's colours on the selection.
        let (base, key) = if selected {
            (
                t.selected,
                t.selected.patch(t.search_hit).add_modifier(Modifier::BOLD),
            )
        } else {
            (t.dim, t.search_hit)
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{year} "),
                if selected { t.selected } else { t.header },
            ),
            Span::styled(
                // Where the speech was given, else its label.
                match doc.place.clone() {
                    Some(place) => format!("{} ", fit(&flat(&place), 16)),
                    None => format!(
                        "{} ",
                        fit_label(doc, &app.labels[d], &app.short_labels[d], 16, true)
                    ),
                },
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
