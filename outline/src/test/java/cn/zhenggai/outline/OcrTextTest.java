package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OCR's bracket, punctuation, space and digit confusions are undone; text that was read right stays as it was. */
class OcrTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // a notice reference's year in the wrong brackets
        "根据区委《关于开好2024年度民主生活会的通知》（区委发【2024]5号）| 根据区委《关于开好2024年度民主生活会的通知》（区委发〔2024〕5号）",
        "区委办发[2024]12号                | 区委办发〔2024〕12号",
        "市委发(2023)7号                    | 市委发〔2023〕7号",
        "第一议题制度(2021年修订版)已印发     | 第一议题制度（2021年修订版）已印发",
        "（*发〔2022〕12                     | （*发〔2022〕12",
        "（*发【2022]12                      | （*发〔2022〕12",
        "市委组通字［2021］ 3 号             | 市委组通字〔2021〕3 号",
        // ASCII punctuation next to Chinese
        "本人认真学习,广泛征求意见;深入查摆问题:一是 | 本人认真学习，广泛征求意见；深入查摆问题：一是",
        "(一)强化理论武装                     | （一）强化理论武装",
        "比如(见附件),全年*次                  | 比如（见附件），全年*次",
        "(1）加强学习                          | （1）加强学习",
        "通知》(*发〔2022〕12                  | 通知》（*发〔2022〕12",
        "号)有关要求                          | 号）有关要求",
        "是否落实到位?                        | 是否落实到位？",
        // stray spaces between Chinese characters
        "一 是 理 论 学 习 不 够 深 入。        | 一是理论学习不够深入。",
        "在 2022 年度                          | 在 2022 年度",
        // a mark read twice
        "码头文化、、容错纠错，，激励担当作为。。 | 码头文化、容错纠错，激励担当作为。",
        "码头文化、：容错纠错。，激励         | 码头文化、容错纠错。激励",
        // letters read for digits inside numbers
        "2O22年度                             | 2022年度",
        "发〔2O24〕l2号                        | 发〔2024〕12号",
        "共l5个问题                            | 共15个问题",
    })
    void undoesConfusions(String read, String expected) {
        assertThat(OcrText.normalize(read)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', value = {
        "（一）针对带头深刻感悟“两个确立”的决定性意义方面查摆出的3个突出问题。",
        "1. Word 与 WPS 文档",
        "登录 www.example.com 查看",
        "(1) 加强学习",
        "ISO 9001 认证",
        "Oil and lO",
        "省略号……和破折号——照旧",
    })
    void leavesCorrectTextAlone(String read) {
        assertThat(OcrText.normalize(read)).isEqualTo(read);
    }
}
