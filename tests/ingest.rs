//! Ingestion: encodings in, clean text out, and every way a file can be refused.

use std::io::Write;

use encoding_rs::{BIG5, GB18030, UTF_8};
use proptest::prelude::*;
use tandem::ingest::{self, Decoded, IngestError};

/// A Simplified Chinese line as it appears in a mainland transcript.
const SIMPLIFIED: &str = "各位投资者大家好，欢迎参加本公司2024年第三季度业绩电话会议。";

/// A Traditional Chinese line as it appears in a Hong Kong or Taiwan transcript.
const TRADITIONAL: &str = "各位投資者大家好，歡迎參加本公司2024年第三季度業績電話會議。";

/// An English line.
const ENGLISH: &str = "Operator: Good morning, and welcome to the third quarter earnings call.";

/// Encodes `text` with a legacy encoding, asserting it is representable.
fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, used, unmappable) = encoding.encode(text);
    assert_eq!(
        used,
        encoding,
        "{} cannot be an output encoding",
        encoding.name()
    );
    assert!(!unmappable, "text not representable in {}", encoding.name());
    bytes.into_owned()
}

/// UTF-16 bytes of `text`, little- or big-endian, with an optional BOM.
fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let units = std::iter::once(0xFEFF)
        .filter(|_| bom)
        .chain(text.encode_utf16());
    units
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

/// Decodes without a label, panicking with the error if refused.
fn detect(bytes: &[u8]) -> Decoded {
    ingest::decode(bytes, None).unwrap_or_else(|e| panic!("refused: {e}"))
}

#[test]
fn utf8_round_trip() {
    let text = format!("{ENGLISH}\n{SIMPLIFIED}");
    assert_eq!(
        detect(text.as_bytes()),
        Decoded {
            text,
            encoding: "UTF-8".into(),
            speakers: vec![],
            hard_wrapped: false,
        }
    );
}

#[test]
fn utf8_bom_is_dropped() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), ENGLISH.as_bytes()].concat();
    let decoded = detect(&bytes);
    assert_eq!(decoded.text, ENGLISH);
    assert_eq!(decoded.encoding, "UTF-8");
}

#[test]
fn utf16_with_bom_round_trip() {
    let text = format!("{ENGLISH}\n{SIMPLIFIED}");
    let le = detect(&utf16(&text, true, true));
    assert_eq!(
        (le.text.as_str(), le.encoding.as_str()),
        (text.as_str(), "UTF-16LE")
    );
    let be = detect(&utf16(&text, false, true));
    assert_eq!(
        (be.text.as_str(), be.encoding.as_str()),
        (text.as_str(), "UTF-16BE")
    );
}

#[test]
fn utf16_newline_bytes_inside_characters_survive() {
    // U+0A0F, U+0D0A and U+4E0A contain the bytes of "\n" and "\r" but are not newlines.
    let text = "\u{0A0F}\u{0A13} \u{0D0A}\u{0D15} \u{4E0A}";
    assert_eq!(detect(&utf16(text, true, true)).text, text);
    assert_eq!(detect(&utf16(text, false, true)).text, text);
}

#[test]
fn utf16_without_bom_is_recognised_when_ascii_heavy() {
    let text = format!("{ENGLISH}\n{SIMPLIFIED}\n{ENGLISH}");
    let le = detect(&utf16(&text, true, false));
    assert_eq!(
        (le.text.as_str(), le.encoding.as_str()),
        (text.as_str(), "UTF-16LE")
    );
    let be = detect(&utf16(&text, false, false));
    assert_eq!(
        (be.text.as_str(), be.encoding.as_str()),
        (text.as_str(), "UTF-16BE")
    );
}

#[test]
fn simplified_chinese_in_gb18030_is_detected() {
    let decoded = detect(&encode(GB18030, SIMPLIFIED));
    assert_eq!(
        decoded,
        Decoded {
            text: SIMPLIFIED.into(),
            encoding: "GB18030".into(),
            speakers: vec![],
            hard_wrapped: false,
        }
    );
}

#[test]
fn traditional_chinese_in_big5_is_detected() {
    let decoded = detect(&encode(BIG5, TRADITIONAL));
    assert_eq!(
        decoded,
        Decoded {
            text: TRADITIONAL.into(),
            encoding: "Big5".into(),
            speakers: vec![],
            hard_wrapped: false,
        }
    );
}

#[test]
fn short_chinese_lines_are_told_apart() {
    let pairs = [
        ("谢谢大家。", "謝謝大家。"),
        ("问题：毛利率", "問題：毛利率"),
        ("好的，谢谢。", "好的，謝謝。"),
        ("公司财务总监：谢谢。", "公司財務總監：謝謝。"),
        (
            "请问管理层对明年的展望如何？",
            "請問管理層對明年的展望如何？",
        ),
    ];
    for (simplified, traditional) in pairs {
        let gb = detect(&encode(GB18030, simplified));
        assert_eq!(
            (gb.text.as_str(), gb.encoding.as_str()),
            (simplified, "GB18030")
        );
        let big5 = detect(&encode(BIG5, traditional));
        assert_eq!(
            (big5.text.as_str(), big5.encoding.as_str()),
            (traditional, "Big5")
        );
    }
}

#[test]
fn mixed_english_and_chinese_in_gbk() {
    let text = format!("{ENGLISH}\n\n主持人：{SIMPLIFIED}\n");
    let decoded = detect(&encode(GB18030, &text));
    assert_eq!(decoded.encoding, "GB18030");
    assert_eq!(decoded.text, text);
}

#[test]
fn label_overrides_detection() {
    let bytes = encode(BIG5, TRADITIONAL);
    let forced = ingest::decode(&bytes, Some("gbk")).unwrap_err();
    assert!(
        matches!(forced, IngestError::WrongEncoding { ref encoding, malformed } if encoding == "GB18030" && malformed > 8),
        "Big5 bytes read as GBK turn into private-use characters: refused, {forced:?}"
    );
    let right = ingest::decode(&bytes, Some("big5")).unwrap();
    assert_eq!(right.text, TRADITIONAL);
}

#[test]
fn labels_for_every_supported_encoding() {
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("utf-8", SIMPLIFIED.as_bytes().to_vec(), "UTF-8"),
        ("gb2312", encode(GB18030, SIMPLIFIED), "GB18030"),
        ("GB18030", encode(GB18030, SIMPLIFIED), "GB18030"),
        ("Big5", encode(BIG5, TRADITIONAL), "Big5"),
        ("utf-16le", utf16(SIMPLIFIED, true, false), "UTF-16LE"),
        ("utf-16be", utf16(SIMPLIFIED, false, true), "UTF-16BE"),
    ];
    for (label, bytes, name) in cases {
        let decoded = ingest::decode(&bytes, Some(label)).unwrap();
        assert_eq!(decoded.encoding, name, "label {label}");
        assert!(
            decoded.text.ends_with("业绩电话会议。") || decoded.text.ends_with("業績電話會議。")
        );
        assert!(!decoded.text.contains('\u{FEFF}'), "label {label}");
    }
}

#[test]
fn unknown_label_is_refused() {
    let err = ingest::decode(b"hello", Some("klingon-8")).unwrap_err();
    assert_eq!(err, IngestError::UnknownEncoding("klingon-8".into()));
    assert!(
        err.to_string().starts_with("unknown encoding 'klingon-8'"),
        "{err}"
    );
}

#[test]
fn legacy_western_text_still_decodes() {
    let text = "CEO: a \u{201C}record\u{201D} quarter \u{2014} caf\u{E9} sales up 5%, na\u{EF}ve";
    let decoded = detect(&encode(encoding_rs::WINDOWS_1252, text));
    assert_eq!(decoded.text, text, "decoded as {}", decoded.encoding);
}

#[test]
fn empty_and_blank_input_is_empty() {
    for bytes in [
        &b""[..],
        b"   \n\t\r\n",
        "\u{3000}\u{FEFF}\n".as_bytes(),
        b"\x1b[0m\n",
    ] {
        assert_eq!(
            ingest::decode(bytes, None),
            Err(IngestError::Empty),
            "{bytes:?}"
        );
    }
    assert_eq!(ingest::decode(b"", Some("big5")), Err(IngestError::Empty));
}

#[test]
fn binary_input_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert_eq!(ingest::decode(png, None), Err(IngestError::Binary));
    let controls: Vec<u8> = (1u8..32).cycle().take(600).collect();
    assert_eq!(ingest::decode(&controls, None), Err(IngestError::Binary));
    assert_eq!(
        ingest::decode(&pseudo_random(4096), None),
        Err(IngestError::Binary)
    );
}

#[test]
fn crlf_and_cr_become_lf() {
    let decoded = detect(b"Operator: hi\r\nCEO: hello\rCFO: thanks\r\n");
    assert_eq!(decoded.text, "Operator: hi\nCEO: hello\nCFO: thanks\n");
}

#[test]
fn terminal_escapes_are_stripped_whole() {
    let osc8 = "Read \x1b]8;;https://attacker.example/x\x1b\\the release\x1b]8;;\x1b\\ now.";
    assert_eq!(detect(osc8.as_bytes()).text, "Read the release now.");
    let csi = "\x1b[1;31mRevenue\x1b[0m rose \x1b[38;5;82m12%\x1b[m.";
    assert_eq!(detect(csi.as_bytes()).text, "Revenue rose 12%.");
    let osc52 = "Thanks.\x1b]52;c;cm0gLXJmIH4=\x07 Next question.";
    assert_eq!(detect(osc52.as_bytes()).text, "Thanks. Next question.");
}

#[test]
fn spacing_characters_are_plain_spaces() {
    let text = "\u{3000}\u{3000}我们的毛利率有所提高。\nRevenue:\u{A0}$1.2\u{202F}bn\u{2007}up";
    assert_eq!(
        detect(text.as_bytes()).text,
        "  我们的毛利率有所提高。\nRevenue: $1.2 bn up"
    );
}

#[test]
fn bidi_controls_are_removed() {
    let text = "CFO: margin \u{202E}%04\u{202C} and \u{2067}x\u{2069}";
    assert_eq!(detect(text.as_bytes()).text, "CFO: margin %04 and x");
}

#[test]
fn clean_keeps_full_width_punctuation() {
    let text = "分析师（高盛）：请问，毛利率；展望？谢谢！";
    assert_eq!(ingest::clean(text), text);
}

#[test]
fn read_path_reports_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let err = ingest::read_path(&dir.path().join("nope.txt"), None).unwrap_err();
    assert_eq!(err, IngestError::NotFound);
}

#[test]
fn read_path_refuses_directories() {
    let dir = tempfile::tempdir().unwrap();
    let err = ingest::read_path(dir.path(), None).unwrap_err();
    assert_eq!(err, IngestError::Unreadable("it is a directory".into()));
    assert_eq!(err.to_string(), "cannot read: it is a directory");
}

#[test]
fn read_path_decodes_files() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(&encode(GB18030, &format!("{SIMPLIFIED}\r\n")))
        .unwrap();
    let decoded = ingest::read_path(file.path(), None).unwrap();
    assert_eq!(
        decoded,
        Decoded {
            text: format!("{SIMPLIFIED}\n"),
            encoding: "GB18030".into(),
            speakers: vec![],
            hard_wrapped: false,
        }
    );
    let forced = ingest::read_path(file.path(), Some("utf-8")).unwrap_err();
    assert!(
        matches!(forced, IngestError::WrongEncoding { ref encoding, .. } if encoding == UTF_8.name()),
        "a wrong label is refused: {forced:?}"
    );
}

/// Deterministic noise with NULs (xorshift), like a compressed or executable file.
fn pseudo_random(len: usize) -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// True when the text could be shown on a terminal without side effects.
fn is_terminal_safe(text: &str) -> bool {
    text.chars().all(|c| c == '\n' || !c.is_control())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_never_panics_and_output_is_safe(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(decoded) = ingest::decode(&bytes, None) {
            prop_assert!(is_terminal_safe(&decoded.text), "{:?}", decoded.text);
            prop_assert!(!decoded.text.trim().is_empty());
        }
    }

    #[test]
    fn decode_with_labels_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512),
                                      label in "(utf-8|utf-16le|utf-16be|gbk|big5|[a-z0-9-]{0,12})") {
        if let Ok(decoded) = ingest::decode(&bytes, Some(&label)) {
            prop_assert!(is_terminal_safe(&decoded.text), "{:?}", decoded.text);
        }
    }

    #[test]
    fn clean_output_is_safe_and_stable(text in "\\PC*|[\\x00-\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{3000}\\u{feff}\\t\\r]{0,64}") {
        let cleaned = ingest::clean(&text);
        prop_assert!(is_terminal_safe(&cleaned), "{:?}", cleaned);
        let banned = ['\u{202E}', '\u{FEFF}', '\t', '\r'];
        prop_assert!(!cleaned.contains(banned), "{:?}", cleaned);
        prop_assert!(cleaned.lines().all(|l| l.trim_end() == l));
        prop_assert_eq!(ingest::clean(&cleaned), cleaned.clone());
    }

    #[test]
    fn decode_of_arbitrary_strings_is_safe(text in any::<String>()) {
        if let Ok(decoded) = ingest::decode(text.as_bytes(), None) {
            prop_assert!(is_terminal_safe(&decoded.text), "{:?}", decoded.text);
        }
    }

    #[test]
    fn clean_handles_arbitrary_strings(text in any::<String>()) {
        let cleaned = ingest::clean(&text);
        prop_assert!(is_terminal_safe(&cleaned), "{:?}", cleaned);
    }
}

#[test]
fn a_legacy_label_on_utf8_text_is_refused() {
    let text = format!("{ENGLISH}\n\n主持人：{SIMPLIFIED}\n");
    let err = ingest::decode(text.as_bytes(), Some("latin1")).unwrap_err();
    assert!(err.to_string().contains("this is UTF-8 text"), "{err}");
    assert!(
        ingest::decode(ENGLISH.as_bytes(), Some("latin1")).is_ok(),
        "ASCII reads the same"
    );
}

#[test]
fn a_label_that_leaves_much_undecodable_is_refused_a_stray_byte_is_not() {
    let text = format!("{ENGLISH}\n\n主持人：{SIMPLIFIED}\n").repeat(20);
    let gb = encode(GB18030, &text);
    let err = ingest::decode(&gb, Some("utf-8")).unwrap_err();
    assert!(
        matches!(err, IngestError::WrongEncoding { ref encoding, malformed } if encoding == "UTF-8" && malformed > 8),
        "{err:?}"
    );
    assert!(err.to_string().contains("not UTF-8 text"), "{err}");
    assert!(err.to_string().contains("--encoding"), "{err}");
    let mut stray = text.into_bytes();
    stray.insert(100, 0xFF);
    let decoded = ingest::decode(&stray, Some("utf-8")).unwrap();
    assert_eq!(
        decoded.text.matches('\u{FFFD}').count(),
        1,
        "one stray byte is let through"
    );
}

#[test]
fn a_page_is_decoded_in_the_charset_it_declares() {
    // Words too short for detection to tell the encoding (`謝謝` in GBK reads as Big5,
    // `你好` as EUC-KR): the page says what it is, in either form of the declaration.
    let cases = [
        ("<meta charset=\"gbk\">", "謝謝", encoding_rs::GBK),
        (
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
            "你好",
            encoding_rs::GBK,
        ),
        ("<meta charset='big5'>", "謝謝", encoding_rs::BIG5),
    ];
    for (meta, words, enc) in cases {
        let page =
            format!("<!DOCTYPE html><html><head>{meta}</head><body><p>{words}</p></body></html>");
        let (bytes, _, unmappable) = enc.encode(&page);
        assert!(!unmappable, "{meta}");
        let d = detect(&bytes);
        assert_eq!(d.text, format!("{words}\n"), "{meta}: {}", d.encoding);
    }
}
