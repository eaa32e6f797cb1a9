package cn.zhenggai.rectification.measure;

/** The known departments (by code); an item can only be assigned to these. */
@FunctionalInterface
public interface Departments {

    boolean known(String code);

    /**
     * The department of a directory user, or null when {@code username} is no user the directory announced (then an
     * owner written so is only a label, for someone without an account).
     */
    default String departmentOfUser(String username) {
        return null;
    }
}
