use super::analyze;
use crate::transcript::model::{Block, Speaker, Transcript, Turn};

/// English sentences and their translations as they are commonly written, with the number of
/// figure pairs each must give: rounding, 万 and 亿, words and numerals, points and basis
/// points, multiples counted as increases, dates, times, codes and product names.
const TYPICAL: &[(&str, &str, usize)] = &[
    (
        "EPS was $1.43 per diluted share.",
        "每股摊薄收益为 1.43 美元。",
        1,
    ),
    (
        "We repurchased 12.5 million shares for $1.2 billion.",
        "我们以 12 亿美元回购了 1,250 万股。",
        2,
    ),
    (
        "Headcount was roughly 1.5 million.",
        "员工人数约为 150 万。",
        1,
    ),
    (
        "We expect capex of approximately $100 billion.",
        "预计资本支出约为 1,000 亿美元。",
        1,
    ),
    (
        "Revenue grew in the high single digits.",
        "营收实现了高个位数增长。",
        0,
    ),
    (
        "Sales were up 12% in constant currency.",
        "按固定汇率计算，销售额增长 12%。",
        1,
    ),
    (
        "Margins expanded 250 basis points to 31.5%.",
        "利润率扩大 2.5 个百分点至 31.5%。",
        2,
    ),
    (
        "Two-thirds of our customers use it.",
        "三分之二的客户在使用它。",
        1,
    ),
    (
        "We signed a 10-year agreement.",
        "我们签署了一份为期 10 年的协议。",
        1,
    ),
    ("Over the next three to five years.", "未来三到五年。", 1),
    ("In the first half of 2025.", "2025 年上半年。", 1),
    (
        "Q3 revenue was RMB 25.3 billion.",
        "第三季度营收为 253 亿元人民币。",
        2,
    ),
    ("ARPU was $45.", "ARPU 为 45 美元。", 1),
    (
        "We have about 4,000 employees.",
        "我们约有 4000 名员工。",
        1,
    ),
    (
        "Margin was down 0.5 percentage point.",
        "利润率下降 0.5 个百分点。",
        1,
    ),
    (
        "Expect a 15 to 20 basis point impact.",
        "预计影响为 15 至 20 个基点。",
        2,
    ),
    (
        "One in four customers buys it.",
        "四分之一的客户购买它。",
        0,
    ),
    ("It's a $3.5B business.", "这是一项 35 亿美元的业务。", 1),
    ("Units grew 3x.", "销量增长了 2 倍。", 1),
    ("We are in over 200 cities.", "我们已进入 200 多个城市。", 1),
    (
        "We opened it more than 20 years ago.",
        "我们在 20 多年前开设了它。",
        1,
    ),
    ("A 50,000 square-foot site.", "一座 5 万平方英尺的站点。", 1),
    (
        "A one-time charge of $1.1 billion.",
        "11 亿美元的一次性费用。",
        1,
    ),
    ("As of June 30, 2025.", "截至 2025 年 6 月 30 日。", 2),
    ("For fiscal year 2026.", "2026 财年。", 1),
    ("We hired 10,000 people.", "我们招聘了 1 万人。", 1),
    ("A dividend of $0.25 per share.", "每股 25 美分的股息。", 1),
    (
        "The call starts at 9:30 a.m. Eastern.",
        "电话会议于美东时间上午 9:30 开始。",
        0,
    ),
    ("See page 12 of the slides.", "请参阅幻灯片第 12 页。", 1),
    ("Leverage is 2.5x.", "杠杆率为 2.5 倍。", 1),
    ("We filed our 20-F.", "我们提交了 20-F 表格。", 0),
    ("It beat the S&P 500.", "它跑赢了标普 500。", 1),
    ("It runs on Windows 11.", "它在 Windows 11 上运行。", 1),
    ("Hundreds of millions of dollars.", "数亿美元。", 0),
    ("A $20 billion buyback.", "200 亿美元的回购。", 1),
    ("Revenue of $36.2 million.", "营收为 3,620 万美元。", 1),
    ("We sold 3.2 million units.", "我们售出 320 万台。", 1),
    (
        "Gross margin was up 1.5 points.",
        "毛利率提升 1.5 个百分点。",
        1,
    ),
    ("Revenue was up 100%.", "营收增长了 1 倍。", 1),
    ("It grew 200% year over year.", "同比增长 2 倍。", 1),
    ("A one-and-a-half times increase.", "增长 1.5 倍。", 1),
    (
        "It is the fourth quarter in a row.",
        "这是连续第四个季度。",
        0,
    ),
    (
        "We grew in the mid-teens.",
        "我们实现了 15% 左右的增长。",
        0,
    ),
    (
        "Down 5% sequentially and 7% year over year.",
        "环比下降 5%，同比下降 7%。",
        2,
    ),
    ("A 2-for-1 stock split.", "1 拆 2 的股票分割。", 2),
    ("Orders of 1.2 million per day.", "每天 120 万单。", 1),
    (
        "We have 1,000-plus engineers.",
        "我们有 1000 多名工程师。",
        1,
    ),
    (
        "That's $1 billion-plus in savings.",
        "节省逾 10 亿美元。",
        1,
    ),
    (
        "Gross bookings hit $10.3bn.",
        "总预订额达到 103 亿美元。",
        1,
    ),
    ("A 24/7 service.", "全天候服务。", 0),
    ("Around 30% to 35%.", "约 30%-35%。", 2),
    ("Between 5% and 7% growth.", "增长 5% 至 7%。", 2),
];

/// A call of one paragraph.
fn one_paragraph(en: &str, zh: &str) -> Transcript {
    let para = Block::Para {
        en: Some(en.into()),
        zh: Some(zh.into()),
    };
    Transcript {
        speakers: vec![Speaker::default()],
        turns: vec![Turn {
            blocks: vec![para],
            ..Turn::default()
        }],
        ..Transcript::default()
    }
}

#[test]
fn typical_translations_pair_and_raise_nothing() {
    for &(en, zh, pairs) in TYPICAL {
        let a = analyze(&one_paragraph(en, zh));
        assert_eq!(
            (a.pairs, a.mismatches.len()),
            (pairs, 0),
            "{en} / {zh}: {a:?}"
        );
    }
}

#[test]
fn a_wrong_figure_in_a_typical_sentence_is_raised() {
    let a = analyze(&one_paragraph("Revenue was up 100%.", "营收增长了 3 倍。"));
    assert_eq!(a.mismatches.len(), 1);
    let a = analyze(&one_paragraph(
        "Gross margin was up 1.5 points.",
        "毛利率提升 15 个百分点。",
    ));
    assert_eq!(a.mismatches[0].reason, super::Reason::Scale(1));
}
