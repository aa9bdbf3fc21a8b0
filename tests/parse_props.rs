//! Arbitrary input never panics the ingestion and parsing pipeline.

use proptest::prelude::*;

/// Lines that look like the pieces of real transcripts, so the parser's branches are reached.
fn transcript_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Operator".to_string()),
        Just("运营商".to_string()),
        Just("Company Participants".to_string()),
        Just("Conference Call Participants".to_string()),
        Just("Jane Q. Example - CFO".to_string()),
        Just("Tom Brandt - Halvorsen Partners".to_string()),
        Just("**主持人：** 欢迎参加 2026 年第一季度电话会议。".to_string()),
        Just("王小明（首席执行官）：谢谢。".to_string()),
        Just("作者說明:".to_string()),
        Just(
            "Our first question comes from the line of Tom Brandt with Halvorsen. Please go ahead."
                .to_string()
        ),
        Just("下一个问题来自北辰证券的分析师张伟。".to_string()),
        Just("Questions and Answers".to_string()),
        Just("我们的评论仅代表截至 2026 年 2 月 5 日的观点，截至目前為止並非常重要。".to_string()),
        Just("views as of today, February 1, 2024, only".to_string()),
        Just("---".to_string()),
        // Times in speech, after a Han label and a Latin one (found by fuzzing).
        Just("主持人：各位好，今天的会议于 10:00 开始，欢迎参加。".to_string()),
        Just("Operator: Good morning, and welcome. The call starts at 8:30 Eastern.".to_string()),
        Just("[00:01:23] Jane Q. Example: Thank you.".to_string()),
        // A timestamped label inside another label's speech (found by the hostile test).
        Just("林嘉・沃森：我们认为可. Jane Roe (00:00:40): Thank you.".to_string()),
        Just("Keith Weiss--Morgan Stanley -- Analyst".to_string()),
        Just("DANA WHITFIELD, NORTHWIND CAPITAL:  Good morning, both.".to_string()),
        Just("**W. Chiu** (Analysts):".to_string()),
        Just("**王志远： **".to_string()),
        Just("问：下半年需求如何？".to_string()),
        Just("Gavin: Thanks, everyone.".to_string()),
        Just("  [ 12] [EN] Keith Lane:Thanks.".to_string()),
        Just("       [中] 基思·莱恩：谢谢。".to_string()),
        Just("Ben Lowe Analyst at Harbor Bank Thank you. How is demand?".to_string()),
        Just("Operator Operator Our first question comes from Ben Lowe.".to_string()),
        Just("瑞银(27.38, -0.11, -0.40%)分析师Karl Lane：恭喜。".to_string()),
        Just(String::new()),
        "[ -~]{0,80}",
        "[\\u{4e00}-\\u{4fff}，。：（）·]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(d) = tandem::ingest::decode(&bytes, None) {
            let t = tandem::transcript::parse(&d.text);
            prop_assert!(t.turns.iter().all(|x| x.speaker < t.speakers.len()));
        }
    }

    #[test]
    fn transcript_like_text_never_panics(lines in proptest::collection::vec(transcript_line(), 0..60)) {
        let text = lines.join("\n");
        let t = tandem::transcript::parse(&tandem::ingest::clean(&text));
        prop_assert!(t.turns.iter().all(|x| x.speaker < t.speakers.len() && !x.blocks.is_empty()));
        for q in &t.questions {
            prop_assert!(q.analyst < t.speakers.len());
            prop_assert!(q.turns.iter().all(|&i| i < t.turns.len()));
        }
        prop_assert!(serde_json::to_string(&t).is_ok());
    }
}

/// Times in speech are speech: the label ends at its own colon, wherever a time comes after.
#[test]
fn a_time_in_the_speech_is_not_part_of_the_label() {
    let t = tandem::transcript::parse(
        "林嘉・沃森：我们认为可行。Jane Roe (00:00:40): Thank you.\n\n林嘉・沃森：谢谢。\n",
    );
    assert!(
        t.speakers
            .iter()
            .any(|s| s.name == "林嘉・沃森" || s.name == "林嘉·沃森"),
        "{:?}",
        t.speakers
    );
    let t = tandem::transcript::parse("主持人：各位好，今天的会议于 10:00 开始，欢迎参加。\n");
    let text: String = t
        .turns
        .iter()
        .flat_map(|x| &x.blocks)
        .map(|b| format!("{b:?}"))
        .collect();
    assert!(text.contains("各位好"), "{text}");
    let t = tandem::transcript::parse(
        "Operator: Good morning, and welcome. The call starts at 8:30 Eastern.\n\n\
         Operator: Our first question comes from Ann Lee.\n",
    );
    let first = format!("{:?}", t.turns[0].blocks[0]);
    assert!(first.contains("Good morning, and welcome"), "{first}");
}
