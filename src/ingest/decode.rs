//! Encoding detection and decoding: BOM, then UTF-16 by NUL pattern, then UTF-8, then chardetng.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use super::IngestError;

/// How many leading bytes the BOM-less UTF-16 sniffer looks at.
const UTF16_SNIFF_LEN: usize = 4096;

/// How many leading bytes are fed to chardetng (enough for a confident guess, bounded cost).
const DETECT_LEN: usize = 1 << 20;

/// Undecodable sequences a named encoding may leave before it is called wrong (a stray bad
/// byte in a long file is not a reason to refuse it); beyond that, one per thousand bytes.
pub(crate) const MALFORMED_ALLOWED: usize = 8;

/// How many characters decoding left in `text` that real text does not have: replacement
/// characters, private-use and non-characters (what bytes decoded with the wrong legacy
/// encoding turn into).
pub(crate) fn malformed(text: &str) -> usize {
    text.chars().filter(|&c| is_undecodable(c)).count()
}

/// True when `bytes` are valid UTF-8 with characters beyond ASCII: read under a legacy label
/// they would turn into mojibake (`â€™`).
pub(crate) fn is_utf8_text(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// Text decoded from bytes, before cleaning.
#[derive(Debug)]
pub(crate) struct RawText {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Decodes `bytes` with the encoding named by `label`, or a detected one when `label` is `None`.
#[cfg(test)]
pub(crate) fn decode_raw(bytes: &[u8], label: Option<&str>) -> Result<RawText, IngestError> {
    let (encoding, skip) = choose(bytes, label)?;
    decode_with(bytes.to_vec(), encoding, skip)
}

/// The encoding for `bytes` (the one `label` names, or a detected one when `label` is
/// `None`) and the length of the BOM to skip.
pub(crate) fn choose(
    bytes: &[u8],
    label: Option<&str>,
) -> Result<(&'static Encoding, usize), IngestError> {
    Ok(match label {
        Some(label) => {
            let encoding = resolve_label(label)?;
            (encoding, matching_bom_len(bytes, encoding))
        }
        None => detect(bytes),
    })
}

/// Decodes `bytes` from `encoding`, after a BOM of `skip` bytes. Valid UTF-8 becomes the
/// text in the same buffer, not a copy of it (a long call is not held twice).
pub(crate) fn decode_with(
    mut bytes: Vec<u8>,
    encoding: &'static Encoding,
    skip: usize,
) -> Result<RawText, IngestError> {
    if !is_utf16(encoding) && memchr::memchr(0, &bytes).is_some() {
        return Err(IngestError::Binary);
    }
    let text = if encoding == UTF_8 {
        bytes.drain(..skip);
        match String::from_utf8(bytes) {
            Ok(text) => text,
            // Each malformed sequence becomes U+FFFD, as the decoder would have it.
            Err(e) => UTF_8
                .decode_without_bom_handling(e.as_bytes())
                .0
                .into_owned(),
        }
    } else {
        encoding
            .decode_without_bom_handling(&bytes[skip..])
            .0
            .into_owned()
    };
    Ok(RawText { text, encoding })
}

/// The encoding a user-supplied label names (GBK and GB2312 widen to GB18030).
pub(crate) fn resolve_label(label: &str) -> Result<&'static Encoding, IngestError> {
    let found = Encoding::for_label_no_replacement(label.as_bytes()).or_else(|| alias(label));
    match found {
        Some(encoding) => Ok(widen(encoding)),
        None => Err(IngestError::UnknownEncoding(label.to_string())),
    }
}

/// Common spellings that the WHATWG label list lacks (`utf16le`, `cp936`, `cp950`, ...).
fn alias(label: &str) -> Option<&'static Encoding> {
    let key: String = label
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "utf8" => Some(UTF_8),
        "utf16" | "utf16le" | "ucs2le" => Some(UTF_16LE),
        "utf16be" | "ucs2be" => Some(UTF_16BE),
        "gb18030" | "gbk" | "gb2312" | "cp936" | "ms936" | "windows936" => Some(GB18030),
        "big5" | "cp950" | "ms950" | "windows950" => Some(BIG5),
        _ => None,
    }
}

/// GBK is decoded as its superset GB18030; every other encoding is kept.
fn widen(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == GBK { GB18030 } else { encoding }
}

/// The length of a leading BOM if it belongs to `encoding`, else 0.
fn matching_bom_len(bytes: &[u8], encoding: &'static Encoding) -> usize {
    match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => len,
        _ => 0,
    }
}

/// Picks an encoding for unlabelled bytes and how many BOM bytes to skip.
pub(crate) fn detect(bytes: &[u8]) -> (&'static Encoding, usize) {
    if let Some(found) = Encoding::for_bom(bytes) {
        return found;
    }
    if let Some(utf16) = sniff_utf16(bytes) {
        return (utf16, 0);
    }
    if mostly_utf8(bytes) {
        return (UTF_8, 0);
    }
    if let Some(declared) = declared_charset(bytes) {
        return (declared, 0);
    }
    (guess_legacy(bytes), 0)
}

/// The encoding a web page declares for itself (`<meta charset="gbk">`, `<meta
/// http-equiv="Content-Type" content="text/html; charset=big5">`, `<?xml … encoding="…"?>`)
/// in its first kilobytes, when the bytes are not UTF-8 (a page that says UTF-8 but is not
/// is left to detection).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    if head[start] != b'<' {
        return None;
    }
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let find = |needle: &[u8]| lower.windows(needle.len()).position(|w| w == needle);
    let at = find(b"charset=").map(|i| i + 8).or_else(|| {
        let xml = find(b"<?xml")?;
        let enc = lower[xml..].windows(9).position(|w| w == b"encoding=")?;
        Some(xml + enc + 9)
    })?;
    let value: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    let encoding = Encoding::for_label_no_replacement(&value)?;
    (encoding != UTF_8 && !is_utf16(encoding)).then(|| widen(encoding))
}

/// True for UTF-16LE and UTF-16BE.
pub(crate) fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

/// Recognises BOM-less UTF-16 from NULs on one side of most code units (ASCII-heavy text).
pub(crate) fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_LEN)];
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let obvious =
        |heavy: usize, light: usize| heavy >= 2 && heavy * 4 >= units && light * 20 <= heavy;
    if obvious(odd, even) {
        Some(UTF_16LE)
    } else if obvious(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when the bytes are UTF-8, allowing a few stray invalid bytes among many valid non-ASCII chars.
pub(crate) fn mostly_utf8(bytes: &[u8]) -> bool {
    // Valid throughout, the common case, is checked quickly.
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid == 0 || valid >= 16 * invalid
}

/// chardetng's guess for non-UTF-8 bytes (no TLD hint), with GBK widened to GB18030.
pub(crate) fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(DETECT_LEN)], true);
    widen(detector.guess(None, Utf8Detection::Deny))
}

/// The name reported to users: encoding_rs's name, with "gb18030" spelled "GB18030".
pub(crate) fn canonical_name(encoding: &'static Encoding) -> String {
    if encoding == GB18030 {
        "GB18030".to_string()
    } else {
        encoding.name().to_string()
    }
}

/// True when over a tenth of the text is odd controls, or undecodable characters unless `labelled` (a wrong label, not binary).
pub(crate) fn looks_binary(text: &str, labelled: bool) -> bool {
    let bytes = text.as_bytes();
    // Characters are counted by their first bytes; only the bytes that may begin an odd
    // character are looked at closely.
    let total = bytes.iter().filter(|&&b| !is_continuation(b)).count();
    let odd = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| MAY_BE_ODD[usize::from(b)])
        .filter(|&(i, &b)| {
            b.is_ascii() || {
                let c = text[i..].chars().next().unwrap_or_default();
                is_odd_control(c) || (!labelled && is_undecodable(c))
            }
        })
        .count();
    odd * 10 > total
}

/// True for a byte inside a UTF-8 character (10xxxxxx).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The bytes that may begin a character [`looks_binary`] counts: the odd ASCII controls, and
/// the first bytes of U+0080–U+00BF (C1 controls), U+E000–U+FFFF (private use, non-characters,
/// the replacement character) and of every character beyond (their non-characters).
const MAY_BE_ODD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b {
            // The ASCII controls but \t \n \v \f \r and ESC (as `is_odd_control`).
            0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F => true,
            0xC2 | 0xEE | 0xEF | 0xF0..=0xF4 => true,
            _ => false,
        };
        b += 1;
    }
    table
};

/// Control characters that real transcripts never contain (ESC is allowed: coloured text).
fn is_odd_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{1B}')
}

/// Replacement, private-use and non-characters: signs of bytes decoded with the wrong encoding.
fn is_undecodable(c: char) -> bool {
    let private = matches!(c, '\u{E000}'..='\u{F8FF}');
    let nonchar = matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32 & 0xFFFE) == 0xFFFE;
    private || nonchar || c == '\u{FFFD}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`looks_binary`] read plainly: every character decoded and weighed.
    fn looks_binary_plainly(text: &str, labelled: bool) -> bool {
        let total = text.chars().count();
        let odd = text
            .chars()
            .filter(|&c| is_odd_control(c) || (!labelled && is_undecodable(c)))
            .count();
        odd * 10 > total
    }

    proptest! {
        /// Texts of odd and ordinary characters from every UTF-8 length, in any mix.
        #[test]
        fn the_byte_table_weighs_a_text_as_reading_every_character_does(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '\n', '\t', '\r', '\u{0}', '\u{7}', '\u{b}', '\u{1b}', '\u{1c}',
                '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}', '\u{ff}', '\u{100}', '中', '\u{e000}',
                '\u{f8ff}', '\u{fdd0}', '\u{fdef}', '\u{fffd}', '\u{fffe}', '\u{ffff}',
                '\u{ff0c}', '\u{1fffe}', '\u{10ffff}', '\u{1f600}',
            ]), 0..40),
            labelled: bool,
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(looks_binary(&text, labelled), looks_binary_plainly(&text, labelled));
        }

        fn utf8_taken_in_place_reads_as_the_decoder_reads_it(
            bytes in proptest::collection::vec(1u8..=255, 0..64),
            bom in any::<bool>(),
        ) {
            let mut all = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
            all.extend(&bytes);
            let skip = if bom { 3 } else { 0 };
            let want = UTF_8.decode_without_bom_handling(&all[skip..]).0.into_owned();
            prop_assert_eq!(decode_with(all, UTF_8, skip).unwrap().text, want);
        }
    }

    #[test]
    fn bom_wins_over_content() {
        assert_eq!(detect(b"\xEF\xBB\xBFabc"), (UTF_8, 3));
        assert_eq!(detect(b"\xFF\xFEa\0"), (UTF_16LE, 2));
        assert_eq!(detect(b"\xFE\xFF\0a"), (UTF_16BE, 2));
    }

    #[test]
    fn utf16_without_bom_is_sniffed_from_nuls() {
        let le: Vec<u8> = "Operator: good morning"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Operator: good morning"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(sniff_utf16(&le), Some(UTF_16LE));
        assert_eq!(sniff_utf16(&be), Some(UTF_16BE));
        assert_eq!(sniff_utf16(b"plain ascii text"), None);
        assert_eq!(sniff_utf16(b"a\0"), None);
    }

    #[test]
    fn stray_invalid_byte_in_long_utf8_stays_utf8() {
        let mut bytes = "营业收入同比增长百分之十二，毛利率有所提高。"
            .repeat(2)
            .into_bytes();
        bytes.push(0xFF);
        assert!(mostly_utf8(&bytes));
        let (gbk, _, _) = GB18030.encode("营业收入同比增长百分之十二，毛利率有所提高。");
        assert!(!mostly_utf8(&gbk));
    }

    #[test]
    fn labels_resolve_to_canonical_encodings() {
        assert_eq!(resolve_label("gbk").unwrap(), GB18030);
        assert_eq!(resolve_label("GB2312").unwrap(), GB18030);
        assert_eq!(resolve_label(" big5 ").unwrap(), BIG5);
        assert_eq!(resolve_label("utf-16le").unwrap(), UTF_16LE);
        assert_eq!(resolve_label("UTF16BE").unwrap(), UTF_16BE);
        assert_eq!(resolve_label("cp936").unwrap(), GB18030);
        assert!(
            matches!(resolve_label("klingon"), Err(IngestError::UnknownEncoding(l)) if l == "klingon")
        );
        assert!(
            resolve_label("iso-2022-kr").is_err(),
            "the replacement encoding is not offered"
        );
    }

    #[test]
    fn names_are_canonical() {
        assert_eq!(canonical_name(GB18030), "GB18030");
        assert_eq!(canonical_name(BIG5), "Big5");
        assert_eq!(canonical_name(UTF_16LE), "UTF-16LE");
        assert_eq!(canonical_name(UTF_8), "UTF-8");
    }

    #[test]
    fn binary_heuristic_counts_odd_characters() {
        assert!(!looks_binary(
            "Operator: welcome.\n\u{1b}[1mBold\u{1b}[0m",
            false
        ));
        assert!(looks_binary("\u{1}\u{2}\u{3}ab", false));
        assert!(looks_binary("\u{1}\u{2}\u{3}ab", true));
        assert!(looks_binary("\u{FFFD}\u{FFFD}abc", false));
        assert!(!looks_binary("\u{FFFD}\u{FFFD}abc", true));
        assert!(looks_binary("\u{E000}\u{E001}abc", false));
        assert!(!looks_binary("\u{E000}\u{E001}abc", true));
        assert!(!looks_binary("谢谢，下一个问题。", false));
    }

    #[test]
    fn nul_bytes_outside_utf16_mean_binary() {
        assert!(matches!(
            decode_raw(b"abc\0def", None),
            Err(IngestError::Binary)
        ));
        assert!(matches!(
            decode_raw(b"abc\0def", Some("utf-8")),
            Err(IngestError::Binary)
        ));
        assert_eq!(decode_raw(b"a\0b\0", Some("utf-16le")).unwrap().text, "ab");
    }
}
