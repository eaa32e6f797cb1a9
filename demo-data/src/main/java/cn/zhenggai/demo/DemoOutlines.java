package cn.zhenggai.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Speech outlines in the sample's style for the demo's other departments and cadres: the meeting's themes (2021's
 * 党史学习教育 themes as listed in the sample's carry-over, 2022's as in its problems), two problems per theme with
 * an example (比如…), three root causes and three measures with an owner and a deadline. The first cadre of each
 * department repeats one of their 2021 problems in other words in 2022, so recurring problems (年年提) show; the
 * department's other problems are all different ({@link #index}).
 */
public final class DemoOutlines {

    /** 2021 (党史学习教育专题民主生活会) themes, as the sample's carry-over section lists them. */
    public static final List<String> THEMES_2021 = List.of(
            "带头深刻感悟“两个确立”的决定性意义",
            "带头牢记我们党是什么、要干什么这个根本问题",
            "带头践行以人民为中心的发展思想",
            "带头学习运用党在不同历史时期成功应对风险挑战的丰富经验",
            "带头深刻汲取党史中正反两方面经验");

    /** 2022 themes, as the sample's problems section has them. */
    public static final List<String> THEMES_2022 = List.of(
            "带头深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”",
            "带头用习近平新时代中国特色社会主义思想凝心铸魂",
            "带头坚持和加强党的全面领导",
            "带头坚持以人民为中心的发展思想，推动改革发展稳定",
            "带头发扬斗争精神，防范化解风险挑战",
            "带头落实全面从严治党政治责任");

    /** Problems: statement, the same problem in other words a year later, and an example (比如…). */
    static final String[][] PROBLEMS = {
            {"理论学习的系统性还不够，学习新思想停留在读原文、记笔记，结合实际深入思考不够。",
                    "理论学习的系统性还不够强，学习新思想仍停留在读原文、记笔记层面，结合实际深入思考不够。",
                    "中心组学习多以领学文件为主，交流研讨准备不充分。"},
            {"运用党的创新理论指导实践的能力还不够强，学用结合的成效还不够明显。",
                    "运用党的创新理论指导实践的能力仍然不强，学用结合成效还不够明显。",
                    "在推进重点工作时，用新理论分析新情况、解决新问题的办法还不多。"},
            {"大局意识还有待加强，从全局高度谋划推进工作的能力还不够强。",
                    "大局意识仍有待加强，从全局高度谋划推进工作的能力还不够强。",
                    "跨部门协同事项推进中，联席会议制度作用发挥不充分。"},
            {"调查研究开展的还不够深入，深入基层一线了解情况的次数偏少。",
                    "调查研究开展的还不够深入，深入基层一线了解情况的次数仍然偏少。",
                    "全年到基层站点实地调研的次数少于计划安排。"},
            {"为民服务意识还需强化，解决群众急难愁盼问题的办法还不多。",
                    "为民服务意识仍需强化，解决群众急难愁盼问题的办法还不够多。",
                    "群众反映的高频事项办理时限压缩不够。"},
            {"回应群众关切不够及时，反馈响应企业群众诉求做的还不够全面。",
                    "回应群众关切仍不够及时，对企业群众诉求的反馈响应还不够全面。",
                    "回访中发现的不满意评价整改反馈周期偏长。"},
            {"斗争精神还不够强，防范化解风险挑战的能力还不够高。",
                    "斗争精神仍不够强，防范化解各类风险挑战的能力还不够高。",
                    "面对复杂矛盾时存在求稳怕乱思想，攻坚克难的办法不多。"},
            {"担当作为的劲头还不够足，先行先试的举措还不够多。",
                    "担当作为劲头仍显不足，先行先试的举措还不够多。",
                    "创新性工作多停留在方案层面，形成可复制经验的偏少。"},
            {"落实全面从严治党主体责任还不够严，抓正风肃纪的力度还不够大。",
                    "落实全面从严治党主体责任仍不够严，抓正风肃纪力度还不够大。",
                    "对苗头性、倾向性问题提醒谈话不够及时。"},
            {"纠治“四风”还不够彻底，文山会海问题仍有反弹。",
                    "纠治“四风”仍不够彻底，文山会海问题还有反弹。",
                    "部分会议规模和时长未按要求压缩。"},
            {"意识形态工作责任落实还不够到位，阵地管理还有薄弱环节。",
                    "意识形态工作责任落实仍不够到位，阵地管理还存在薄弱环节。",
                    "部门网站和新媒体账号信息审核把关不够严格。"},
            {"干部队伍建设统筹不够，年轻干部培养锻炼的力度还不够大。",
                    "干部队伍建设统筹仍不够，年轻干部培养锻炼力度还不够大。",
                    "年轻干部到基层一线和重要岗位锻炼的安排偏少。"},
            {"厉行节约的要求落实还不够细，预算执行管理还不够精细。",
                    "厉行节约要求落实得还不够细，预算执行管理仍不够精细。",
                    "个别项目资金支出进度滞后于序时进度。"},
            {"制度执行的刚性还不够强，个别制度存在落实打折扣的情况。",
                    "制度执行刚性仍不够强，个别制度落实存在打折扣现象。",
                    "部分内控制度更新不及时，与新要求衔接不够。"},
            {"联系服务群众不够经常，与一线窗口人员谈心交流偏少。",
                    "联系服务群众仍不够经常，与一线窗口人员谈心交流仍然偏少。",
                    "全年与基层干部职工谈心谈话次数不多。"},
            {"推动数字化改革的主动性还不够，数据共享应用水平还不高。",
                    "推动数字化改革的主动性仍不够，数据共享应用水平还不够高。",
                    "部门间数据壁垒尚未完全打通，群众仍需重复提交材料。"},
            {"请示报告制度执行还不够严格，重大事项报告不够及时。",
                    "请示报告制度执行仍不够严格，重大事项报告还不够及时。",
                    "个别重要工作进展未按规定时限向党委报告。"},
            {"民主集中制落实还不够到位，集体研究决策的程序还不够规范。",
                    "民主集中制落实仍不够到位，集体研究决策程序还不够规范。",
                    "部分议题会前沟通酝酿不充分，会上讨论不够深入。"},
            {"批评和自我批评开展得还不够经常，红脸出汗的辣味还不够足。",
                    "批评和自我批评开展得仍不够经常，红脸出汗的辣味还不足。",
                    "组织生活会上相互批评多谈工作建议，点问题不够具体。"},
            {"基层党组织建设指导还不够有力，党建和业务融合还不够紧密。",
                    "基层党组织建设指导仍不够有力，党建与业务融合还不够紧密。",
                    "支部主题党日活动形式单一，与业务工作结合不够。"},
            {"安全生产责任落实还不够到位，隐患排查整治还不够彻底。",
                    "安全生产责任落实仍不够到位，隐患排查整治还不够彻底。",
                    "部分隐患整改后复查不及时，存在反复现象。"},
            {"营商环境优化的办法还不多，惠企政策落地还不够快。",
                    "优化营商环境的办法还不够多，惠企政策落地仍不够快。",
                    "部分惠企政策兑现流程较长，企业获得感不强。"},
            {"学习贯彻党的二十大精神还不够深入，结合实际研究落实还不够。",
                    "学习贯彻党的二十大精神仍不够深入，结合实际研究落实还不够到位。",
                    "专题学习后形成的落实举措不够具体。"},
            {"廉洁风险防控还不够精准，重点岗位监督还有薄弱环节。",
                    "廉洁风险防控仍不够精准，重点岗位监督还存在薄弱环节。",
                    "对审批、采购等重点岗位轮岗交流推进不够。"},
    };

    static final String[][] ROOT_CAUSES = {
            {"理论学习还不够深入，思想武装建设的还不够", "对用党的创新理论武装头脑的重要性认识不够深，学习的主动性、系统性不足，以学促干的能力还有待提升。"},
            {"宗旨意识还不够牢固，党性修养锤炼的还不够", "对以人民为中心的发展思想领悟不够透，把群众急难愁盼放在心上、抓在手上的自觉性还需增强。"},
            {"担当意识还不够强，从严要求落实的还不够", "对全面从严治党和担当作为的要求贯彻不够彻底，迎难而上、真抓实干的劲头还需增强。"},
    };

    static final String[][] MEASURES = {
            {"强化理论武装，提升学用结合能力", "坚持以习近平新时代中国特色社会主义思想武装头脑、指导实践、推动工作，认认真真读原著、学原文、悟原理，把学习成效转化为推动工作的实际成效。"},
            {"践行为民宗旨，提升服务群众水平", "坚持人民至上，聚焦企业群众急难愁盼，完善联系服务群众机制，畅通诉求反映渠道，切实解决群众操心事、烦心事。"},
            {"扛牢从严责任，提升担当作为本领", "严格落实全面从严治党主体责任，持之以恒纠治“四风”，完善制度机制，激励干部担当作为、真抓实干。"},
    };

    /**
     * Which of the problems the outline's {@code n}-th problem is: the four outlines of a department (two cadres,
     * two years, six problems each) use different ones, so a department repeats a problem only where it is meant to.
     */
    static int index(int cadre, int year, int n) {
        int department = cadre / 2;
        int slot = (cadre % 2) * 2 + (year == 2022 ? 1 : 0);
        return (department * 6 + slot * 6 + n) % PROBLEMS.length;
    }

    /** What the outline of one report holds, besides its text: its problems, in order, with their themes. */
    public record Outline(String title, int year, String text, List<String> themes, List<String> statements) {
    }

    private DemoOutlines() {
    }

    /**
     * The outline of cadre number {@code cadre} (0-based, over all departments) of department {@code name} for
     * {@code year} (2021 or 2022): three themes of that year, two problems each, three root causes and measures.
     */
    public static Outline outline(String name, String cadreName, int cadre, int year, List<String> deadlines,
                                  String owner) {
        List<String> themes = year == 2021 ? THEMES_2021 : THEMES_2022;
        int offset = cadre % themes.size();
        List<String> chosen = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            chosen.add(themes.get((offset + t) % themes.size()));
        }
        String title = name + cadreName + year + "年度民主生活会个人发言提纲";
        StringBuilder text = new StringBuilder(title).append("\n\n");
        text.append("根据《关于开好").append(year).append("年度民主生活会的通知》有关要求，本人认真学习研讨、广泛征求意见、")
                .append("深入谈心谈话，全面对照检查，现将个人对照检查情况报告如下。\n");
        text.append("一、重点查找的突出问题\n");
        List<String> statements = new ArrayList<>();
        String[] numerals = {"一", "二", "三", "四", "五", "六"};
        for (int t = 0; t < 3; t++) {
            text.append("（").append(numerals[t]).append("）").append(chosen.get(t)).append("方面。");
            for (int p = 0; p < 2; p++) {
                String[] problem = PROBLEMS[index(cadre, year, t * 2 + p)];
                String statement = problem[0];
                if (year == 2022 && t == 0 && p == 0 && cadre % 2 == 0) {
                    // this cadre repeats a problem of last year in other words (年年提)
                    statement = PROBLEMS[index(cadre, 2021, 0)][1];
                }
                statements.add(statement);
                text.append(numerals[p]).append("是").append(statement).append("比如，").append(problem[2]);
            }
            text.append("\n");
        }
        text.append("二、深刻剖析问题产生的根源\n");
        for (int r = 0; r < 3; r++) {
            text.append("（").append(numerals[r]).append("）").append(ROOT_CAUSES[r][0]).append("。")
                    .append(ROOT_CAUSES[r][1]).append("\n");
        }
        text.append("三、努力方向和整改措施\n");
        for (int m = 0; m < 3; m++) {
            text.append("（").append(numerals[m]).append("）").append(MEASURES[m][0]).append("。")
                    .append(MEASURES[m][1]).append("责任人：").append(owner).append("；完成时限：")
                    .append(deadlines.get(m)).append("。\n");
        }
        return new Outline(title, year, text.toString(), chosen, statements);
    }
}
