package cn.zhenggai.gateway.directory;

import java.util.List;

/** The directory's list answers: a count and the list. */
final class DirectoryLists {

    private DirectoryLists() {
    }

    /** {@code GET /api/directory/users}. */
    record Users(int count, List<UserView> users) {
    }

    /** {@code GET /api/directory/departments}. */
    record Departments(int count, List<UserDirectory.Department> departments) {
    }

    /** {@code GET /api/directory/grants}. */
    record Grants(int count, List<GrantView> grants) {
    }
}
