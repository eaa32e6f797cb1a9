package cn.zhenggai.contracts.ledger;

import java.util.Locale;

/** The warning colour of an item (红黄绿灯), as the latest {@code MeasureColourChanged} set it. */
public enum Colour {
    GREEN, YELLOW, RED;

    /** The colour named by {@code name} in any case; GREEN when null or blank. */
    public static Colour of(String name) {
        return name == null || name.isBlank() ? GREEN : valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
