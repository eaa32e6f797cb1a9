package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's in-app notifications: {@code GET /api/notifications[?unread=true&limit=50]} and
 * {@code POST /api/notifications/{id}/read}, {@code POST /api/notifications/read-all}. The caller is known by user name, display name (token claim
 * {@code name}), and role within department.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @ErrorCodes(badRequest = "MALFORMED_REQUEST")
    @GetMapping
    Notifications.Listing list(@RequestParam(defaultValue = "false") boolean unread,
                               @RequestParam(defaultValue = "50") int limit, Caller caller) {
        return notifications.list(reader(caller), unread, limit);
    }

    @ErrorCodes(notFound = "NOTIFICATION_NOT_FOUND")
    @PostMapping("/{id}/read")
    Read read(@PathVariable String id, Caller caller) {
        if (id.length() > 100 || !notifications.markRead(reader(caller), id)) {
            throw Refusal.notFound("NOTIFICATION_NOT_FOUND", "通知不存在：" + id);
        }
        return new Read(id, true);
    }

    @ErrorCodes
    @PostMapping("/read-all")
    ReadAll readAll(Caller caller) {
        return new ReadAll(notifications.markAllRead(reader(caller)));
    }

    /** How many of the caller's notifications were unread and are now read. */
    record ReadAll(long read) {
    }

    /** A notification marked read. */
    record Read(String id, boolean read) {
    }

    private static Notifications.Reader reader(Caller caller) {
        return new Notifications.Reader(caller.username(), caller.department(), caller.roles());
    }
}
