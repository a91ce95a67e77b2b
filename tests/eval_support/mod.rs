//! Evaluation harness for the aligner: real reports from `../shared/corpus-extra` with passages
//! of another report spliced in under disguises, with known ground truth; precision and recall of
//! the reported passages.
//!
//! For each pair (host H, donor D, from different issuers): passages of D (≥ 30 key characters,
//! clause-aligned) are disguised and inserted into H at sentence ends, giving H'. The aligner runs
//! on (H', D).
//! - A splice is *found* when the passages whose B side overlaps its source cover ≥ 80% of its key
//!   characters in H' and ≥ 80% of its source's key characters in D.
//! - A reported passage is *correct* when ≥ 50% of it lies in a splice on the A side and in that
//!   splice's source (or in text identical to it) on the B side; it is *natural* when it matches
//!   a passage the aligner reports on the untouched pair (H, D) (real shared boilerplate, which no
//!   splice explains); otherwise it is *false*. Precision = correct / (correct + false).

pub mod disguise;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use disguise::{Disguise, Rng};
use speechtui::align::{compare, Comparison, Params};
use speechtui::text::key::Key;

/// The reports of the corpus, sorted by name, with their issuer.
pub fn reports(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = std::fs::read_dir(dir.join("gov-work-reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let issuer = name.split('_').nth(1).unwrap_or("").to_string();
            (p, issuer)
        })
        .collect();
    out.sort();
    out
}

/// The text as the cleaner would give it, for these already clean files: no BOM, LF only.
pub fn read_clean(path: &Path) -> String {
    let s = std::fs::read_to_string(path).unwrap();
    s.trim_start_matches('\u{FEFF}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

pub struct Splice {
    pub disguise: Disguise,
    /// Char range in H'.
    pub host: Range<usize>,
    /// Char range in D.
    pub source: Range<usize>,
}

pub struct Case {
    pub host: String,
    pub donor: String,
    pub original_host: String,
    /// (position in the original host, inserted length) of each splice, in order.
    pub inserts: Vec<(usize, usize)>,
    pub splices: Vec<Splice>,
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n')
}

/// A clause-aligned passage of D with 30..=120 key characters, not crossing a paragraph.
fn pick_passage(rng: &mut Rng, donor: &[char], used: &[Range<usize>]) -> Option<Range<usize>> {
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
        if !(30..=120).contains(&key_len) || end >= donor.len() || !is_clause_end(donor[end - 1]) {
            continue;
        }
        if used
            .iter()
            .any(|u| u.start < end + 20 && start < u.end + 20)
        {
            continue;
        }
        return Some(start..end);
    }
    None
}

/// Builds one evaluation case: one splice per disguise.
pub fn build_case(seed: u64, host_path: &Path, donor: (&Path, &str)) -> Case {
    let mut rng = Rng::new(seed);
    let original_host = read_clean(host_path);
    let donor_text = read_clean(donor.0);
    let host: Vec<char> = original_host.chars().collect();
    let dchars: Vec<char> = donor_text.chars().collect();
    // Insertion points: just after sentence ends and paragraph breaks.
    let ends: Vec<usize> = (1..host.len())
        .filter(|&i| matches!(host[i - 1], '。' | '\n'))
        .collect();
    let mut planned: Vec<(usize, Disguise, Range<usize>, Vec<char>)> = Vec::new();
    let mut used: Vec<Range<usize>> = Vec::new();
    for &d in disguise::ALL.iter() {
        let Some(src) = pick_passage(&mut rng, &dchars, &used) else {
            continue;
        };
        used.push(src.clone());
        let text = disguise::apply(d, &mut rng, &dchars[src.clone()], &host, donor.1);
        let at = ends[rng.range(0, ends.len())];
        planned.push((at, d, src, text));
    }
    planned.sort_by_key(|p| p.0);
    let mut out = String::new();
    let mut cursor = 0;
    let mut shift = 0;
    let mut inserts = Vec::new();
    let mut splices = Vec::new();
    for (at, d, src, text) in planned {
        out.extend(&host[cursor..at]);
        let start = at + shift;
        out.extend(&text);
        splices.push(Splice {
            disguise: d,
            host: start..start + text.len(),
            source: src,
        });
        inserts.push((at, text.len()));
        shift += text.len();
        cursor = at;
    }
    out.extend(&host[cursor..]);
    Case {
        host: out,
        donor: donor_text,
        original_host,
        inserts,
        splices,
    }
}

/// How well `needle` fits somewhere inside `hay`: 1 − (edit distance of the best-matching
/// substring of `hay`) / `needle.len()` (semi-global alignment; classes and wildcards compared
/// as plain symbols).
fn fits_inside(needle: &[char], hay: &[char]) -> f64 {
    if needle.is_empty() {
        return 0.0;
    }
    // prev[j]: edit distance of needle[..i] against a substring of hay ending at j.
    let mut prev = vec![0usize; hay.len() + 1];
    let mut cur = vec![0usize; hay.len() + 1];
    for (i, &n) in needle.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &h) in hay.iter().enumerate() {
            let sub = prev[j] + usize::from(n != h);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let best = prev.iter().copied().min().unwrap_or(needle.len());
    1.0 - best as f64 / needle.len() as f64
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn key_range(key: &Key, r: &Range<usize>) -> Range<usize> {
    key.key_range(r.start, r.end)
}

/// Maps a char offset of the original host into H'.
fn shifted(inserts: &[(usize, usize)], offset: usize, is_end: bool) -> usize {
    let mut s = offset;
    for &(at, len) in inserts {
        if at < offset || (at == offset && !is_end) {
            s += len;
        }
    }
    s
}

#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub splices: usize,
    pub found: usize,
    pub correct: usize,
    pub natural: usize,
    pub false_: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.splices += o.splices;
        self.found += o.found;
        self.correct += o.correct;
        self.natural += o.natural;
        self.false_ += o.false_;
    }
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.splices.max(1) as f64
    }
    pub fn precision(&self) -> f64 {
        if self.correct + self.false_ == 0 {
            return 1.0;
        }
        self.correct as f64 / (self.correct + self.false_) as f64
    }
}

/// Runs the aligner on a case and scores it, per disguise (false passages outside every splice
/// go to the `None` row).
pub fn score(case: &Case, params: &Params) -> BTreeMap<Option<Disguise>, Tally> {
    let cmp: Comparison = compare(&case.host, &case.donor, params);
    let base: Comparison = compare(&case.original_host, &case.donor, params);
    let kh = Key::new(&case.host);
    let kd = Key::new(&case.donor);
    let dkey = kd.as_string();
    let dk: Vec<char> = dkey.chars().collect();
    let mut out: BTreeMap<Option<Disguise>, Tally> = BTreeMap::new();

    let natural: Vec<(Range<usize>, Range<usize>)> = base
        .passages
        .iter()
        .map(|p| {
            let a = shifted(&case.inserts, p.a.start, false)..shifted(&case.inserts, p.a.end, true);
            (key_range(&kh, &a), key_range(&kd, &(p.b.start..p.b.end)))
        })
        .collect();
    let passages: Vec<(Range<usize>, Range<usize>)> = cmp
        .passages
        .iter()
        .map(|p| {
            (
                key_range(&kh, &(p.a.start..p.a.end)),
                key_range(&kd, &(p.b.start..p.b.end)),
            )
        })
        .collect();

    for s in &case.splices {
        let t = out.entry(Some(s.disguise)).or_default();
        t.splices += 1;
        let hk = key_range(&kh, &s.host);
        let sk = key_range(&kd, &s.source);
        let mut cov_h = vec![false; hk.len()];
        let mut cov_s = vec![false; sk.len()];
        for (pa, pb) in &passages {
            if overlap(pb, &sk) == 0 || overlap(pa, &hk) == 0 {
                continue;
            }
            for i in pa.start.max(hk.start)..pa.end.min(hk.end) {
                cov_h[i - hk.start] = true;
            }
            for i in pb.start.max(sk.start)..pb.end.min(sk.end) {
                cov_s[i - sk.start] = true;
            }
        }
        let ch = cov_h.iter().filter(|&&c| c).count() as f64 / hk.len().max(1) as f64;
        let cs = cov_s.iter().filter(|&&c| c).count() as f64 / sk.len().max(1) as f64;
        if ch >= 0.8 && cs >= 0.8 {
            t.found += 1;
        }
    }

    for (pa, pb) in &passages {
        let half_a = pa.len().div_ceil(2);
        let half_b = pb.len().div_ceil(2);
        let splice = case.splices.iter().find(|s| {
            let hk = key_range(&kh, &s.host);
            let sk = key_range(&kd, &s.source);
            // The splice's wording may also occur elsewhere in D: a passage to such a place is
            // a true match too (one passage of A, several places of B).
            let same_text = fits_inside(&dk[pb.clone()], &dk[sk.clone()]) >= 0.75;
            overlap(pa, &hk) >= half_a && (overlap(pb, &sk) >= half_b || same_text)
        });
        if let Some(s) = splice {
            out.entry(Some(s.disguise)).or_default().correct += 1;
            continue;
        }
        let is_natural = natural
            .iter()
            .any(|(na, nb)| overlap(pa, na) >= half_a && overlap(pb, nb) >= half_b);
        if is_natural {
            out.entry(None).or_default().natural += 1;
            continue;
        }
        // A false passage is charged to the splice it touches, if any.
        let touched = case
            .splices
            .iter()
            .find(|s| overlap(pa, &key_range(&kh, &s.host)) > 0)
            .map(|s| s.disguise);
        if std::env::var_os("EVAL_DEBUG").is_some() {
            let h: String = kh.chars[pa.clone()].iter().collect();
            let d: String = dk[pb.clone()].iter().collect();
            let src = case
                .splices
                .iter()
                .find(|s| overlap(pa, &key_range(&kh, &s.host)) > 0)
                .map(|s| dk[key_range(&kd, &s.source)].iter().collect::<String>());
            eprintln!("FALSE {touched:?}\n  A: {h}\n  B: {d}\n  source: {src:?}");
        }
        out.entry(touched).or_default().false_ += 1;
    }
    out
}

/// Pairs (host, donor) of different issuers, drawn from `seed`.
pub fn pairs(reports: &[(PathBuf, String)], seed: u64, n: usize) -> Vec<(usize, usize)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    while out.len() < n {
        let h = rng.range(0, reports.len());
        let d = rng.range(0, reports.len());
        if reports[h].1 != reports[d].1 {
            out.push((h, d));
        }
    }
    out
}

/// Evaluates `n` pairs drawn from `seed`; totals per disguise.
pub fn evaluate(
    dir: &Path,
    seed: u64,
    n: usize,
    params: &Params,
) -> BTreeMap<Option<Disguise>, Tally> {
    let reps = reports(dir);
    let mut total: BTreeMap<Option<Disguise>, Tally> = BTreeMap::new();
    for (i, (h, d)) in pairs(&reps, seed, n).into_iter().enumerate() {
        let case = build_case(
            seed.wrapping_mul(1000) + i as u64,
            &reps[h].0,
            (&reps[d].0, &reps[d].1),
        );
        for (k, t) in score(&case, params) {
            total.entry(k).or_default().add(&t);
        }
    }
    total
}

pub fn overall(t: &BTreeMap<Option<Disguise>, Tally>) -> Tally {
    let mut all = Tally::default();
    for v in t.values() {
        all.add(v);
    }
    all
}

/// A Markdown table of the totals.
pub fn table(t: &BTreeMap<Option<Disguise>, Tally>) -> String {
    let mut s = String::from(
        "| disguise | splices | found | recall | correct passages | false passages | precision |\n|---|---:|---:|---:|---:|---:|---:|\n",
    );
    for (k, v) in t {
        let name = k.map_or("(outside any splice)", |d| d.name());
        if k.is_none() {
            s.push_str(&format!("| {name} | – | – | – | – | {} | – |\n", v.false_));
            continue;
        }
        s.push_str(&format!(
            "| {name} | {} | {} | {:.3} | {} | {} | {:.3} |\n",
            v.splices,
            v.found,
            v.recall(),
            v.correct,
            v.false_,
            v.precision()
        ));
    }
    let all = overall(t);
    s.push_str(&format!(
        "| **all** | {} | {} | **{:.3}** | {} | {} | **{:.3}** |\n",
        all.splices,
        all.found,
        all.recall(),
        all.correct,
        all.false_,
        all.precision()
    ));
    s.push_str(&format!(
        "\nNatural shared passages (also reported on the untouched pair, not counted): {}\n",
        all.natural
    ));
    s
}
