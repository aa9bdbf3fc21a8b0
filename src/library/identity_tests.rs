use super::*;
use crate::transcript::{Lang, Speaker, Turn};

/// A call with `company`, `title`, lines before the call, and paragraphs.
fn call(
    company: Option<&str>,
    title: Option<&str>,
    front: &[&str],
    paras: Vec<Block>,
) -> Transcript {
    let langs = {
        let en = paras
            .iter()
            .any(|b| matches!(b, Block::Para { en: Some(_), .. }));
        let zh = paras
            .iter()
            .any(|b| matches!(b, Block::Para { zh: Some(_), .. }));
        [(en, Lang::En), (zh, Lang::Zh)]
            .into_iter()
            .filter_map(|(h, l)| h.then_some(l))
            .collect()
    };
    Transcript {
        company: company.map(Into::into),
        title: title.map(Into::into),
        front_matter: front.iter().map(|s| s.to_string()).collect(),
        languages: langs,
        speakers: vec![Speaker {
            name: "Pat Lee".into(),
            ..Default::default()
        }],
        turns: vec![Turn {
            blocks: paras,
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn keys_set_legal_words_case_punctuation_and_script_aside() {
    assert_eq!(key("Amazon.com, Inc."), "amazon");
    assert_eq!(key("Amazon.com"), "amazon");
    assert_eq!(key("AMAZON"), "amazon");
    assert_eq!(key("Harbor Lights Holdings Corporation"), "harbor lights");
    assert_eq!(key("The Walt Disney Company"), "walt disney");
    assert_eq!(key("亞馬遜"), key("亚马逊"));
    assert_eq!(key("蓝湾科技集团"), "蓝湾科技");
    assert_eq!(
        key("Group"),
        "group",
        "a name of such words alone keeps them"
    );
}

#[test]
fn tickers_in_every_usual_form() {
    let t = call(
        Some("Harbor Lights, Inc."),
        Some("Harbor Lights, Inc. (NASDAQ:HBLT) Q2 2025 Earnings Call"),
        &["Ticker: HBL2"],
        vec![Block::en("Welcome.")],
    );
    let id = of(&t);
    assert_eq!(id.names, ["Harbor Lights, Inc."]);
    assert_eq!(id.tickers, ["HBLT"], "HBL2 is not a ticker's shape");
    let zh = call(
        Some("蓝湾"),
        None,
        &["蓝湾（HBLT.US）公布第二季度业绩", "股票代码：09988.HK"],
        vec![Block::zh("欢迎。")],
    );
    let id = of(&zh);
    assert_eq!(id.tickers, ["HBLT", "9988.HK"]);
    assert_eq!(from_company("HBLT").tickers, ["HBLT"]);
    assert_eq!(
        from_company("HBLT").names,
        ["HBLT"],
        "capitals are a name too"
    );
}

#[test]
fn a_name_in_the_other_script_written_after_the_company() {
    let t = call(
        Some("蓝湾"),
        Some("蓝湾（Harbor Lights）第二季度电话会"),
        &[],
        vec![Block::zh("蓝湾 (Harbor Lights) 今天公布了业绩。")],
    );
    assert_eq!(of(&t).names, ["蓝湾", "Harbor Lights"]);
    let both = from_company("Harbor Lights (蓝湾)");
    assert_eq!(both.names, ["Harbor Lights", "蓝湾"]);
}

#[test]
fn a_bilingual_call_teaches_the_chinese_name() {
    let pair = |en: &str, zh: &str| Block::Para {
        en: Some(en.into()),
        zh: Some(zh.into()),
    };
    let t = call(
        Some("Harbor Lights Inc."),
        None,
        &[],
        vec![
            pair("Welcome to Harbor Lights.", "欢迎来到蓝湾灯塔公司。"),
            pair("Harbor Lights grew.", "我们看到蓝湾灯塔增长。"),
            pair("We thank you.", "我们感谢你们。"),
            pair("At Harbor Lights, we build.", "在蓝湾灯塔，我们建设。"),
            pair("Our margins rose.", "我们的利润率上升了。"),
            pair("Our customers are happy.", "我们的客户很满意。"),
        ],
    );
    assert_eq!(of(&t).names, ["Harbor Lights Inc.", "蓝湾灯塔"]);
}

#[test]
fn companies_meet_through_names_tickers_and_learned_names() {
    let mut c = Companies::new(&BTreeMap::new(), ChineseScript::Simplified);
    let en = Identity {
        names: vec!["Harbor Lights, Inc.".into()],
        tickers: vec!["HBLT".into()],
    };
    let ticker_only = from_company("HBLT");
    let zh_trad = from_company("藍灣");
    let bilingual = Identity {
        names: vec!["Harbor Lights".into(), "蓝湾".into()],
        tickers: vec![],
    };
    assert!(!c.add(&en));
    assert!(
        !c.add(&ticker_only),
        "the ticker joins it to the first, nothing apart"
    );
    assert!(!c.add(&zh_trad));
    assert_ne!(c.company(&en), c.company(&zh_trad), "not known to meet yet");
    assert!(c.add(&bilingual), "the bilingual call joins two companies");
    let shown = c.company(&zh_trad).unwrap();
    assert_eq!(shown, c.company(&en).unwrap());
    assert_eq!(
        shown.1, "Harbor Lights (蓝湾)",
        "Latin name, Chinese in the user's script"
    );
    let other = from_company("Harbor Freight");
    c.add(&other);
    assert_ne!(c.company(&other), c.company(&en));
}

#[test]
fn aliases_join_and_name_companies() {
    let aliases = BTreeMap::from([(
        "Lights".to_string(),
        vec![
            "Harbor Lights".to_string(),
            "灯塔".to_string(),
            "HBLT".to_string(),
        ],
    )]);
    let mut c = Companies::new(&aliases, ChineseScript::Original);
    let zh = from_company("灯塔");
    let en = from_company("Harbor Lights Corporation");
    c.add(&zh);
    c.add(&en);
    assert_eq!(c.company(&zh).unwrap().1, "Lights");
    assert_eq!(c.company(&en).unwrap().1, "Lights");
}

#[test]
fn the_name_most_calls_use_is_shown_whatever_the_order_they_come_in() {
    let ids = [
        Identity {
            names: vec!["亞馬遜".into(), "Amazon.com".into()],
            tickers: vec![],
        },
        from_company("亚马逊"),
        from_company("亚马逊"),
        Identity {
            names: vec!["Amazon.com, Inc.".into(), "亚马逊".into()],
            tickers: vec!["AMZN".into()],
        },
        Identity {
            names: vec!["Amazon.com".into(), "亞馬遜".into()],
            tickers: vec![],
        },
    ];
    for rot in 0..ids.len() {
        let mut c = Companies::new(&BTreeMap::new(), ChineseScript::Original);
        for k in 0..ids.len() {
            c.add(&ids[(k + rot) % ids.len()]);
        }
        for id in &ids {
            assert_eq!(
                c.company(id).unwrap().1,
                "Amazon.com (亚马逊)",
                "rotation {rot}"
            );
        }
    }
}
