package cn.zhenggai.outline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the personal matters declaration. Each yes/no matter is judged on the first clause that
 * names it: negated (没有, 未, 无, 不 … before the keyword) → false, otherwise true, not named →
 * null. Properties are the pieces introduced by 一套/一处/一间 (…住房, …商业房), with their
 * location, area, price, loan and monthly repayment; redacted numbers stay {@code "*"}.
 */
final class PersonalMattersParser {

    private enum Matter {
        SECRETARY("秘书"),
        OFFICIAL_CAR("公务用车|公车|专车|配车"),
        SIDE_INCOME("兼职|劳务所得|劳务报酬|讲课费"),
        TRAVEL_ABROAD("因私出国|因私出境|出国[（(]境[）)]|出国境"),
        FAMILY_BUSINESS("经商办企|办企业|经商"),
        STOCKS("股票"),
        DISCIPLINARY_TALKS("约谈|函询|问责|诫勉");

        final Pattern keyword;

        Matter(String keyword) {
            this.keyword = Pattern.compile(keyword);
        }
    }

    private static final Pattern CLAUSE_SPLIT = Pattern.compile("[，,；;。！？!?\\n]");
    private static final Pattern NEGATION = Pattern.compile("没有|没|未|无|不|否|从未|均未|并未");
    private static final Pattern UNIT_SPLIT = Pattern.compile("[；;。\\n]");
    private static final Pattern PROPERTY_START = Pattern.compile(
            "(?:另有|其中)?另?(?:一(?:套|处|间)(?=[^，,；;。]{0,20}(?:房|在|位于|是|坐落|车位|车库|，|,|面积))"
                    + "|一个(?=[^，,；;。]{0,6}(?:车位|车库)))");
    /** A count of zero ("因私出国（境）0次") also denies the matter. */
    private static final Pattern ZERO_COUNT = Pattern.compile("(?<![\\d.])0\\s*(?:次|个|套|支|辆|项|人)|零次");
    private static final Pattern OFFICE = Pattern.compile("办公用房|办公室");
    private static final Pattern COMMERCIAL = Pattern.compile("商业房|商业用房|商用房|商铺|门面|门市|店面|写字楼");
    private static final Pattern PARKING = Pattern.compile("车位|车库");
    private static final Pattern HOME = Pattern.compile("住房|住宅|商品房|房改房|经济适用房|安置房|公寓|别墅|自建房|小区");
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|\\*+)";
    private static final Pattern LOCATION = Pattern.compile("(?:位于|坐落于|坐落在|在)\\s*([^，,；;。]+)");
    private static final Pattern NAMED_PLACE = Pattern.compile(
            "([^，,；;。、的是在]{1,20}?(?:小区|花园|公寓|大厦|家园|广场|苑|府|庭|村|城|里|居))");
    private static final Pattern AREA = Pattern.compile(NUMBER + "\\s*(?:平方米|平米|㎡|m²|m2|平方)");
    private static final Pattern PRICE = Pattern.compile("(?:价格|价款|购价|房价|总价|购买价)\\s*(?:为|约)?\\s*" + NUMBER + "\\s*(万元|万|元)");
    private static final Pattern LOAN = Pattern.compile("贷款\\s*(?:为|约)?\\s*" + NUMBER + "\\s*(万元|万|元)");
    private static final Pattern MONTHLY = Pattern.compile("(?:每月|月)(?:还款|还贷|供款)\\s*(?:为|约)?\\s*" + NUMBER + "\\s*(万元|万|元)");

    private PersonalMattersParser() {
    }

    static PersonalMatters parse(String text) {
        List<String> clauses = List.of(CLAUSE_SPLIT.split(text));
        return new PersonalMatters(
                text,
                judge(Matter.SECRETARY, clauses),
                judge(Matter.OFFICIAL_CAR, clauses),
                judge(Matter.SIDE_INCOME, clauses),
                judge(Matter.TRAVEL_ABROAD, clauses),
                judge(Matter.FAMILY_BUSINESS, clauses),
                properties(text),
                judge(Matter.STOCKS, clauses),
                judge(Matter.DISCIPLINARY_TALKS, clauses));
    }

    private static Boolean judge(Matter matter, List<String> clauses) {
        for (String clause : clauses) {
            Matcher keyword = matter.keyword.matcher(clause);
            if (keyword.find()) {
                return !NEGATION.matcher(clause.substring(0, keyword.start())).find()
                        && !ZERO_COUNT.matcher(clause).find();
            }
        }
        return null;
    }

    static List<Property> properties(String text) {
        List<Property> out = new ArrayList<>();
        String listKind = null; // kind named before a list: "住房两套：一套…；一套…"
        for (String unit : UNIT_SPLIT.split(text)) {
            if (OFFICE.matcher(unit).find()) {
                continue;
            }
            Matcher start = PROPERTY_START.matcher(unit);
            List<Integer> starts = new ArrayList<>();
            while (start.find()) {
                starts.add(start.start());
            }
            if (starts.isEmpty()) {
                continue;
            }
            String context = unit.substring(0, starts.get(0));
            String contextKind = kindOf(context);
            if (contextKind != null) {
                listKind = contextKind;
            }
            for (int i = 0; i < starts.size(); i++) {
                int end = i + 1 < starts.size() ? starts.get(i + 1) : unit.length();
                out.add(property(unit.substring(starts.get(i), end), listKind));
            }
        }
        return out;
    }

    private static Property property(String piece, String listKind) {
        String kind = kindOf(piece);
        if (kind == null) {
            kind = listKind;
        }
        return new Property(
                kind == null ? Property.OTHER : kind,
                location(piece),
                first(AREA, piece),
                amount(PRICE, piece, true),
                amount(LOAN, piece, true),
                amount(MONTHLY, piece, false));
    }

    private static String kindOf(String text) {
        if (COMMERCIAL.matcher(text).find()) {
            return Property.COMMERCIAL;
        }
        if (PARKING.matcher(text).find()) {
            return Property.PARKING;
        }
        return HOME.matcher(text).find() ? Property.HOME : null;
    }

    private static String location(String piece) {
        Matcher m = LOCATION.matcher(piece);
        if (m.find()) {
            return m.group(1).strip();
        }
        Matcher named = NAMED_PLACE.matcher(piece);
        return named.find() ? named.group(1).strip() : null;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? redactionOrNumber(m.group(1)) : null;
    }

    /** An amount converted to 万元 ({@code inWan}) or to 元, redactions kept as "*". */
    private static String amount(Pattern pattern, String text, boolean inWan) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        String value = redactionOrNumber(m.group(1));
        if (value.equals("*")) {
            return value;
        }
        boolean givenInWan = m.group(2).startsWith("万");
        BigDecimal number = new BigDecimal(value);
        if (inWan && !givenInWan) {
            number = number.movePointLeft(4);
        } else if (!inWan && givenInWan) {
            number = number.movePointRight(4);
        }
        return number.stripTrailingZeros().toPlainString();
    }

    private static String redactionOrNumber(String s) {
        return s.startsWith("*") ? "*" : s;
    }
}
