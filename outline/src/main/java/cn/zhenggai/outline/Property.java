package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One piece of real estate from the personal matters declaration. Numbers are kept as written
 * (decimal strings); a redacted number is {@code "*"}.
 *
 * @param kind               {@code home}, {@code commercial}, {@code parking} or {@code other}
 * @param location           where it is, as written (may contain {@code *}), or null
 * @param areaM2             floor area in square metres, or null
 * @param priceWan           purchase price in 万元 (10,000 yuan), or null
 * @param loanWan            loan in 万元, or null
 * @param monthlyPaymentYuan monthly loan repayment in yuan, or null
 */
@JsonPropertyOrder({"kind", "location", "areaM2", "priceWan", "loanWan", "monthlyPaymentYuan"})
public record Property(
        String kind,
        String location,
        String areaM2,
        String priceWan,
        String loanWan,
        String monthlyPaymentYuan) {

    public static final String HOME = "home";
    public static final String COMMERCIAL = "commercial";
    public static final String PARKING = "parking";
    public static final String OTHER = "other";
}
