package cn.xietong.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import cn.xietong.WecomTest;
import cn.xietong.sandbox.SandboxCorp;
import cn.xietong.support.TestWecom;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * The server's client drives every emulator endpoint Xietong uses and gets the documented answers;
 * errors arrive as typed {@link WecomException}s with the errcode and a plain Chinese message.
 */
@WecomTest
class ClientConformanceTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WecomApps apps;

	@Autowired
	WecomClient client;

	WecomEmulator emu;
	SandboxCorp corp;
	ContactApi contacts;

	@BeforeEach
	void bind() {
		corp = TestWecom.bindTo(context);
		emu = TestWecom.emulator();
		contacts = apps.contacts().orElseThrow();
	}

	@Test
	void departmentsCreateReadUpdateDelete() {
		long sales = contacts.createDepartment(new WecomDepartment(null, "销售部", 1L, 100L));
		long east = contacts.createDepartment(new WecomDepartment(null, "华东区", sales, 10L));
		contacts.updateDepartment(new WecomDepartment(east, "华东大区", sales, null));

		assertThat(contacts.department(east)).get().extracting(WecomDepartment::name, WecomDepartment::parentId)
			.containsExactly("华东大区", sales);
		assertThat(contacts.departmentIds()).extracting(WecomDepartment::id).contains(1L, sales, east);
		assertThat(contacts.departments()).extracting(WecomDepartment::name).contains("销售部", "华东大区");

		assertThatThrownBy(() -> contacts.deleteDepartment(sales)).isInstanceOfSatisfying(WecomException.class,
				ex -> assertThat(ex.code()).isEqualTo(60006));
		assertThatThrownBy(() -> contacts.createDepartment(new WecomDepartment(null, "华东大区", sales, null)))
			.isInstanceOfSatisfying(WecomException.class, ex -> assertThat(ex.code()).isEqualTo(60008));
		contacts.deleteDepartment(east);
		contacts.deleteDepartment(sales);
		assertThat(contacts.department(sales)).isEmpty();
	}

	@Test
	void membersCreateReadUpdateListDelete() {
		long dept = contacts.createDepartment(new WecomDepartment(null, "研发部", 1L, null));
		contacts.createUser(WecomUser.of("ZhangSan", "张三", "13800000001", null, List.of(dept), dept, "工程师"), false);
		contacts.createUser(WecomUser.of("lisi", "李四", null, "lisi@example.com", List.of(dept), dept, null), false);

		assertThat(contacts.user("zhangsan")).get().satisfies(u -> {
			assertThat(u.name()).isEqualTo("张三");
			assertThat(u.department()).containsExactly(dept);
			assertThat(u.position()).isEqualTo("工程师");
		});
		assertThatThrownBy(() -> contacts.createUser(WecomUser.of("wangwu", "王五", "13800000001", null, List.of(dept), dept, null), false))
			.isInstanceOfSatisfying(WecomException.class, ex -> {
				assertThat(ex.code()).isEqualTo(60104);
				assertThat(ex.getMessage()).contains("手机号");
			});
		assertThatThrownBy(() -> contacts.createUser(WecomUser.of("LISI", "李四二", null, "other@example.com", List.of(dept), dept, null), false))
			.isInstanceOfSatisfying(WecomException.class, ex -> assertThat(ex.code()).isEqualTo(60102));

		contacts.updateUser(new WecomUser("zhangsan", null, null, null, null, null, "高级工程师", null, null));
		assertThat(contacts.user("zhangsan")).get().extracting(WecomUser::position).isEqualTo("高级工程师");
		assertThat(contacts.users(dept, false)).extracting(WecomUser::name).containsExactlyInAnyOrder("张三", "李四");
		assertThat(contacts.memberIds()).extracting(m -> m.userid().toLowerCase()).contains("zhangsan", "lisi");

		contacts.deleteUsers(List.of("zhangsan", "lisi"));
		assertThat(contacts.user("zhangsan")).isEmpty();
		assertThat(contacts.users(dept, false)).isEmpty();
	}

	@Test
	void tagsAndTheirMembers() {
		contacts.createUser(WecomUser.of("zhaoliu", "赵六", "13800000002", null, List.of(1L), 1L, null), false);
		long tag = contacts.createTag("OA", null);
		TagChange change = contacts.addToTag(tag, List.of("zhaoliu", "nobody"), List.of());
		assertThat(change.invalidUsers()).containsExactly("nobody");
		assertThat(contacts.tag(tag).userids()).containsExactly("zhaoliu");
		contacts.renameTag(tag, "协同办公");
		assertThat(contacts.tags()).extracting(WecomTag::name).contains("协同办公");
		contacts.removeFromTag(tag, List.of("zhaoliu"), List.of());
		assertThat(contacts.tag(tag).userids()).isEmpty();
		contacts.deleteTag(tag);
		assertThat(contacts.tags()).extracting(WecomTag::id).doesNotContain(tag);
	}

	@Test
	void batchImportOfMembers() throws Exception {
		String csv = "姓名,帐号,手机号,邮箱,所在部门,职位\n孙七,sunqi,13800000003,,1,\n周八,zhouba,13800000004,,1,\n";
		String media = contacts.uploadFile("members.csv", csv.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"));
		String job = contacts.syncUsers(media, false, null);
		BatchJobResult result = contacts.batchResult(job);
		for (int i = 0; i < 50 && result.status() != 3; i++) {
			Thread.sleep(100);
			result = contacts.batchResult(job);
		}
		assertThat(result.status()).isEqualTo(3);
		assertThat(contacts.user("sunqi")).isPresent();
		assertThat(contacts.user("zhouba")).isPresent();
	}

	@Test
	void appMessagesMenuAgentAndOAuth() {
		contacts.createUser(WecomUser.of("qianjiu", "钱九", "13800000005", null, List.of(1L), 1L, null), false);
		AppApi oa = apps.app("OA").orElseThrow();
		assertThat(oa.agentId()).isEqualTo(corp.agentIds().get("OA"));

		SendResult sent = oa.send(OutgoingMessage.toUsers(List.of("qianjiu", "ghost"),
				new MessageContent.TextCard("【协同】请审批", "张三 发起", "http://localhost/m/oa/1", "详情")));
		assertThat(sent.invalidUsers()).containsExactly("ghost");
		assertThat(emu.messages("qianjiu")).hasSize(1);
		oa.recall(sent.msgId());
		assertThat(emu.messages("qianjiu")).singleElement().satisfies(m -> assertThat(m.recalled()).isTrue());
		assertThatThrownBy(() -> oa.recall("no-such-msgid")).isInstanceOfSatisfying(WecomException.class,
				ex -> assertThat(ex.code()).isEqualTo(40058));
		assertThatThrownBy(() -> oa.send(OutgoingMessage.toUsers(List.of("ghost"), new MessageContent.Text("hi"))))
			.isInstanceOfSatisfying(WecomException.class, ex -> assertThat(ex.code()).isEqualTo(81013));

		oa.createMenu(List.of(new MenuButton("待办", "click", "OA_TODO", null, null)));
		assertThat(oa.menu()).get().satisfies(menu -> assertThat(menu).extracting(MenuButton::name).containsExactly("待办"));
		oa.deleteMenu();
		assertThat(oa.menu()).isEmpty();

		assertThat(oa.agent().agentId()).isEqualTo(oa.agentId());

		String xietong = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
		String authorize = oa.authorizeUrl(xietong + "/m/oauth/OA", "s1");
		String back = emu.phone().authorize(TestWecom.CORP_ID, "qianjiu", authorize);
		assertThat(back).startsWith(xietong + "/m/oauth/OA?").contains("state=s1");
		String code = back.replaceAll(".*[?&]code=([^&]+).*", "$1");
		assertThat(oa.identify(code).userid()).isEqualTo("qianjiu");
		assertThatThrownBy(() -> oa.identify(code)).isInstanceOfSatisfying(WecomException.class,
				ex -> assertThat(ex.code()).isEqualTo(40029));
	}

	@Test
	void contactWritesNeedTheContactSecretAndTestConnectionWorks() {
		assertThat(corp.agentIds()).containsKeys("OA", "PB", "CRM");
		apps.testCorp();
		apps.testApp("OA");

		// An app's secret reads but never writes the directory (48002).
		String appSecret = context.getBean(cn.xietong.systems.RelatedSystems.class).appSecret("OA").orElseThrow();
		ContactApi withAppSecret = client.contacts(new WecomCredentials(TestWecom.CORP_ID, appSecret,
				java.net.URI.create(emu.baseUrl()), java.net.URI.create(emu.baseUrl())));
		assertThatThrownBy(() -> withAppSecret.createDepartment(new WecomDepartment(null, "越权部", 1L, null)))
			.isInstanceOfSatisfying(WecomException.class, ex -> assertThat(ex.code()).isEqualTo(48002));

		// A wrong secret is refused with a plain answer.
		ContactApi wrong = client.contacts(new WecomCredentials(TestWecom.CORP_ID, "not-the-secret",
				java.net.URI.create(emu.baseUrl()), java.net.URI.create(emu.baseUrl())));
		assertThatThrownBy(wrong::departmentIds).isInstanceOfSatisfying(WecomException.class,
				ex -> assertThat(ex.code()).isEqualTo(40001));
	}
}
