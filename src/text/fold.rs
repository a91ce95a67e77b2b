//! Per-character folding for the comparison key: Traditional → Simplified and full → half width.
//!
//! Phrase-level conversion (ferrous-opencc's `convert`) runs at ~25 MB/s and may change the number
//! of characters, which would break the key's offset map. The key only needs a character-for-
//! character fold, so the single-character mappings are derived once from OpenCC's own T→S
//! conversion and kept in a dense table (a lookup is one array index).

use std::sync::OnceLock;

/// First and last code points covered by the dense table: CJK Extension A, the Unified Ideographs
/// and everything up to the end of the CJK Compatibility Ideographs.
const TABLE_START: u32 = 0x3400;
const TABLE_END: u32 = 0xFAFF;

fn table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

/// Converts every ideograph of the covered range on its own line, so no phrase rule can join two
/// of them, and keeps the one-to-one mappings.
fn build_table() -> Vec<u32> {
    let mut table: Vec<u32> = (TABLE_START..=TABLE_END).collect();
    let converter =
        match ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s) {
            Ok(c) => c,
            // Without the converter the key still works, only without script folding.
            Err(_) => return table,
        };
    let mut input = String::with_capacity(((TABLE_END - TABLE_START + 1) * 4) as usize);
    let mut sources = Vec::new();
    for cp in TABLE_START..=TABLE_END {
        if let Some(c) = char::from_u32(cp) {
            input.push(c);
            input.push('\n');
            sources.push(c);
        }
    }
    let output = converter.convert(&input);
    let lines: Vec<&str> = output.split('\n').collect();
    if lines.len() < sources.len() {
        return table;
    }
    for (src, line) in sources.iter().zip(lines) {
        let mut it = line.chars();
        if let (Some(dst), None) = (it.next(), it.next()) {
            if dst != *src {
                table[(*src as u32 - TABLE_START) as usize] = dst as u32;
            }
        }
    }
    table
}

/// Makes sure the table is built (e.g. before timing or from a background thread).
pub fn warm_up() {
    let _ = table();
}

/// Traditional → Simplified for one character; any other character is returned unchanged.
#[inline]
pub fn t2s(c: char) -> char {
    let cp = c as u32;
    if (TABLE_START..=TABLE_END).contains(&cp) {
        let t = table()[(cp - TABLE_START) as usize];
        char::from_u32(t).unwrap_or(c)
    } else {
        c
    }
}

/// Full-width ASCII forms → ASCII, the ideographic space → space.
#[inline]
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The character-for-character fold used by the key and by the tokeniser: half width, then
/// Simplified script. Never changes the number of characters.
#[inline]
pub fn fold(c: char) -> char {
    t2s(half_width(c))
}

/// Folds a whole string character by character (same number of characters out as in).
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_characters() {
        let folded = fold_str("市委書記在全市三級干部大會上的講話");
        assert_eq!(folded, "市委书记在全市三级干部大会上的讲话");
    }

    #[test]
    fn keeps_simplified_and_other_text() {
        assert_eq!(fold_str("乡村振兴 GDP 5%"), "乡村振兴 GDP 5%");
    }

    #[test]
    fn folds_full_width() {
        assert_eq!(fold_str("ＧＤＰ１２３％　"), "GDP123% ");
    }
}
