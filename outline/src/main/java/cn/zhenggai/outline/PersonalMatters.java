package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The personal matters declaration (个人有关事项说明). Each flag is true when the text declares the
 * matter, false when it denies it, and null when it does not mention it.
 *
 * @param text              the whole section, paragraphs separated by a line feed
 * @param secretary         has a secretary (秘书)
 * @param officialCar       has an official car (公务用车)
 * @param sideIncome        has part-time jobs or income from them (兼职, 劳务所得)
 * @param travelAbroad      travelled abroad privately (因私出国/境)
 * @param familyBusiness    the family runs a business (经商办企业)
 * @param properties        homes and other real estate, in document order
 * @param stocks            holds stocks (股票)
 * @param disciplinaryTalks was talked to, questioned in writing or held accountable
 *                          (约谈, 函询, 问责)
 */
@JsonPropertyOrder({"text", "secretary", "officialCar", "sideIncome", "travelAbroad", "familyBusiness",
        "properties", "stocks", "disciplinaryTalks"})
public record PersonalMatters(
        String text,
        Boolean secretary,
        Boolean officialCar,
        Boolean sideIncome,
        Boolean travelAbroad,
        Boolean familyBusiness,
        List<Property> properties,
        Boolean stocks,
        Boolean disciplinaryTalks) {

    public PersonalMatters {
        properties = List.copyOf(properties);
    }
}
