package cn.zhenggai.launcher;

import cn.zhenggai.launcher.demo.DemoLedger;

import java.nio.file.Files;
import java.nio.file.Path;

/** For the screenshots: the demo data `./zhenggai up` loads (the sample report, then the demo ledger). */
public final class DemoLoader {

    private DemoLoader() {
    }

    public static void load(PlatformStack stack, Path markers) throws Exception {
        DemoData.loadOnce(new GatewayClient(stack.gatewayUrl()), markers.resolve("demo-loaded"));
        String sampleReport = Files.readString(markers.resolve("demo-loaded")).strip();
        DemoLedger.loadOnce(new GatewayClient(stack.gatewayUrl()), stack.keysDir(), markers.resolve("demo-ledger-loaded"),
                sampleReport, System.out);
    }
}
