//! Evaluation harness of the draft checker: drafts made of a text outside the corpus (an older
//! national report of `corpus-extra/wikisource-national`, 1954–1997, none of which is in the
//! corpus) with passages of corpus reports (`gov-work-reports`, 1998–2024) spliced in under the
//! aligner evaluation's disguises (`tests/eval_support/disguise.rs`), one per disguise, each from
//! another report.
//!
//! - *recall*: share of the spliced key characters inside passages the check reports;
//! - *attribution*: share of splices of which ≥ 50% of the key characters lie in passages citing
//!   the donor report (*donor named*), or citing the donor or another report holding the
//!   undisguised passage at ≥ 0.9 (*a source named*: the same sentence is often in several reports
//!   of one province);
//! - *cited sources that hold the text*: every source cited for every passage (splices and the
//!   natural overlap of the old report with the corpus alike) is checked by a plain edit distance on
//!   the comparison key between the cited draft text and the cited source text: it holds the text
//!   when the similarity is ≥ 0.6.
#![allow(dead_code)]

#[path = "../eval_support/disguise.rs"]
pub mod disguise;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use disguise::{Disguise, Rng};
use speechtui::check::{self, Check};
use speechtui::corpus::Document;
use speechtui::text::key::Key;

pub fn corpus_extra() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-extra");
    (dir.join("gov-work-reports").is_dir() && dir.join("wikisource-national").is_dir())
        .then_some(dir)
}

/// The older national reports (not in the corpus): hosts of the drafts.
pub fn hosts(dir: &Path) -> Vec<(i32, String)> {
    let mut out: Vec<(i32, String)> = std::fs::read_dir(dir.join("wikisource-national"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let year: i32 = name.get(..4)?.parse().ok()?;
            (name.contains("_国务院_政府工作报告") && year < 1998).then_some((year, p))
        })
        .map(|(y, p)| {
            let s = std::fs::read_to_string(p).unwrap();
            (y, s.trim_start_matches('\u{FEFF}').replace("\r\n", "\n"))
        })
        .collect();
    out.sort_by_key(|h| h.0);
    out
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n')
}

/// A clause-aligned passage of 30..=120 key characters inside one paragraph.
fn pick_passage(rng: &mut Rng, donor: &[char]) -> Option<Range<usize>> {
    for _ in 0..500 {
        let mut start = rng.range(0, donor.len().saturating_sub(200).max(1));
        while start < donor.len() && !(start == 0 || is_clause_end(donor[start - 1])) {
            start += 1;
        }
        let target = rng.range(30, 90);
        let mut end = start;
        let mut key_len = 0;
        while end < donor.len() && donor[end] != '\n' {
            if donor[end].is_alphanumeric() {
                key_len += 1;
            }
            end += 1;
            if key_len >= target && is_clause_end(donor[end - 1]) {
                break;
            }
        }
        if (30..=120).contains(&key_len) && end < donor.len() && is_clause_end(donor[end - 1]) {
            return Some(start..end);
        }
    }
    None
}

pub struct Splice {
    pub disguise: Disguise,
    pub donor: usize,
    /// Char range in the draft.
    pub at: Range<usize>,
    /// Char range in the donor (undisguised).
    pub source: Range<usize>,
}

pub struct Draft {
    pub text: String,
    pub splices: Vec<Splice>,
}

/// One draft: up to 12,000 characters of `host` with one splice per disguise.
pub fn build_draft(seed: u64, host: &str, corpus: &[Document]) -> Draft {
    let mut rng = Rng::new(seed);
    let host: Vec<char> = host.chars().take(12_000).collect();
    let ends: Vec<usize> = (1..host.len())
        .filter(|&i| matches!(host[i - 1], '。' | '\n'))
        .collect();
    let mut planned = Vec::new();
    for &d in disguise::ALL.iter() {
        let donor = rng.range(0, corpus.len());
        let dchars: Vec<char> = corpus[donor].text.chars().collect();
        let Some(src) = pick_passage(&mut rng, &dchars) else {
            continue;
        };
        let issuer = corpus[donor]
            .title
            .split('_')
            .nth(1)
            .unwrap_or("")
            .to_string();
        let text = disguise::apply(d, &mut rng, &dchars[src.clone()], &host, &issuer);
        let at = ends[rng.range(0, ends.len())];
        planned.push((at, d, donor, src, text));
    }
    planned.sort_by_key(|p| p.0);
    let mut out: Vec<char> = Vec::new();
    let mut cursor = 0;
    let mut splices = Vec::new();
    for (at, d, donor, src, text) in planned {
        out.extend(&host[cursor..at]);
        let start = out.len();
        out.extend(&text);
        splices.push(Splice {
            disguise: d,
            donor,
            at: start..out.len(),
            source: src,
        });
        cursor = at;
    }
    out.extend(&host[cursor..]);
    Draft {
        text: out.into_iter().collect(),
        splices,
    }
}

/// Edit distance of two key strings, as a similarity (1 − distance / longer side); a plain
/// dynamic programme, independent of the aligner and of the checker's own measure.
pub fn edit_similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / longest as f64
}

fn key_of(text: &str) -> Vec<char> {
    Key::new(text).chars
}

fn slice(text: &str, r: Range<usize>) -> String {
    text.chars().skip(r.start).take(r.end - r.start).collect()
}

#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub splices: usize,
    pub key_chars: usize,
    pub found_chars: usize,
    pub donor_named: usize,
    pub source_named: usize,
    pub cited: usize,
    pub cited_hold: usize,
}

impl Tally {
    pub fn recall(&self) -> f64 {
        self.found_chars as f64 / self.key_chars.max(1) as f64
    }
    pub fn donor_rate(&self) -> f64 {
        self.donor_named as f64 / self.splices.max(1) as f64
    }
    pub fn attribution(&self) -> f64 {
        self.source_named as f64 / self.splices.max(1) as f64
    }
    pub fn precision(&self) -> f64 {
        self.cited_hold as f64 / self.cited.max(1) as f64
    }
    fn add(&mut self, o: &Tally) {
        self.splices += o.splices;
        self.key_chars += o.key_chars;
        self.found_chars += o.found_chars;
        self.donor_named += o.donor_named;
        self.source_named += o.source_named;
        self.cited += o.cited;
        self.cited_hold += o.cited_hold;
    }
}

/// Scores one checked draft: per disguise, plus the cited-source tally under `None`.
pub fn score(
    draft: &Draft,
    corpus: &[Document],
    check: &Check,
    out: &mut BTreeMap<Option<Disguise>, Tally>,
) {
    let key = Key::new(&draft.text);
    let mut found = vec![false; key.len()];
    // Per key position: the speeches the passages covering it cite.
    let mut cited_at: Vec<Vec<usize>> = vec![Vec::new(); key.len()];
    for p in &check.passages {
        for k in key.key_range(p.span.start, p.span.end) {
            found[k] = true;
            cited_at[k].extend(p.sources.iter().map(|s| s.doc));
        }
    }
    for s in &draft.splices {
        let t = out.entry(Some(s.disguise)).or_default();
        let r = key.key_range(s.at.start, s.at.end);
        let n = r.len();
        t.splices += 1;
        t.key_chars += n;
        t.found_chars += r.clone().filter(|&k| found[k]).count();
        let donor_cover = r
            .clone()
            .filter(|&k| cited_at[k].contains(&s.donor))
            .count();
        if donor_cover * 2 >= n {
            t.donor_named += 1;
        }
        let original = key_of(&slice(&corpus[s.donor].text, s.source.clone()));
        let holders: Vec<usize> = {
            let mut docs: Vec<usize> = r.clone().flat_map(|k| cited_at[k].clone()).collect();
            docs.sort_unstable();
            docs.dedup();
            docs.into_iter()
                .filter(|&d| d == s.donor || holds(&corpus[d].text, &original))
                .collect()
        };
        let holder_cover = r
            .filter(|&k| cited_at[k].iter().any(|d| holders.contains(d)))
            .count();
        if holder_cover * 2 >= n {
            t.source_named += 1;
        }
    }
    let t = out.entry(None).or_default();
    for p in &check.passages {
        let a = key_of(&slice(&draft.text, p.span.start..p.span.end));
        for c in &p.sources {
            let b = key_of(&slice(&corpus[c.doc].text, c.span.start..c.span.end));
            t.cited += 1;
            if edit_similarity(&a, &b) >= 0.6 {
                t.cited_hold += 1;
            }
        }
    }
}

/// Whether `text` holds `needle` (a key) at ≥ 0.9, anywhere: the key of the best window.
fn holds(text: &str, needle: &[char]) -> bool {
    let hay = key_of(text);
    if needle.is_empty() || hay.len() < needle.len() / 2 {
        return false;
    }
    // Cheap screen: a 10-character piece of the needle must occur exactly.
    let probe: Vec<char> = needle.iter().take(10).copied().collect();
    let tail: Vec<char> = needle.iter().rev().take(10).rev().copied().collect();
    let positions: Vec<usize> = hay
        .windows(probe.len())
        .enumerate()
        .filter(|(_, w)| *w == probe.as_slice() || *w == tail.as_slice())
        .map(|(i, _)| i)
        .collect();
    positions.into_iter().any(|i| {
        let lo = i.saturating_sub(needle.len());
        let hi = (i + 2 * needle.len()).min(hay.len());
        fits(needle, &hay[lo..hi]) >= 0.9
    })
}

/// Semi-global fit of `needle` inside `hay`: 1 − best edit distance / needle length.
fn fits(needle: &[char], hay: &[char]) -> f64 {
    let mut prev = vec![0usize; hay.len() + 1];
    let mut cur = vec![0usize; hay.len() + 1];
    for (i, &n) in needle.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &h) in hay.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(n != h))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev.iter().copied().min().unwrap_or(needle.len()) as f64 / needle.len() as f64
}

/// Checks `drafts` drafts built on the hosts whose index has parity `parity` (tuning and held-out
/// sets use different hosts and seeds).
pub fn evaluate(
    corpus: &[Document],
    prepared: &check::Prepared,
    hosts: &[(i32, String)],
    parity: usize,
    seed: u64,
    drafts: usize,
) -> BTreeMap<Option<Disguise>, Tally> {
    let mine: Vec<&(i32, String)> = hosts
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == parity)
        .map(|(_, h)| h)
        .collect();
    let mut out = BTreeMap::new();
    for i in 0..drafts {
        let host = &mine[i % mine.len()].1;
        let draft = build_draft(seed * 1000 + i as u64, host, corpus);
        let c = check::check(&draft.text, corpus, prepared, &check::Options::default());
        score(&draft, corpus, &c, &mut out);
    }
    out
}

pub fn overall(t: &BTreeMap<Option<Disguise>, Tally>) -> Tally {
    let mut all = Tally::default();
    for v in t.values() {
        all.add(v);
    }
    all
}

pub fn table(t: &BTreeMap<Option<Disguise>, Tally>) -> String {
    let mut s = String::from(
        "| disguise | splices | recall | donor named | a source named (attribution) |\n|---|---:|---:|---:|---:|\n",
    );
    for (d, v) in t {
        let Some(d) = d else { continue };
        s += &format!(
            "| {} | {} | {:.3} | {:.3} | {:.3} |\n",
            d.name(),
            v.splices,
            v.recall(),
            v.donor_rate(),
            v.attribution()
        );
    }
    let all = overall(t);
    s += &format!(
        "| **all** | {} | **{:.3}** | {:.3} | **{:.3}** |\n\ncited sources: {}, holding the cited text at ≥ 0.6: {} (**{:.3}**)\n",
        all.splices,
        all.recall(),
        all.donor_rate(),
        all.attribution(),
        all.cited,
        all.cited_hold,
        all.precision()
    );
    s
}
