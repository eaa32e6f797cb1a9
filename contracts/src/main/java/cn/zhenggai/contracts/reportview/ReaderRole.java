package cn.zhenggai.contracts.reportview;

/** The role that entitled someone to read a personal matters declaration (个人有关事项). */
public enum ReaderRole {
    /** the report's author, reading their own declaration */
    AUTHOR,
    /** the organization department (组织部) */
    ORG_DEPT,
    /** discipline inspection (纪检监察) */
    DISCIPLINE;

    /** The role named {@code name}, or null when absent or unknown. */
    public static ReaderRole of(String name) {
        for (ReaderRole role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
