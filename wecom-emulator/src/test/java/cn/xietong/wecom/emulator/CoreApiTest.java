package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.JsonNode;

class CoreApiTest {
	static final String CORP = "wwcorp";

	@RegisterExtension
	static WecomEmulatorExtension wecom = WecomEmulatorExtension.create()
			.seed(CorpSeed.corp(CORP).name("协同科技").contactSyncSecret("sync").creator("boss")
					.department(2, "研发部", 1)
					.user("boss", "老板", "13800000000", 1)
					.agent(AgentSeed.of(1000002, "协同办公", "appsecret").redirectDomain("oa.example.com")))
			.seed(CorpSeed.corp("wwother").contactSyncSecret("othersync"))
			.resetBeforeEach(true);

	Api api;
	String sync;
	String app;

	@BeforeEach
	void setUp() {
		api = new Api(wecom.baseUrl());
		sync = api.token(CORP, "sync");
		app = api.token(CORP, "appsecret");
	}

	@Test
	void tokensAreStableUntilTheyExpire() {
		WecomEmulator emu = wecom.emulator();
		assertThat(api.token(CORP, "sync")).isEqualTo(sync);
		JsonNode r = api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=sync");
		assertThat(r.path("expires_in").asInt()).isBetween(7190, 7200);
		emu.clock().advance(Duration.ofSeconds(7201));
		assertThat(code(api.get("/cgi-bin/department/simplelist?access_token=" + sync))).isEqualTo(42001);
		assertThat(api.token(CORP, "sync")).isNotEqualTo(sync);
		assertThat(code(api.get("/cgi-bin/department/simplelist?access_token=nonsense"))).isEqualTo(40014);
		assertThat(code(api.get("/cgi-bin/department/simplelist"))).isEqualTo(41001);
		assertThat(code(api.get("/cgi-bin/gettoken?corpid=wwnope&corpsecret=x"))).isEqualTo(40013);
		assertThat(code(api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=wrong"))).isEqualTo(40001);
		assertThat(code(api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=othersync"))).isEqualTo(40091);
		assertThat(code(api.get("/cgi-bin/gettoken?corpsecret=x"))).isEqualTo(41002);
		assertThat(code(api.get("/cgi-bin/gettoken?corpid=" + CORP))).isEqualTo(41004);
		String fresh = api.token(CORP, "sync");
		emu.faults().expireAllTokens();
		assertThat(code(api.get("/cgi-bin/department/simplelist?access_token=" + fresh))).isEqualTo(42001);
	}

	@Test
	void departmentRules() {
		assertThat(code(api.post("/cgi-bin/department/create?access_token=" + app, "{\"name\":\"x\",\"parentid\":1}")))
				.isEqualTo(48002);
		JsonNode created = api.post("/cgi-bin/department/create?access_token=" + sync, "{\"name\":\"产品部\",\"parentid\":1}");
		assertThat(created.path("errmsg").asString()).isEqualTo("created");
		assertThat(created.path("id").asInt()).isEqualTo(3);
		assertThat(code(api.post("/cgi-bin/department/create?access_token=" + sync, "{\"name\":\"产品部\",\"parentid\":1}")))
				.isEqualTo(60008);
		assertThat(code(api.post("/cgi-bin/department/create?access_token=" + sync, "{\"name\":\"a*b\",\"parentid\":1}")))
				.isEqualTo(60009);
		assertThat(code(api.post("/cgi-bin/department/create?access_token=" + sync, "{\"name\":\"\",\"parentid\":1}")))
				.isEqualTo(60001);
		assertThat(code(api.post("/cgi-bin/department/create?access_token=" + sync, "{\"name\":\"x\",\"parentid\":99}")))
				.isEqualTo(60004);
		assertThat(code(api.post("/cgi-bin/department/create?access_token=" + sync, "{\"name\":\"x\",\"parentid\":1,\"id\":1}")))
				.isEqualTo(60123);
		int parent = 1;
		for (int level = 2; level <= 15; level++) {
			JsonNode r = api.post("/cgi-bin/department/create?access_token=" + sync,
					"{\"name\":\"L" + level + "\",\"parentid\":" + parent + ",\"id\":" + (100 + level) + "}");
			assertThat(code(r)).as("level " + level).isZero();
			parent = 100 + level;
		}
		assertThat(code(api.post("/cgi-bin/department/create?access_token=" + sync,
				"{\"name\":\"L16\",\"parentid\":" + parent + "}"))).isEqualTo(81002);
		assertThat(code(api.post("/cgi-bin/department/update?access_token=" + sync, "{\"id\":102,\"parentid\":110}")))
				.isEqualTo(60010);
		assertThat(code(api.get("/cgi-bin/department/delete?access_token=" + sync + "&id=1"))).isEqualTo(60007);
		assertThat(code(api.get("/cgi-bin/department/delete?access_token=" + sync + "&id=102"))).isEqualTo(60006);
		api.post("/cgi-bin/user/create?access_token=" + sync,
				"{\"userid\":\"u1\",\"name\":\"U\",\"mobile\":\"13900000001\",\"department\":[3]}");
		assertThat(code(api.get("/cgi-bin/department/delete?access_token=" + sync + "&id=3"))).isEqualTo(60005);
		assertThat(code(api.get("/cgi-bin/department/delete?access_token=" + sync + "&id=115"))).isZero();
		assertThat(code(api.get("/cgi-bin/department/delete?access_token=" + sync + "&id=115"))).isEqualTo(60003);
		JsonNode list = api.get("/cgi-bin/department/list?access_token=" + sync + "&id=2");
		assertThat(list.path("department")).hasSize(1);
		assertThat(list.path("department").get(0).path("name").asString()).isEqualTo("研发部");
		JsonNode simple = api.get("/cgi-bin/department/simplelist?access_token=" + sync);
		assertThat(simple.path("department_id").get(0).path("id").asInt()).isEqualTo(1);
		assertThat(simple.path("department_id").get(0).path("parentid").asInt()).isZero();
	}

	@Test
	void memberRules() {
		String create = "/cgi-bin/user/create?access_token=" + sync;
		JsonNode r = api.post(create, "{\"userid\":\"ZhangSan\",\"name\":\"张三\",\"mobile\":\"13900000001\","
				+ "\"department\":[1,2],\"is_leader_in_dept\":[0,1],\"email\":\"zs@example.com\"}");
		assertThat(r.path("errmsg").asString()).isEqualTo("created");
		assertThat(code(api.post(create, "{\"userid\":\"zhangsan\",\"name\":\"x\",\"mobile\":\"13900000002\",\"department\":[1]}")))
				.isEqualTo(60102);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"x\",\"mobile\":\"13900000001\",\"department\":[1]}")))
				.isEqualTo(60104);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"x\",\"email\":\"ZS@example.com\",\"department\":[1]}")))
				.isEqualTo(60106);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"x\",\"department\":[1]}"))).isEqualTo(60129);
		assertThat(code(api.post(create, "{\"userid\":\"-bad\",\"name\":\"x\",\"mobile\":\"1\",\"department\":[1]}")))
				.isEqualTo(40003);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"x\",\"mobile\":\"abc\",\"department\":[1]}")))
				.isEqualTo(60103);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"x\",\"mobile\":\"139\",\"department\":[9]}")))
				.isEqualTo(60123);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"x\",\"mobile\":\"139\"}"))).isEqualTo(60127);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"x\",\"mobile\":\"139\",\"department\":[1,2],"
				+ "\"is_leader_in_dept\":[1]}"))).isEqualTo(60132);
		assertThat(code(api.post(create, "{\"userid\":\"u2\",\"name\":\"\",\"mobile\":\"139\",\"department\":[1]}")))
				.isEqualTo(60112);

		JsonNode got = api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=ZHANGSAN");
		assertThat(got.path("userid").asString()).isEqualTo("ZhangSan");
		assertThat(got.path("main_department").asInt()).isEqualTo(1);
		assertThat(got.path("is_leader_in_dept").toString()).isEqualTo("[0,1]");
		assertThat(got.path("department").toString()).isEqualTo("[1,2]");
		assertThat(code(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=nobody"))).isEqualTo(60111);
		JsonNode leaders = api.get("/cgi-bin/department/get?access_token=" + sync + "&id=2");
		assertThat(leaders.path("department").path("department_leader").toString()).isEqualTo("[\"ZhangSan\"]");

		assertThat(code(api.post("/cgi-bin/user/update?access_token=" + sync, "{\"userid\":\"zhangsan\",\"position\":\"经理\"}")))
				.isZero();
		assertThat(code(api.post("/cgi-bin/user/update?access_token=" + app, "{\"userid\":\"zhangsan\",\"position\":\"x\"}")))
				.isEqualTo(48002);
		assertThat(code(api.get("/cgi-bin/user/delete?access_token=" + sync + "&userid=boss"))).isEqualTo(301005);
		assertThat(api.get("/cgi-bin/user/simplelist?access_token=" + sync + "&department_id=2").path("userlist"))
				.hasSize(1);
		assertThat(api.get("/cgi-bin/user/list?access_token=" + sync + "&department_id=1&fetch_child=1").path("userlist"))
				.hasSize(2);
		JsonNode ids = api.post("/cgi-bin/user/list_id?access_token=" + sync, "{\"limit\":2}");
		assertThat(ids.path("dept_user")).hasSize(2);
		JsonNode rest = api.post("/cgi-bin/user/list_id?access_token=" + sync,
				"{\"limit\":2,\"cursor\":\"" + ids.path("next_cursor").asString() + "\"}");
		assertThat(rest.path("dept_user")).hasSize(1);
		assertThat(rest.path("next_cursor").asString()).isEmpty();
		assertThat(code(api.post("/cgi-bin/user/batchdelete?access_token=" + sync, "{\"useridlist\":[\"zhangsan\",\"ghost\"]}")))
				.isEqualTo(40031);
		assertThat(code(api.post("/cgi-bin/user/batchdelete?access_token=" + sync, "{\"useridlist\":[\"zhangsan\"]}")))
				.isZero();
		assertThat(wecom.emulator().corp(CORP).user("zhangsan")).isNull();
	}

	@Test
	void anEmptyStringClearsAFieldOnUpdateAnAbsentOneKeepsIt() {
		String create = "/cgi-bin/user/create?access_token=" + sync;
		String update = "/cgi-bin/user/update?access_token=" + sync;
		assertThat(code(api.post(create, "{\"userid\":\"lisi\",\"name\":\"李四\",\"mobile\":\"13900000011\",\"email\":\"ls@example.com\","
				+ "\"position\":\"经理\",\"department\":[2]}"))).isZero();

		assertThat(code(api.post(update, "{\"userid\":\"lisi\",\"name\":\"李四\"}"))).isZero();
		CorpState.User kept = wecom.emulator().corp(CORP).user("lisi");
		assertThat(kept.position()).isEqualTo("经理");
		assertThat(kept.email()).isEqualTo("ls@example.com");

		assertThat(code(api.post(update, "{\"userid\":\"lisi\",\"position\":\"\",\"email\":\"\"}"))).isZero();
		CorpState.User cleared = wecom.emulator().corp(CORP).user("lisi");
		assertThat(cleared.position()).isEmpty();
		assertThat(cleared.email()).isEmpty();
		assertThat(cleared.mobile()).isEqualTo("13900000011");
		JsonNode got = api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=lisi");
		assertThat(got.path("position").asString()).isEmpty();
		assertThat(got.path("email").asString()).isEmpty();
		// the cleared email is free again
		assertThat(code(api.post(create, "{\"userid\":\"u3\",\"name\":\"x\",\"email\":\"LS@example.com\",\"department\":[1]}")))
				.isZero();

		// mobile and email both empty: refused, nothing changed
		assertThat(code(api.post(update, "{\"userid\":\"lisi\",\"mobile\":\"\",\"position\":\"主管\"}"))).isEqualTo(60129);
		assertThat(wecom.emulator().corp(CORP).user("lisi").mobile()).isEqualTo("13900000011");
		assertThat(wecom.emulator().corp(CORP).user("lisi").position()).isEmpty();
		assertThat(code(api.post(update, "{\"userid\":\"lisi\",\"email\":\"lisi@example.com\",\"mobile\":\"\"}"))).isZero();
		assertThat(wecom.emulator().corp(CORP).user("lisi").mobile()).isEmpty();

		// an activated member's mobile is not changed by the API, not even cleared
		assertThat(code(api.post(update, "{\"userid\":\"boss\",\"mobile\":\"\",\"email\":\"boss@example.com\"}"))).isZero();
		assertThat(wecom.emulator().corp(CORP).user("boss").mobile()).isEqualTo("13800000000");
	}

	@Test
	void tags() {
		JsonNode t = api.post("/cgi-bin/tag/create?access_token=" + sync, "{\"tagname\":\"乒乓球\"}");
		int id = t.path("tagid").asInt();
		assertThat(id).isEqualTo(1);
		assertThat(code(api.post("/cgi-bin/tag/create?access_token=" + sync, "{\"tagname\":\"乒乓球\"}"))).isEqualTo(40071);
		assertThat(code(api.post("/cgi-bin/tag/create?access_token=" + sync, "{\"tagname\":\"\"}"))).isEqualTo(40072);
		JsonNode add = api.post("/cgi-bin/tag/addtagusers?access_token=" + sync,
				"{\"tagid\":1,\"userlist\":[\"BOSS\",\"Ghost\"],\"partylist\":[2,77]}");
		assertThat(code(add)).isZero();
		assertThat(add.path("invalidlist").asString()).isEqualTo("ghost");
		assertThat(add.path("invalidparty").toString()).isEqualTo("[77]");
		assertThat(code(api.post("/cgi-bin/tag/addtagusers?access_token=" + sync, "{\"tagid\":1,\"userlist\":[\"ghost\"]}")))
				.isEqualTo(40070);
		assertThat(code(api.post("/cgi-bin/tag/update?access_token=" + app, "{\"tagid\":1,\"tagname\":\"y\"}")))
				.isEqualTo(81011);
		JsonNode got = api.get("/cgi-bin/tag/get?access_token=" + sync + "&tagid=1");
		assertThat(got.path("userlist").get(0).path("userid").asString()).isEqualTo("boss");
		assertThat(got.path("partylist").toString()).isEqualTo("[2]");
		assertThat(code(api.post("/cgi-bin/tag/deltagusers?access_token=" + sync, "{\"tagid\":1,\"userlist\":[\"ghost\"]}")))
				.isEqualTo(40031);
		assertThat(api.get("/cgi-bin/tag/list?access_token=" + sync).path("taglist")).hasSize(1);
		assertThat(code(api.get("/cgi-bin/tag/delete?access_token=" + sync + "&tagid=1"))).isZero();
		assertThat(code(api.get("/cgi-bin/tag/get?access_token=" + sync + "&tagid=1"))).isEqualTo(40068);
	}

	@Test
	void messagesReportInvalidRecipientsAndDropTheExcess() {
		String send = "/cgi-bin/message/send?access_token=" + app;
		JsonNode r = api.post(send, "{\"touser\":\"boss|Ghost\",\"toparty\":\"2|99\",\"totag\":\"5\",\"msgtype\":\"text\","
				+ "\"agentid\":1000002,\"text\":{\"content\":\"你好\"}}");
		assertThat(code(r)).isZero();
		assertThat(r.path("invaliduser").asString()).isEqualTo("ghost");
		assertThat(r.path("invalidparty").asString()).isEqualTo("99");
		assertThat(r.path("invalidtag").asString()).isEqualTo("5");
		assertThat(wecom.emulator().messages("BOSS")).hasSize(1);
		assertThat(code(api.post(send, "{\"touser\":\"ghost\",\"msgtype\":\"text\",\"agentid\":1000002,"
				+ "\"text\":{\"content\":\"x\"}}"))).isEqualTo(81013);
		assertThat(code(api.post(send, "{\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"x\"}}")))
				.isEqualTo(82001);
		assertThat(code(api.post("/cgi-bin/message/send?access_token=" + sync, "{\"touser\":\"boss\",\"msgtype\":\"text\","
				+ "\"agentid\":1000002,\"text\":{\"content\":\"x\"}}"))).isEqualTo(48002);
		assertThat(code(api.post(send, "{\"touser\":\"boss\",\"msgtype\":\"textcard\",\"agentid\":1000002,"
				+ "\"textcard\":{\"title\":\"t\",\"url\":\"http://x\"}}"))).isEqualTo(41033);
		for (int i = 0; i < 40; i++) {
			assertThat(code(api.post(send, "{\"touser\":\"boss\",\"msgtype\":\"text\",\"agentid\":1000002,"
					+ "\"text\":{\"content\":\"n" + i + "\"}}"))).isZero();
		}
		long delivered = wecom.emulator().messages("boss").stream().filter(m -> !m.dropped()).count();
		long dropped = wecom.emulator().messages("boss").stream().filter(DeliveredMessage::dropped).count();
		assertThat(delivered).isEqualTo(30);
		assertThat(dropped).isEqualTo(11);
		wecom.emulator().clock().advance(Duration.ofMinutes(1));
		api.post(send, "{\"touser\":\"boss\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"later\"}}");
		assertThat(wecom.emulator().messages("boss").get(41).dropped()).isFalse();
	}

	@Test
	void theSendingAppRecallsAMessageWithin24Hours() {
		wecom.emulator().seedCorp(CorpSeed.corp(CORP).name("协同科技").contactSyncSecret("sync").creator("boss")
				.department(2, "研发部", 1).user("boss", "老板", "13800000000", 1).user("lisi", "李四", "13800000001", 2)
				.agent(AgentSeed.of(1000002, "协同办公", "appsecret")).agent(AgentSeed.of(1000003, "付款审批", "pbsecret")));
		app = api.token(CORP, "appsecret");
		sync = api.token(CORP, "sync");
		String send = "/cgi-bin/message/send?access_token=" + app;
		String recall = "/cgi-bin/message/recall?access_token=" + app;
		String first = api.post(send, "{\"touser\":\"boss|lisi\",\"msgtype\":\"textcard\",\"agentid\":1000002,"
				+ "\"textcard\":{\"title\":\"通知\",\"description\":\"下午开会\",\"url\":\"http://x/1\"}}").path("msgid").asString();
		String second = api.post(send, "{\"touser\":\"boss\",\"msgtype\":\"text\",\"agentid\":1000002,"
				+ "\"text\":{\"content\":\"另一条\"}}").path("msgid").asString();

		assertThat(code(api.post("/cgi-bin/message/recall?access_token=" + api.token(CORP, "pbsecret"), "{\"msgid\":\"" + first + "\"}")))
				.as("another app").isEqualTo(40058);
		assertThat(code(api.post("/cgi-bin/message/recall?access_token=" + sync, "{\"msgid\":\"" + first + "\"}"))).isEqualTo(48002);
		assertThat(code(api.post(recall, "{}"))).isEqualTo(40058);
		assertThat(code(api.post(recall, "{\"msgid\":\"nonesuch\"}"))).isEqualTo(40058);
		assertThat(wecom.emulator().messages()).noneMatch(DeliveredMessage::recalled);

		assertThat(code(api.post(recall, "{\"msgid\":\"" + first + "\"}"))).isZero();
		assertThat(code(api.post(recall, "{\"msgid\":\"" + first + "\"}"))).as("again").isZero();
		assertThat(wecom.emulator().messages("lisi")).singleElement().satisfies(m -> assertThat(m.recalled()).isTrue());
		assertThat(wecom.emulator().messages("boss")).extracting(DeliveredMessage::recalled).containsExactly(true, false);
		JsonNode journal = api.get("/__emulator/messages?userid=boss");
		assertThat(journal.path("messages").path(0).path("recalled").asBoolean()).isTrue();
		assertThat(journal.path("messages").path(0).path("recalledAt").asString()).isNotEmpty();
		assertThat(journal.path("messages").path(1).path("recalled").asBoolean()).isFalse();
		assertThat(wecom.emulator().callCounts()).containsEntry("/cgi-bin/message/recall", 6L);

		wecom.emulator().clock().advance(Duration.ofHours(24).plusSeconds(1));
		String later = "/cgi-bin/message/recall?access_token=" + api.token(CORP, "appsecret");
		assertThat(code(api.post(later, "{\"msgid\":\"" + second + "\"}"))).as("after 24 h").isEqualTo(40058);
		assertThat(wecom.emulator().messages("boss").get(1).recalled()).isFalse();
	}

	@Test
	void duplicateCheckSuppressesIdenticalRequests() {
		String body = "{\"touser\":\"boss\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"dup\"},"
				+ "\"enable_duplicate_check\":1,\"duplicate_check_interval\":60}";
		api.post("/cgi-bin/message/send?access_token=" + app, body);
		api.post("/cgi-bin/message/send?access_token=" + app, body);
		assertThat(wecom.emulator().messages("boss")).extracting(DeliveredMessage::dropped).containsExactly(false, true);
	}

	@Test
	void menusAndAgents() {
		String ok = "{\"button\":[{\"type\":\"click\",\"name\":\"待办\",\"key\":\"TODO\"},{\"name\":\"更多\",\"sub_button\":["
				+ "{\"type\":\"view\",\"name\":\"首页\",\"url\":\"https://oa.example.com/home\"}]}]}";
		assertThat(code(api.post("/cgi-bin/menu/create?access_token=" + app + "&agentid=1000002", ok))).isZero();
		assertThat(api.get("/cgi-bin/menu/get?access_token=" + app + "&agentid=1000002").path("button")).hasSize(2);
		assertThat(code(api.post("/cgi-bin/menu/create?access_token=" + app + "&agentid=1000002",
				"{\"button\":[{\"type\":\"view\",\"name\":\"x\",\"url\":\"https://evil.example.com/\"}]}"))).isEqualTo(40055);
		assertThat(code(api.post("/cgi-bin/menu/create?access_token=" + app + "&agentid=1000002",
				"{\"button\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"a\"},{\"type\":\"click\",\"name\":\"b\",\"key\":\"b\"},"
						+ "{\"type\":\"click\",\"name\":\"c\",\"key\":\"c\"},{\"type\":\"click\",\"name\":\"d\",\"key\":\"d\"}]}")))
				.isEqualTo(40016);
		assertThat(code(api.get("/cgi-bin/menu/delete?access_token=" + app + "&agentid=1000002"))).isZero();
		assertThat(code(api.get("/cgi-bin/menu/get?access_token=" + app + "&agentid=1000002"))).isEqualTo(46003);
		JsonNode agent = api.get("/cgi-bin/agent/get?access_token=" + app + "&agentid=1000002");
		assertThat(agent.path("redirect_domain").asString()).isEqualTo("oa.example.com");
		assertThat(agent.path("allow_partys").path("partyid").toString()).isEqualTo("[1]");
		assertThat(code(api.post("/cgi-bin/agent/set?access_token=" + app, "{\"agentid\":1000002,\"description\":\"ab\"}")))
				.isEqualTo(45004);
		assertThat(code(api.post("/cgi-bin/agent/set?access_token=" + app, "{\"agentid\":1000002,\"home_url\":\"ftp://x\"}")))
				.isEqualTo(40094);
		assertThat(code(api.get("/cgi-bin/agent/get?access_token=" + sync + "&agentid=1000002"))).isEqualTo(301002);
		assertThat(api.get("/cgi-bin/agent/list?access_token=" + app).path("agentlist")).hasSize(1);
	}

	@Test
	void faultsAndJournal() {
		WecomEmulator emu = wecom.emulator();
		emu.clearCalls();
		emu.faults().failNext("/cgi-bin/user/get", 2, 45009);
		assertThat(code(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=boss"))).isEqualTo(45009);
		assertThat(code(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=boss"))).isEqualTo(45009);
		assertThat(code(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=boss"))).isZero();
		assertThat(emu.callCounts()).containsEntry("/cgi-bin/user/get", 3L);
		assertThat(emu.calls()).extracting(CallRecord::errcode).containsExactly(45009, 45009, 0);
		emu.faults().errorRate(1.0, -1);
		assertThat(code(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=boss"))).isEqualTo(-1);
		emu.faults().clear();
		JsonNode calls = api.get("/__emulator/calls");
		assertThat(calls.path("counts").path("/cgi-bin/user/get").asInt()).isEqualTo(4);
		api.delete("/__emulator/calls");
		assertThat(emu.calls()).isEmpty();
	}

	@Test
	void rateLimitPerApiPerCorp() {
		try (WecomEmulator emu = WecomEmulator.start(EmulatorOptions.defaults().apiCallsPerMinute(5))) {
			emu.seedCorp(CorpSeed.corp("wwr").contactSyncSecret("s"));
			Api small = new Api(emu.baseUrl());
			String t = small.token("wwr", "s");
			for (int i = 0; i < 5; i++) {
				assertThat(code(small.get("/cgi-bin/department/simplelist?access_token=" + t))).isZero();
			}
			assertThat(code(small.get("/cgi-bin/department/simplelist?access_token=" + t))).isEqualTo(45009);
			assertThat(code(small.get("/cgi-bin/department/list?access_token=" + t))).isZero();
			emu.clock().advance(Duration.ofSeconds(61));
			assertThat(code(small.get("/cgi-bin/department/simplelist?access_token=" + t))).isZero();
		}
	}

	@Test
	void controlPlaneSeedsAndDumpsState() {
		JsonNode seeded = api.post("/__emulator/corps", "{\"corpId\":\"wwjson\",\"name\":\"JSON\",\"contactSyncSecret\":\"js\","
				+ "\"agents\":[{\"agentId\":1000005,\"name\":\"App\",\"secret\":\"as\",\"visibleRange\":{\"users\":[\"a\"]}}],"
				+ "\"departments\":[{\"id\":2,\"name\":\"D\",\"parentid\":1}],"
				+ "\"users\":[{\"userid\":\"a\",\"name\":\"A\",\"mobile\":\"1\",\"department\":[2]}]}");
		assertThat(seeded.path("ok").asBoolean()).isTrue();
		JsonNode state = api.get("/__emulator/state");
		assertThat(state.path("corps").toString()).contains("wwjson", "\"userid\":\"a\"");
		assertThat(api.token("wwjson", "as")).isNotEmpty();
		api.post("/__emulator/corps/wwjson/agents/1000005/visible-range", "{\"parties\":[2]}");
		assertThat(wecom.emulator().corp("wwjson").agent(1000005).visibleRange().parties()).containsExactly(2);
		assertThat(api.post("/__emulator/corps", "{\"corpId\":\"wwbad\",\"agents\":[{\"agentId\":1}]}").path("error").asString())
				.isEqualTo("agents[].name is required");
		assertThat(api.post("/__emulator/faults", "{\"errorRate\":0.5}").path("error").asString()).contains("errcode");
		api.post("/__emulator/reset", "");
		assertThat(wecom.emulator().corpIds()).isEmpty();
	}

	@Test
	void visibleRangeLicencesClosedAppsAndLatency() {
		WecomEmulator emu = wecom.emulator();
		CorpState corp = emu.corp(CORP);
		corp.addUser("outsider", "外人", "13700000001", 2);
		corp.addUser("nolicence", "无许可", "13700000002", 1);
		corp.setLicensed("nolicence", false);
		emu.setVisibleRange(CORP, 1000002, VisibleRange.of(java.util.List.of("boss", "nolicence"), java.util.List.of(),
				java.util.List.of()));
		assertThat(code(api.get("/cgi-bin/user/get?access_token=" + app + "&userid=outsider"))).isEqualTo(60111);
		assertThat(code(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=outsider"))).isZero();
		JsonNode sent = api.post("/cgi-bin/message/send?access_token=" + app, "{\"touser\":\"@all\",\"msgtype\":\"markdown\","
				+ "\"agentid\":1000002,\"markdown\":{\"content\":\"**hi**\"}}");
		assertThat(sent.path("unlicenseduser").asString()).isEqualTo("nolicence");
		assertThat(emu.messages()).extracting(DeliveredMessage::userid).containsExactly("boss");
		JsonNode outside = api.post("/cgi-bin/message/send?access_token=" + app, "{\"touser\":\"outsider|boss\",\"msgtype\":\"text\","
				+ "\"agentid\":1000002,\"text\":{\"content\":\"x\"}}");
		assertThat(outside.path("invaliduser").asString()).isEqualTo("outsider");

		emu.faults().latency(Duration.ofMillis(300));
		long start = System.nanoTime();
		api.get("/cgi-bin/agent/list?access_token=" + app);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		emu.faults().clear();

		corp.setAgentClosed(1000002, true);
		assertThat(code(api.get("/cgi-bin/agent/list?access_token=" + app))).isEqualTo(50003);
		assertThat(code(api.get("/cgi-bin/gettoken?corpid=" + CORP + "&corpsecret=appsecret"))).isEqualTo(40001);
	}

	private static int code(JsonNode r) {
		return r.path("errcode").asInt();
	}
}
