//! A formula's history and concordance: speeches per year, first and last use, peak, variants,
//! every occurrence in date order with its context; and the sorts of the formula list.

use std::collections::BTreeMap;

use super::{Formula, ReuseReport};
use crate::align::Span;
use crate::corpus::Document;

/// One speech using a formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Use {
    /// Index into the corpus' documents.
    pub doc: usize,
    /// The speech's date, if it has one.
    pub date: Option<String>,
}

/// A formula's use over time.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// Speeches using it in each year of the corpus (every year from the corpus's first to its
    /// last, zeros included).
    pub by_year: Vec<(i32, u32)>,
    /// Undated speeches using it (not in `by_year`).
    pub undated: u32,
    /// The earliest speech using it (by date; undated speeches only when no speech using it is
    /// dated).
    pub first: Option<Use>,
    /// The latest speech using it (likewise).
    pub last: Option<Use>,

    /// The year most speeches used it, and how many.
    pub peak: Option<(i32, u32)>,
    /// Its wordings as speeches write them (script, signs and longer forms), most speeches first.
    pub variants: Vec<(String, u32)>,
}

/// The years of a corpus, first to last, every year in between included.
pub fn corpus_years(docs: &[Document]) -> Vec<i32> {
    let mut ys = docs.iter().filter_map(|d| d.year());
    let Some(first) = ys.next() else {
        return Vec::new();
    };
    let (lo, hi) = ys.fold((first, first), |(lo, hi), y| (lo.min(y), hi.max(y)));
    (lo..=hi).collect()
}

/// Sort key of a speech by date: dated speeches oldest first, then undated ones.
fn date_key(d: &Document) -> (bool, &str) {
    (d.date.is_none(), d.date.as_deref().unwrap_or(""))
}

/// The history of `f` over `docs` (the speeches the report was built from).
pub fn history(f: &Formula, docs: &[Document]) -> History {
    let years = corpus_years(docs);
    let used: BTreeMap<i32, u32> = f.by_year.iter().copied().collect();
    let by_year: Vec<(i32, u32)> = years
        .iter()
        .map(|&y| (y, used.get(&y).copied().unwrap_or(0)))
        .collect();
    let speeches = speeches_by_date(f, docs);
    let to_use = |d: usize| Use {
        doc: d,
        date: docs[d].date.clone(),
    };
    let first = speeches.first().map(|&d| to_use(d));
    // The latest dated speech (an undated one only when none is dated).
    let last = speeches
        .iter()
        .rev()
        .find(|&&d| docs[d].date.is_some())
        .or(speeches.last())
        .map(|&d| to_use(d));
    let peak = f
        .by_year
        .iter()
        .copied()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    History {
        by_year,
        undated: f.undated,
        first,
        last,
        peak,
        variants: variants(f, docs),
    }
}

/// The speeches using `f`, oldest first, undated last.
fn speeches_by_date(f: &Formula, docs: &[Document]) -> Vec<usize> {
    let mut speeches: Vec<usize> = f.occurrences.iter().map(|o| o.doc).collect();
    speeches.sort_unstable();
    speeches.dedup();
    speeches.sort_by(|&a, &b| date_key(&docs[a]).cmp(&date_key(&docs[b])).then(a.cmp(&b)));
    speeches
}

/// The first speech using `f` (the oldest dated one, else the first undated one).
pub fn first_use(f: &Formula, docs: &[Document]) -> Option<usize> {
    speeches_by_date(f, docs).first().copied()
}

/// The wordings of the occurrences as written (different script, signs or spacing count as
/// different wordings), with the longer forms merged into the formula.
pub fn variants(f: &Formula, docs: &[Document]) -> Vec<(String, u32)> {
    let mut seen: BTreeMap<String, (u32, usize)> = BTreeMap::new();
    let mut bytes: (usize, Vec<usize>) = (usize::MAX, Vec::new());
    for o in &f.occurrences {
        // One char-to-byte table per speech (occurrences come in speech order).
        let doc = &docs[o.doc].text;
        if bytes.0 != o.doc {
            bytes = (o.doc, doc.char_indices().map(|(b, _)| b).collect());
            bytes.1.push(doc.len());
        }
        let at = |c: usize| bytes.1[c.min(bytes.1.len() - 1)];
        let text = doc[at(o.span.start)..at(o.span.end)].to_string();
        let e = seen.entry(text).or_insert((0, usize::MAX));
        if e.1 != o.doc {
            e.0 += 1;
            e.1 = o.doc;
        }
    }
    let mut out: Vec<(String, u32)> = seen.into_iter().map(|(t, (n, _))| (t, n)).collect();
    out.extend(f.variants.iter().cloned());
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The chars `span` of `text`.
pub fn slice(text: &str, span: Span) -> String {
    text.chars()
        .skip(span.start)
        .take(span.end.saturating_sub(span.start))
        .collect()
}

/// One line of a concordance: an occurrence with its context.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the corpus' documents.
    pub doc: usize,
    /// The occurrence in the speech's text.
    pub span: Span,
    /// Up to `context` chars before it.
    pub left: String,
    /// The occurrence itself.
    pub keyword: String,
    /// Up to `context` chars after it.
    pub right: String,
}

/// Every occurrence of `f`, oldest speech first (undated last), with `context` chars each side
/// (line breaks shown as spaces).
pub fn concordance(f: &Formula, docs: &[Document], context: usize) -> Vec<Hit> {
    let mut rows: Vec<(usize, Span)> = f.occurrences.iter().map(|o| (o.doc, o.span)).collect();
    date_order(&mut rows, docs);
    rows.into_iter()
        .map(|(d, span)| {
            let chars: Vec<char> = docs[d].text.chars().collect();
            let end = span.end.min(chars.len());
            let take = |a: usize, b: usize| -> String {
                chars[a.min(end)..b.min(chars.len())]
                    .iter()
                    .map(|&c| if c.is_control() { ' ' } else { c })
                    .collect()
            };
            Hit {
                doc: d,
                span,
                left: take(span.start.saturating_sub(context), span.start),
                keyword: take(span.start, end),
                right: take(end, end + context),
            }
        })
        .collect()
}

/// Occurrences in date order: oldest speech first, undated last, then in text order.
pub fn date_order(rows: &mut [(usize, Span)], docs: &[Document]) {
    rows.sort_by(|a, b| {
        date_key(&docs[a.0])
            .cmp(&date_key(&docs[b.0]))
            .then(a.0.cmp(&b.0))
            .then(a.1.start.cmp(&b.1.start))
    });
}

/// Orders of the formula list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The default ranking: most formulaic first.
    #[default]
    Rank,
    /// Most speeches first.
    Speeches,
    /// Earliest first use first.
    First,
    /// Newest and spreading fastest first: the rise of its share over the corpus's last years.
    Rise,
    /// Vanished first: the fall of its share from its peak to the corpus's last years.
    Fall,
}

impl Sort {
    /// Every order, in the order `next` cycles through them.
    pub const ALL: [Sort; 5] = [
        Sort::Rank,
        Sort::Speeches,
        Sort::First,
        Sort::Rise,
        Sort::Fall,
    ];

    /// The order as the user reads it.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Rank => "most formulaic",
            Sort::Speeches => "most speeches",
            Sort::First => "first use",
            Sort::Rise => "rising",
            Sort::Fall => "falling",
        }
    }

    /// The following order, back to the first after the last.
    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }
}

/// Years at the end of the corpus compared with the years before them, for rise and fall.
const RECENT: i32 = 3;

/// Share of the speeches of years `from..=to` using the formula.
fn share(f: &Formula, per_year: &BTreeMap<i32, usize>, from: i32, to: i32) -> f64 {
    let n: usize = per_year.range(from..=to).map(|(_, n)| n).sum();
    if n == 0 {
        return 0.0;
    }
    let used: u32 = f
        .by_year
        .iter()
        .filter(|(y, _)| (from..=to).contains(y))
        .map(|(_, n)| n)
        .sum();
    used as f64 / n as f64
}

/// Rise and fall of each formula: its share in the corpus's last `RECENT` (3) years against the
/// years before them (rise), and against its peak window (fall).
pub fn trend(f: &Formula, per_year: &BTreeMap<i32, usize>) -> (f64, f64) {
    let Some((&last, _)) = per_year.iter().next_back() else {
        return (0.0, 0.0);
    };
    let recent = share(f, per_year, last - RECENT + 1, last);
    let before = share(f, per_year, last - 2 * RECENT + 1, last - RECENT);
    let peak = f
        .by_year
        .iter()
        .map(|&(y, _)| share(f, per_year, y - 1, y + 1))
        .fold(0.0, f64::max);
    (recent - before, peak - recent)
}

/// The formulas `ids` (indices into `report.formulas`, in ranking order) sorted by `sort`.
pub fn sort(report: &ReuseReport, ids: &mut [usize], sort: Sort, years: &[Option<i32>]) {
    let fs = &report.formulas;
    match sort {
        Sort::Rank => {}
        Sort::Speeches => ids.sort_by_key(|&i| std::cmp::Reverse(fs[i].variant_documents)),
        Sort::First => ids.sort_by_key(|&i| (fs[i].years.is_none(), fs[i].years.map(|y| y.0))),
        Sort::Rise | Sort::Fall => {
            let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
            for y in years.iter().flatten() {
                *per_year.entry(*y).or_insert(0) += 1;
            }
            let key = |i: usize| {
                let (rise, fall) = trend(&fs[i], &per_year);
                if sort == Sort::Rise {
                    rise
                } else {
                    fall
                }
            };
            let mut keyed: Vec<(f64, usize)> = ids.iter().map(|&i| (key(i), i)).collect();
            keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (slot, (_, i)) in ids.iter_mut().zip(keyed) {
                *slot = i;
            }
        }
    }
}

/// The concordance as a plain-text report (what the explorer saves): a heading, then one line
/// per occurrence in date order: date, title, id, and the keyword in 【】 with its context.
pub fn concordance_report(f: &Formula, docs: &[Document], hits: &[Hit]) -> String {
    let one_line = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    let mut out = format!("Concordance: {}\n", one_line(&f.template));
    let speeches: std::collections::BTreeSet<usize> = hits.iter().map(|h| h.doc).collect();
    let exact = if f.documents < speeches.len() {
        format!(
            " ({} with this exact wording, the others a near variant)",
            f.documents
        )
    } else {
        String::new()
    };
    out.push_str(&format!(
        "{} {} in {} {}{exact}\n\n",
        hits.len(),
        if hits.len() == 1 {
            "occurrence"
        } else {
            "occurrences"
        },
        speeches.len(),
        if speeches.len() == 1 {
            "speech"
        } else {
            "speeches"
        },
    ));
    for h in hits {
        let doc = &docs[h.doc];
        out.push_str(&format!(
            "{}\t{}\t{}\t…{}【{}】{}…\n",
            doc.date.as_deref().unwrap_or("----"),
            one_line(&doc.title),
            one_line(&doc.id),
            h.left,
            h.keyword,
            h.right
        ));
    }
    out
}

/// Counts as a row of block characters ▁▂▃▄▅▆▇█, one per count, scaled to the largest; a zero
/// is a space, so years without any use stand out from years of little use.
pub fn sparkline(counts: &[u32]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    counts
        .iter()
        .map(|&n| {
            if n == 0 {
                ' '
            } else {
                let level = ((n as f64 / max) * 8.0).ceil() as usize;
                BLOCKS[level.clamp(1, 8) - 1]
            }
        })
        .collect()
}
