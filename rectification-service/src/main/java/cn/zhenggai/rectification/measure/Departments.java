package cn.zhenggai.rectification.measure;

/** The known departments (by code); an item can only be assigned to these. */
@FunctionalInterface
public interface Departments {

    boolean known(String code);
}
