package cn.zhenggai.gateway.routing;

/** The services behind the gateway: the health component's name and how users call them. */
public enum Backend {
    REPORT("report", "报告服务"),
    RECTIFICATION("rectification", "整改服务"),
    AUDIT("audit", "审计服务");

    private final String component;
    private final String chineseName;

    Backend(String component, String chineseName) {
        this.component = component;
        this.chineseName = chineseName;
    }

    /** The name under {@code /actuator/health}'s components, and of property {@code zhenggai.routes.<name>}. */
    public String component() {
        return component;
    }

    /** What the gateway tells a user while this service cannot be reached. */
    public String unavailableMessage() {
        return chineseName + "暂时不可用，请稍后重试";
    }
}
