//! The comparison key: a normalised view of a cleaned text, with a map back to it.

/// A normalised text on which matching is done; `map[i]` is the char offset in the cleaned text of
/// key position `i`, so passages are always reported in the original script and punctuation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Key {
    pub chars: Vec<char>,
    pub map: Vec<u32>,
}

impl Key {
    pub fn new(text: &str) -> Key {
        let mut key = Key::default();
        for (i, c) in text.chars().enumerate() {
            if c.is_alphanumeric() {
                key.chars.push(c);
                key.map.push(i as u32);
            }
        }
        key
    }
}
