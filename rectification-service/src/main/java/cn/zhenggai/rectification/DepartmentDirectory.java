package cn.zhenggai.rectification;

import cn.zhenggai.rectification.measure.Departments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The departments items can be assigned to: the seed list {@code zhenggai.departments} ({@code CODE:名称,CODE:名称},
 * so that nothing breaks before the directory has spoken), then every department the gateway's directory registers
 * or renames (its events on {@code zhenggai.directory.events}, ADR 0078). Learned departments are kept in the
 * {@code directory_departments} collection, so they survive a restart; a learned name replaces the seed's.
 */
public class DepartmentDirectory implements Departments {

    static final String COLLECTION = "directory_departments";
    static final String USERS = "directory_users";

    /** A user of the directory as rectification knows them: who may be an item's owner (责任人). */
    public record User(String username, String displayName, String department, boolean enabled) {
    }

    private final Map<String, String> names = new LinkedHashMap<>();
    private final MongoCollection<Document> learned;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final MongoCollection<Document> learnedUsers;

    /** Only the seed list (no store): for tests and tools. */
    public DepartmentDirectory(String spec) {
        this(spec, null);
    }

    public DepartmentDirectory(String spec, MongoDatabase database) {
        for (String entry : spec.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String code = (colon < 0 ? item : item.substring(0, colon)).strip();
            String name = colon < 0 ? code : item.substring(colon + 1).strip();
            checkCode(code);
            names.put(code, name);
        }
        this.learned = database == null ? null : database.getCollection(COLLECTION);
        this.learnedUsers = database == null ? null : database.getCollection(USERS);
        if (learned != null) {
            for (Document d : learned.find()) {
                names.put(d.getString("_id"), d.getString("name"));
            }
            for (Document d : learnedUsers.find()) {
                users.put(d.getString("_id"), new User(d.getString("_id"), d.getString("displayName"),
                        d.getString("department"), !Boolean.FALSE.equals(d.getBoolean("enabled"))));
            }
        }
    }

    private static void checkCode(String code) {
        if (!code.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException("department code must be upper-case letters and digits: " + code);
        }
    }

    /**
     * A department registered or renamed in the directory; returns whether anything changed (a redelivered event
     * changes nothing).
     */
    public synchronized boolean learn(String code, String name) {
        checkCode(code);
        if (name == null || name.isBlank() || name.equals(names.get(code))) {
            return false;
        }
        if (learned != null) {
            learned.replaceOne(Filters.eq("_id", code), new Document("_id", code).append("name", name),
                    new ReplaceOptions().upsert(true));
        }
        names.put(code, name);
        return true;
    }

    @Override
    public synchronized boolean known(String code) {
        return code != null && names.containsKey(code);
    }

    /** Code → Chinese name: the seed's order, then learned departments in the order they were learned. */
    public synchronized Map<String, String> names() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    public synchronized String nameOf(String code) {
        return names.getOrDefault(code, code);
    }

    /**
     * A user as the directory now has them (registered, renamed, moved, disabled, enabled); returns whether anything
     * changed (a redelivered event changes nothing).
     */
    public synchronized boolean learnUser(User user) {
        if (user.username() == null || user.username().isBlank() || user.equals(users.get(user.username()))) {
            return false;
        }
        if (learnedUsers != null) {
            learnedUsers.replaceOne(Filters.eq("_id", user.username()), new Document("_id", user.username())
                    .append("displayName", user.displayName()).append("department", user.department())
                    .append("enabled", user.enabled()), new ReplaceOptions().upsert(true));
        }
        users.put(user.username(), user);
        return true;
    }

    public synchronized java.util.Optional<User> user(String username) {
        return java.util.Optional.ofNullable(username == null ? null : users.get(username));
    }

    /** The enabled users of a department, in the order the directory announced them: the owners one may pick. */
    public synchronized java.util.List<User> usersOf(String department) {
        return users.values().stream().filter(u -> u.enabled() && department.equals(u.department())).toList();
    }

    @Override
    public synchronized String departmentOfUser(String username) {
        User user = username == null ? null : users.get(username.strip());
        return user == null ? null : user.department();
    }
}
