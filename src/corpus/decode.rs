//! Bytes to text: BOM sniffing, UTF-8 validation, UTF-16 without BOM, binary detection, and
//! otherwise encoding detection with chardetng (GB18030/GBK, Big5, Shift_JIS, …).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// A decoded file.
#[derive(Debug)]
pub struct Decoded {
    /// The decoded text, BOM removed, otherwise exactly as in the file.
    pub text: String,
    /// The encoding's name as the load report shows it.
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// How many leading bytes are sniffed for binary content.
const SNIFF: usize = 64 * 1024;

/// Decodes a file's bytes, or says why the file is not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(enc, &bytes[bom_len..], "byte order mark"));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return Ok(decode_with(enc, bytes, "UTF-16 without byte order mark"));
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(reason);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            warnings: Vec::new(),
        });
    }
    // Mostly UTF-8 with a few broken sequences (a truncated scrape, a bad copy): keep it UTF-8
    // rather than let a legacy-encoding guess garble the whole file.
    let (errors, non_ascii) = utf8_errors(bytes);
    if errors * 50 <= non_ascii {
        let mut d = decode_with(UTF_8, bytes, "");
        d.warnings.insert(
            0,
            format!("{errors} invalid UTF-8 sequence(s) replaced by �"),
        );
        return Ok(d);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    Ok(decode_with(enc, bytes, "detected"))
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], _how: &str) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors && enc != UTF_8 {
        let n = text.chars().filter(|&c| c == '\u{FFFD}').count();
        warnings.push(format!(
            "{n} byte sequence(s) invalid in {} replaced by �",
            enc.name()
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding: display_name(enc),
        warnings,
    }
}

/// encoding_rs names GBK after the WHATWG label; it decodes the whole of GB18030, which is also
/// what chardetng means by it.
fn display_name(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "GBK" => "GBK",
        "gb18030" => "GB18030",
        name => name,
    }
}

/// Mis-decoded runs already in a file (UTF-8 that was once read as GBK and saved again): how
/// many, and the first with some context. Signatures: a lost byte shown as `?` followed by `!` or
/// `,` inside Chinese text (`農歷牛年?!芭!毕笳髦`), and the classic `锟斤拷`. Such text cannot be
/// repaired (the `?` replaced real bytes), so it is kept and reported.
pub fn mojibake(text: &str) -> Option<(usize, String)> {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = R.get_or_init(|| regex::Regex::new(r"\p{Han}\?[!,]\S|锟斤拷").expect("regex"));
    let mut found = re.find_iter(text);
    let first = found.next()?;
    let count = 1 + found.count();
    // Up to four characters of context before, on the same line.
    let line_start = text[..first.start()].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..first.start()];
    let start = line_start + before.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    let sample: String = text[start..]
        .chars()
        .take_while(|&c| c != '\n')
        .take(12)
        .collect();
    Some((count, sample))
}

/// UTF-16 without a BOM shows as text with a NUL in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF) & !1];
    if sample.len() < 16 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Latin text in UTF-16 has NULs in nearly every high byte. (CJK-only UTF-16 without a BOM has
    // none; it is rare enough to be left to the detector.)
    let candidate = if odd_nul * 10 >= pairs * 3 && even_nul * 20 <= pairs {
        UTF_16LE
    } else if even_nul * 10 >= pairs * 3 && odd_nul * 20 <= pairs {
        UTF_16BE
    } else {
        return sniff_cjk_utf16(sample);
    };
    // Real UTF-16 text decodes cleanly, without stray control characters.
    let (text, had_errors) = candidate.decode_without_bom_handling(sample);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    (!had_errors && controls * 100 <= pairs).then_some(candidate)
}

/// UTF-16 of Chinese text has no NUL bytes; it shows as a clean decode that is mostly ideographs
/// (while UTF-8 or GBK bytes read as UTF-16 give a scatter of unrelated characters and errors).
fn sniff_cjk_utf16(sample: &[u8]) -> Option<&'static Encoding> {
    if std::str::from_utf8(sample).is_ok() {
        return None;
    }
    [UTF_16LE, UTF_16BE].into_iter().find(|enc| {
        let (text, had_errors) = enc.decode_without_bom_handling(sample);
        let total = text.chars().count().max(1);
        let common = text
            .chars()
            .filter(|&c| {
                crate::text::is_cjk(c)
                    || matches!(
                        c,
                        '，' | '。' | '、' | '：' | '；' | '“' | '”' | '\n' | '\r' | ' '
                    )
                    || c.is_ascii_alphanumeric()
            })
            .count();
        !had_errors && common * 10 >= total * 9
    })
}

/// Why the bytes look like a binary file, if they do: NUL bytes, or many control bytes that text
/// never holds (ESC, tab, form feed and line breaks are allowed: escape-laden text is still text).
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(SNIFF)];
    if sample.contains(&0) {
        return Some("binary file (NUL bytes)".into());
    }
    let odd = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if odd * 20 > sample.len() {
        return Some(format!(
            "binary file ({}% control bytes)",
            odd * 100 / sample.len()
        ));
    }
    None
}

/// Number of invalid UTF-8 sequences, and number of non-ASCII bytes.
fn utf8_errors(bytes: &[u8]) -> (usize, usize) {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    let mut errors = 0;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => {
                errors += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[skip..];
            }
        }
    }
    (errors, non_ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_utf16() {
        let mut le = vec![0xFF, 0xFE];
        for u in "同志们：\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("同志们：\n", "UTF-16LE"));
        let be: Vec<u8> = "Hello, world\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
        let cjk: Vec<u8> = "同志们：今天我们召开全市工作会议，研究部署重点工作。\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&cjk).unwrap().encoding, "UTF-16LE");
        let d = decode("\u{feff}各位代表".as_bytes()).unwrap();
        assert_eq!(d.text, "各位代表");
    }

    #[test]
    fn gbk_is_detected() {
        let text = "各位代表：现在，我代表省人民政府向大会作政府工作报告，请予审议，并请省政协委员和其他列席人员提出意见。";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "GBK");
    }

    #[test]
    fn mostly_utf8_stays_utf8_with_a_warning() {
        let mut b = "同志们，今天我们召开全市三级干部大会。"
            .repeat(20)
            .into_bytes();
        b.insert(30, 0xFF);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.warnings[0].contains("invalid UTF-8"));
    }

    #[test]
    fn mojibake_is_found_not_guessed() {
        let (n, sample) = mojibake("今年是農歷牛年?!芭!毕笳髦實干，事事?tīng)幭").unwrap();
        assert_eq!(n, 1);
        assert_eq!(sample, "是農歷牛年?!芭!毕笳髦");
        // ASCII punctuation in ordinary Chinese text is not mojibake.
        assert_eq!(mojibake("我们的步伐能不能再快些?肩膀能不能再硬些?"), None);
        // The sample stays on its line.
        assert_eq!(mojibake("甲\n書記?!芭!\n乙").unwrap().1, "書記?!芭!");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert!(decode(b"abc\0def").unwrap_err().contains("NUL"));
        assert!(decode(&[1, 2, 3, 4, 5, 6, 7, 8, b'a'])
            .unwrap_err()
            .contains("control"));
        // Escape sequences alone do not make a file binary.
        assert!(decode(b"\x1b[31mred\x1b[0m\n").is_ok());
    }
}
