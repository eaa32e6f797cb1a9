package cn.zhenggai.contracts.reportview;

/** What a personal matters declaration was read for. */
public enum ReadPurpose {
    /** shown on screen */
    VIEW,
    /** put into an exported document */
    EXPORT;

    /** The purpose named {@code name}; anything else reads as {@link #VIEW}, as the aggregate records it. */
    public static ReadPurpose of(String name) {
        return "EXPORT".equals(name) ? EXPORT : VIEW;
    }
}
