//! Disguises applied to a spliced passage, as template copiers do: refilled slots, rewrites,
//! placeholders, punctuation, Traditional script, an encoding round trip, and mixtures.

use std::sync::OnceLock;

/// A small deterministic generator (splitmix64), so every run builds the same cases.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..hi` (hi exclusive, hi > lo).
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len())]
    }
    pub fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        items[self.range(0, items.len())]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Disguise {
    Verbatim,
    RefilledSlots,
    Rewrite,
    Placeholders,
    Punctuation,
    Traditional,
    Encoding,
    Mixed,
}

pub const ALL: [Disguise; 8] = [
    Disguise::Verbatim,
    Disguise::RefilledSlots,
    Disguise::Rewrite,
    Disguise::Placeholders,
    Disguise::Punctuation,
    Disguise::Traditional,
    Disguise::Encoding,
    Disguise::Mixed,
];

impl Disguise {
    pub fn name(self) -> &'static str {
        match self {
            Disguise::Verbatim => "verbatim",
            Disguise::RefilledSlots => "refilled slots",
            Disguise::Rewrite => "rewrite (insert/delete/replace words)",
            Disguise::Placeholders => "placeholders (X, ××, 某, *)",
            Disguise::Punctuation => "punctuation and spacing",
            Disguise::Traditional => "Traditional script",
            Disguise::Encoding => "encoding round trip (GBK, full width, invisibles)",
            Disguise::Mixed => "mixed (slots + placeholders + punctuation + script)",
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A random run of `len` Han characters from `pool` (the host text), for refills.
fn han_run(rng: &mut Rng, pool: &[char], len: usize) -> Vec<char> {
    for _ in 0..200 {
        let at = rng.range(0, pool.len().saturating_sub(len).max(1));
        let run = &pool[at..(at + len).min(pool.len())];
        if run.len() == len && run.iter().all(|&c| is_han(c)) {
            return run.to_vec();
        }
    }
    vec!['新'; len]
}

/// Positions `i` where `text[i..i+len]` is all Han and at least `margin` from both ends.
fn han_spot(rng: &mut Rng, text: &[char], len: usize, taken: &[usize]) -> Option<usize> {
    for _ in 0..200 {
        if text.len() < len + 4 {
            return None;
        }
        let at = rng.range(2, text.len() - len - 1);
        if text[at..at + len].iter().all(|&c| is_han(c))
            && taken.iter().all(|&t| t.abs_diff(at) >= 8)
        {
            return Some(at);
        }
    }
    None
}

/// One or two slots (one per ~25 characters) refilled with other words of the same length.
fn refill(rng: &mut Rng, text: &mut Vec<char>, pool: &[char]) {
    let slots = (text.len() / 25).clamp(1, 2);
    let mut taken = Vec::new();
    for _ in 0..slots {
        let len = rng.range(2, 4);
        if let Some(at) = han_spot(rng, text, len, &taken) {
            let new = han_run(rng, pool, len);
            text.splice(at..at + len, new);
            taken.push(at);
        }
    }
}

/// One or two word-level rewrites: an inserted word, a deleted word, or a word replaced by one of
/// another length.
fn rewrite(rng: &mut Rng, text: &mut Vec<char>, pool: &[char]) {
    let edits = (text.len() / 30).clamp(1, 2);
    let mut taken = Vec::new();
    for _ in 0..edits {
        let Some(at) = han_spot(rng, text, 2, &taken) else {
            return;
        };
        taken.push(at);
        match rng.range(0, 3) {
            0 => {
                let word = han_run(rng, pool, 2);
                text.splice(at..at, word);
            }
            1 => {
                text.drain(at..at + 2);
            }
            _ => {
                let word = han_run(rng, pool, 3);
                text.splice(at..at + 2, word);
            }
        }
    }
}

/// The issuer's name and figures replaced by placeholders; a name-like stretch if neither occurs.
fn placeholders(rng: &mut Rng, text: &mut Vec<char>, issuer: &str) {
    let marks = ["X", "XX", "××", "某", "*", "○○", "＊＊"];
    let mut s: String = text.iter().collect();
    let short: String = issuer
        .trim_end_matches("维吾尔自治区")
        .trim_end_matches("壮族自治区")
        .trim_end_matches("回族自治区")
        .trim_end_matches("自治区")
        .trim_end_matches(['省', '市'])
        .to_string();
    let mut replaced = false;
    if short.chars().count() >= 2 && s.contains(&short) {
        s = s.replace(&short, rng.pick_str(&marks));
        replaced = true;
    }
    // Figures: every run of digits becomes a placeholder.
    let mut out = String::new();
    let mut in_digits = false;
    for c in s.chars() {
        if c.is_ascii_digit() || c == '.' && in_digits {
            if !in_digits {
                out.push_str(rng.pick_str(&["X", "*", "×"]));
                replaced = true;
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    *text = out.chars().collect();
    if !replaced {
        if let Some(at) = han_spot(rng, text, 2, &[]) {
            let mark: Vec<char> = rng.pick(&marks).chars().collect();
            text.splice(at..at + 2, mark);
        }
    }
}

fn punctuation(rng: &mut Rng, text: &mut Vec<char>) {
    let mut out = Vec::with_capacity(text.len() + 8);
    for &c in text.iter() {
        match c {
            '，' => out.extend(rng.pick(&["、", ",", "；", " ", "", "，"]).chars()),
            '。' => out.extend(rng.pick(&["；", "！", ".", "。"]).chars()),
            '、' => out.extend(rng.pick(&["，", "", " ", "、"]).chars()),
            '；' => out.extend(rng.pick(&["。", "，", ";"]).chars()),
            '“' | '”' => {}
            c => {
                out.push(c);
                if is_han(c) && rng.chance(4) {
                    out.push(*rng.pick(&['　', ' ', '“', '”', '—']));
                }
            }
        }
    }
    *text = out;
}

fn s2t() -> &'static ferrous_opencc::OpenCC {
    static CONV: OnceLock<ferrous_opencc::OpenCC> = OnceLock::new();
    CONV.get_or_init(|| {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t).unwrap()
    })
}

fn traditional(text: &mut Vec<char>) {
    let s: String = text.iter().collect();
    *text = s2t().convert(&s).chars().collect();
}

/// What a trip through a GBK file and a sloppy converter leaves: the text survives GBK, ASCII
/// becomes full width, and invisible or odd spaces creep in.
fn encoding(rng: &mut Rng, text: &mut Vec<char>) {
    let s: String = text.iter().collect();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&s);
    let back = if unmappable {
        s
    } else {
        encoding_rs::GBK.decode(&bytes).0.into_owned()
    };
    let mut out = Vec::new();
    for c in back.chars() {
        match c {
            '!'..='~' => out.push(char::from_u32(c as u32 + 0xFEE0).unwrap()),
            c => out.push(c),
        }
        if rng.chance(3) {
            out.push(*rng.pick(&['\u{200B}', '\u{3000}', '\u{2002}', '\u{00A0}']));
        }
    }
    *text = out;
}

/// Applies `d` to `passage`. `pool` supplies refill words; `issuer` the name to hide.
pub fn apply(
    d: Disguise,
    rng: &mut Rng,
    passage: &[char],
    pool: &[char],
    issuer: &str,
) -> Vec<char> {
    let mut t = passage.to_vec();
    match d {
        Disguise::Verbatim => {}
        Disguise::RefilledSlots => refill(rng, &mut t, pool),
        Disguise::Rewrite => rewrite(rng, &mut t, pool),
        Disguise::Placeholders => placeholders(rng, &mut t, issuer),
        Disguise::Punctuation => punctuation(rng, &mut t),
        Disguise::Traditional => traditional(&mut t),
        Disguise::Encoding => encoding(rng, &mut t),
        Disguise::Mixed => {
            refill(rng, &mut t, pool);
            placeholders(rng, &mut t, issuer);
            punctuation(rng, &mut t);
            if rng.chance(50) {
                traditional(&mut t);
            }
        }
    }
    t
}
