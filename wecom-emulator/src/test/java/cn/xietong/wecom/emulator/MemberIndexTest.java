package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uniqueness of userid (60102, case-insensitive), mobile (60104, spaces and dashes ignored) and email
 * (60106, case-insensitive) stays right as members are created, updated, deleted, imported and added
 * in the console: the normalised indexes follow every change.
 */
class MemberIndexTest {
	static final String CORP = "wwindex";

	@RegisterExtension
	static WecomEmulatorExtension wecom = WecomEmulatorExtension.create()
			.seed(CorpSeed.corp(CORP).contactSyncSecret("sync").creator("boss").department(2, "研发部", 1)
					.user("boss", "老板", "13800000000", 1))
			.resetBeforeEach(true);

	Api api;
	String sync;

	@BeforeEach
	void setUp() {
		api = new Api(wecom.baseUrl());
		sync = api.token(CORP, "sync");
	}

	@AfterEach
	void indexesMatchTheMembers() {
		assertThat(wecom.emulator().corp(CORP).indexConsistent()).isTrue();
	}

	int create(String userid, String mobile, String email) {
		StringBuilder b = new StringBuilder("{\"userid\":\"" + userid + "\",\"name\":\"成员\",\"department\":[2]");
		if (mobile != null) {
			b.append(",\"mobile\":\"").append(mobile).append('"');
		}
		if (email != null) {
			b.append(",\"email\":\"").append(email).append('"');
		}
		return api.post("/cgi-bin/user/create?access_token=" + sync, b.append('}').toString()).path("errcode").asInt();
	}

	int update(String json) {
		return api.post("/cgi-bin/user/update?access_token=" + sync, json).path("errcode").asInt();
	}

	int delete(String userid) {
		return api.get("/cgi-bin/user/delete?access_token=" + sync + "&userid=" + userid).path("errcode").asInt();
	}

	@Test
	void createChecksUseridMobileAndEmailAgainstEveryMember() {
		assertThat(create("ZhangSan", "139 0000-0001", "ZS@example.com")).isZero();
		assertThat(create("zhangsan", "13900000009", null)).isEqualTo(60102);
		assertThat(create("lisi", "13900000001", null)).isEqualTo(60104);
		assertThat(create("lisi", "139-0000-0001", null)).isEqualTo(60104);
		assertThat(create("lisi", null, "zs@EXAMPLE.com")).isEqualTo(60106);
		assertThat(create("lisi", "13800000000", null)).as("the seeded member's mobile").isEqualTo(60104);
		assertThat(create("lisi", "13900000002", "ls@example.com")).isZero();
	}

	@Test
	void updatesFreeTheOldValuesAndTakeTheNewOnes() {
		assertThat(create("zhangsan", "13900000001", "zs@example.com")).isZero();
		assertThat(create("lisi", "13900000002", "ls@example.com")).isZero();
		// a member keeps its own values without conflicting with itself
		assertThat(update("{\"userid\":\"ZHANGSAN\",\"mobile\":\"139-0000-0001\",\"email\":\"ZS@example.com\"}")).isZero();
		// but cannot take another member's
		assertThat(update("{\"userid\":\"zhangsan\",\"mobile\":\"13900000002\"}")).isEqualTo(60104);
		assertThat(update("{\"userid\":\"zhangsan\",\"email\":\"LS@example.com\"}")).isEqualTo(60106);
		// a refused update changes nothing, the index included
		assertThat(create("wangwu", "13900000001", null)).isEqualTo(60104);

		assertThat(update("{\"userid\":\"zhangsan\",\"mobile\":\"13900000011\",\"email\":\"zs2@example.com\"}")).isZero();
		assertThat(create("wangwu", "13900000001", "zs@example.com")).as("the old values are free").isZero();
		assertThat(create("zhaoliu", "13900000011", null)).isEqualTo(60104);
		assertThat(create("zhaoliu", null, "ZS2@example.com")).isEqualTo(60106);
		assertThat(update("{\"userid\":\"lisi\",\"mobile\":\"139 0000 0011\"}")).isEqualTo(60104);
		assertThat(update("{\"userid\":\"lisi\",\"email\":\"zs2@example.COM\"}")).isEqualTo(60106);

		// clearing an email frees it
		assertThat(update("{\"userid\":\"zhangsan\",\"email\":\"\"}")).isZero();
		assertThat(create("zhaoliu", null, "zs2@example.com")).isZero();
	}

	@Test
	void deletesFreeTheValuesAndTheDepartment() {
		assertThat(create("zhangsan", "13900000001", "zs@example.com")).isZero();
		assertThat(create("lisi", "13900000002", "ls@example.com")).isZero();
		assertThat(api.get("/cgi-bin/department/delete?access_token=" + sync + "&id=2").path("errcode").asInt())
				.isEqualTo(60005);
		assertThat(delete("ZhangSan")).isZero();
		assertThat(create("wangwu", "13900000001", "ZS@example.com")).isZero();
		assertThat(create("zhangsan", "13900000003", null)).as("the userid is free again").isZero();
		assertThat(api.post("/cgi-bin/user/batchdelete?access_token=" + sync,
				"{\"useridlist\":[\"lisi\",\"wangwu\",\"zhangsan\"]}").path("errcode").asInt()).isZero();
		assertThat(create("zhaoliu", "13900000002", "ls@example.com")).isZero();
		assertThat(update("{\"userid\":\"zhaoliu\",\"department\":[1]}")).isZero();
		assertThat(api.get("/cgi-bin/department/delete?access_token=" + sync + "&id=2").path("errcode").asInt())
				.as("department 2 has no members left").isZero();
	}

	@Test
	void consoleMembersAreIndexedToo() {
		CorpState corp = wecom.emulator().corp(CORP);
		corp.addUser("console", "控制台成员", "13700000001", 2);
		assertThat(create("lisi", "137-0000-0001", null)).isEqualTo(60104);
		assertThat(create("Console", "13700000002", null)).isEqualTo(60102);
		// two console members may share a mobile (the console never checked); deleting one keeps it taken
		corp.addUser("twin", "双胞胎", "13700000001", 2);
		assertThat(delete("console")).isZero();
		assertThat(create("lisi", "13700000001", null)).isEqualTo(60104);
		assertThat(delete("twin")).isZero();
		assertThat(create("lisi", "13700000001", null)).isZero();
	}
}
