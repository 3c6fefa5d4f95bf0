package cn.xietong.wecom.emulator;

/** A small demo corp for the standalone emulator ({@code --seed=demo}). Its secrets are demo values. */
public final class DemoCorp {
	public static final String CORP_ID = "wwdemo0000000001";
	public static final String SYNC_SECRET = "demo-contact-sync-secret";
	public static final String APP_SECRET = "demo-app-secret";
	public static final int AGENT_ID = 1000002;

	private DemoCorp() {
	}

	public static CorpSeed seed() {
		return CorpSeed.corp(CORP_ID).name("示例科技").contactSyncSecret(SYNC_SECRET).creator("zhangsan")
				.department(2, "研发部", 1).department(3, "市场部", 1)
				.user("zhangsan", "张三", "13800000001", 1).user("lisi", "李四", "13800000002", 2)
				.user("wangwu", "王五", "13800000003", 3)
				.agent(AgentSeed.of(AGENT_ID, "协同办公", APP_SECRET).description("示例应用"));
	}
}
