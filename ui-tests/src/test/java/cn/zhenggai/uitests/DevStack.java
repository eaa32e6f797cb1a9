package cn.zhenggai.uitests;

import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.infra.InfraConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * For working on the UI: the whole stack on temporary infrastructure (free ports, nothing kept) with the gateway
 * on the given port (default 18480), until the process is stopped. Run with the module's test classpath.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18480;
        Path home = Path.of(System.getProperty("zhenggai.home", "..")).toAbsolutePath().normalize();
        // the gateway serves the UI straight from the source folder: edit, reload the page
        String staticFiles = Path.of(System.getProperty("zhenggai.ui.static",
                home.resolve("gateway/src/main/resources/static").toString())).toUri().toString();
        PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, InfraConfig.temporary(), port, 320,
                Map.of("gateway", List.of("--spring.web.resources.static-locations=" + staticFiles))));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.start(Duration.ofMinutes(5));
        System.out.println("UI dev stack ready at " + stack.gatewayUrl());
        Thread.currentThread().join();
    }
}
