package cn.zhenggai.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds free TCP ports on the loopback interface (127.0.0.1).
 *
 * <p>A port reported free can be taken by another process before the caller binds it; callers resolve
 * their ports once, at construction, and keep them for restarts.
 */
public final class PortFinder {

    /** The only address the embedded servers bind. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private PortFinder() {
    }

    /** Returns a port that is free on 127.0.0.1 now and was not handed out before by this JVM. */
    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(loopback(), 0), 1);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on " + LOOPBACK, e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("cannot find a free port on " + LOOPBACK + " that was not handed out before");
    }

    /** {@code port} itself when it is positive, otherwise a free port (see {@link #freePort()}). */
    public static int resolve(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port == 0 ? freePort() : port;
    }

    /** True when a server socket can be bound to {@code port} on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
