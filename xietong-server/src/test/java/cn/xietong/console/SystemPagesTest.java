package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.xietong.XietongTest;
import cn.xietong.access.Role;
import cn.xietong.access.Roles;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpDraft;
import cn.xietong.systems.ApiKeys;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemDraft;
import cn.xietong.systems.SystemView;

/** 关联系统设置 and 角色: the list, the 修改 page, regenerate with confirmation, custom systems, API keys, roles. */
@XietongTest
class SystemPagesTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	RelatedSystems systems;
	@Autowired
	ApiKeys apiKeys;
	@Autowired
	Roles roles;
	@Autowired
	CorpBinding corp;

	ConsolePages pages() {
		return new ConsolePages(mvc);
	}

	@AfterEach
	void restore() {
		systems.update("PB", new SystemDraft(null, "付款审批及预算系统", null, false, null, null, "PB"));
		corp.update(new CorpDraft(false, null, null, null, true, null, null));
	}

	@Test
	void theListShowsTheBuiltinSystems() throws Exception {
		Document page = ConsolePages.doc(pages().get("/admin/systems"));
		assertThat(page.select("#system-table tbody tr td:first-child").eachText()).contains("OA", "PB", "CRM");
		assertThat(page.select("#system-table").text()).contains("协同办公系统", "付款审批及预算系统", "客户关系管理系统");
		assertThat(page.select("#system-table a").eachText()).contains("修改", "角色");
	}

	@Test
	void theEditPageShowsTokenKeyAndCallbackUrlWithCopyButtons() throws Exception {
		corp.update(new CorpDraft(false, null, null, "erp.example.com:8080", false, null, null));
		SystemView oa = systems.get("OA");
		Document page = ConsolePages.doc(pages().get("/admin/systems/OA"));
		assertThat(page.select("#token").val()).isEqualTo(oa.token()).hasSize(32);
		assertThat(page.select("#encodingAesKey").val()).isEqualTo(oa.encodingAesKey()).hasSize(43);
		assertThat(page.select("#callbackUrl").val()).isEqualTo("http://erp.example.com:8080/wecom/callback/OA");
		assertThat(page.select("button.copy[data-copy]").eachAttr("data-copy")).contains("#callbackUrl", "#token", "#encodingAesKey");
		assertThat(page.select("#menu-actions")).hasSize(1);
		assertThat(page.select("#system-test button").text()).isEqualTo("测试连接");
	}

	@Test
	void savingTheEditFormValidatesAndChangesNothingOnError() throws Exception {
		systems.update("PB", new SystemDraft(null, "付款审批及预算系统", null, false, null, null, "PB"));
		boolean secretSet = systems.get("PB").secretSet();
		MvcResult refused = pages().post("/admin/systems/PB", "bound", "true", "_bound", "on", "name", "付款审批及预算系统", "agentId", "",
				"tagName", "OA");
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		Document page = ConsolePages.doc(refused);
		assertThat(EmployeePagesTest.errorNextTo(page, "agentId")).contains("绑定企业微信时必须填写应用ID（AgentId）");
		assertThat(systems.get("PB").bound()).isFalse();

		MvcResult conflict = pages().post("/admin/systems/PB", "_bound", "on", "name", "付款审批及预算系统", "tagName", "OA");
		assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
		assertThat(EmployeePagesTest.errorNextTo(ConsolePages.doc(conflict), "tagName")).contains("标签名“OA”已被其他系统使用");

		MvcResult letters = pages().post("/admin/systems/PB", "_bound", "on", "name", "付款审批及预算系统", "agentId", "abc", "tagName", "PB");
		assertThat(letters.getResponse().getStatus()).isEqualTo(400);
		assertThat(EmployeePagesTest.errorNextTo(ConsolePages.doc(letters), "agentId")).contains("参数类型不对");

		MvcResult saved = pages().post("/admin/systems/PB", "bound", "true", "_bound", "on", "name", "付款审批", "agentId", "1000003",
				"secret", "", "tagName", "PB");
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		SystemView pb = systems.get("PB");
		assertThat(pb.bound()).isTrue();
		assertThat(pb.agentId()).isEqualTo(1000003L);
		assertThat(pb.name()).isEqualTo("付款审批");
		assertThat(pb.secretSet()).as("a blank Secret keeps the stored one").isEqualTo(secretSet);
	}

	@Test
	void regeneratingNeedsTheConfirmation() throws Exception {
		String token = systems.get("CRM").token();
		MvcResult unconfirmed = pages().post("/admin/systems/CRM/regenerate", "which", "TOKEN", "confirm", "false");
		assertThat(unconfirmed.getResponse().getStatus()).isEqualTo(400);
		assertThat(ConsolePages.html(unconfirmed)).contains("重新生成后需要到企业微信后台更新回调配置");
		assertThat(systems.get("CRM").token()).isEqualTo(token);

		MvcResult confirmed = pages().post("/admin/systems/CRM/regenerate", "which", "TOKEN", "confirm", "true");
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(302);
		assertThat(systems.get("CRM").token()).isNotEqualTo(token).hasSize(32);

		String key = systems.get("CRM").encodingAesKey();
		pages().post("/admin/systems/CRM/regenerate", "which", "ENCODING_AES_KEY", "confirm", "true");
		assertThat(systems.get("CRM").encodingAesKey()).isNotEqualTo(key).hasSize(43);
		Document page = ConsolePages.doc(pages().get("/admin/systems/CRM"));
		assertThat(page.select("form[data-confirm] input[name=confirm][data-confirmed]")).hasSize(2);
	}

	@Test
	void testConnectionWithoutABoundCorpSaysWhatToDo() throws Exception {
		corp.update(new CorpDraft(false, null, null, null, true, null, null));
		MvcResult result = pages().post("/admin/systems/OA/test");
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getFlashMap().get("failure")).asString().contains("尚未绑定企业微信");
	}

	@Test
	void customSystemsAreAddedAndDeletedButBuiltinsStay() throws Exception {
		MvcResult bad = pages().post("/admin/systems/new", "code", "x", "name", "");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		Document page = ConsolePages.doc(bad);
		assertThat(EmployeePagesTest.errorNextTo(page, "code")).contains("系统代码为 2–16 位大写字母");
		assertThat(EmployeePagesTest.errorNextTo(page, "name")).contains("系统名称不能为空");

		MvcResult duplicate = pages().post("/admin/systems/new", "code", "OA", "name", "重复");
		assertThat(duplicate.getResponse().getStatus()).isEqualTo(409);
		assertThat(ConsolePages.html(duplicate)).contains("系统代码 OA 已存在");

		MvcResult created = pages().post("/admin/systems/new", "code", "HRX", "name", "人事系统", "description", "人事");
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/systems/HRX");
		assertThat(systems.get("HRX").tagName()).isEqualTo("HRX");

		MvcResult builtin = pages().post("/admin/systems/OA/delete");
		assertThat(builtin.getFlashMap().get("failure")).asString().contains("系统 OA 是内置系统，不能删除");
		assertThat(systems.exists("OA")).isTrue();

		pages().post("/admin/systems/HRX/delete");
		assertThat(systems.exists("HRX")).isFalse();
		assertThat(pages().get("/admin/systems/HRX").getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void anApiKeyIsShownOnceThenOnlyItsPrefixAndItCanBeRevoked() throws Exception {
		MvcResult blank = pages().post("/admin/systems/CRM/api-keys", "label", " ");
		assertThat(blank.getResponse().getStatus()).isEqualTo(400);
		assertThat(ConsolePages.html(blank)).contains("密钥名称不能为空");

		MvcResult created = pages().post("/admin/systems/CRM/api-keys", "label", "客户系统推送");
		assertThat(created.getResponse().getStatus()).isEqualTo(200);
		String key = ConsolePages.doc(created).select("#newApiKey").val();
		assertThat(key).startsWith("xtk_").hasSizeGreaterThan(40);
		assertThat(apiKeys.authenticate(key)).contains("CRM");

		String later = ConsolePages.html(pages().get("/admin/systems/CRM"));
		assertThat(later).doesNotContain(key).contains("客户系统推送").contains(key.substring(0, 10));
		long id = apiKeys.list("CRM").stream().filter(k -> k.label().equals("客户系统推送")).findFirst().orElseThrow().id();

		assertThat(pages().post("/admin/systems/CRM/api-keys/" + id + "/revoke").getResponse().getStatus()).isEqualTo(302);
		assertThat(apiKeys.authenticate(key)).isEmpty();
		assertThat(ConsolePages.doc(pages().get("/admin/systems/CRM")).select("#api-key-table").text()).contains("已吊销");
	}

	@Test
	void rolesAreListedCreatedEditedAndDeletedUnderTheRules() throws Exception {
		Document list = ConsolePages.doc(pages().get("/admin/systems/OA/roles"));
		assertThat(list.select("#role-table").text()).contains("普通员工", "仅限电脑办公", "不允许", "公告");

		Document form = ConsolePages.doc(pages().get("/admin/systems/OA/roles/new"));
		assertThat(form.select("input[name=allowWecom][value=true]").hasAttr("checked")).as("默认允许").isTrue();
		assertThat(form.select("input[name=permissions]").eachAttr("value")).containsExactly("oa.collab", "oa.notice", "oa.news",
				"oa.survey", "oa.discussion", "oa.contacts", "oa.external");

		MvcResult blank = pages().post("/admin/systems/OA/roles/new", "name", "", "allowWecom", "true");
		assertThat(blank.getResponse().getStatus()).isEqualTo(400);
		assertThat(EmployeePagesTest.errorNextTo(ConsolePages.doc(blank), "name")).contains("角色名称不能为空");

		MvcResult duplicate = pages().post("/admin/systems/OA/roles/new", "name", "普通员工", "allowWecom", "true");
		assertThat(duplicate.getResponse().getStatus()).isEqualTo(409);
		assertThat(ConsolePages.html(duplicate)).contains("该系统已有名为“普通员工”的角色");

		MvcResult created = pages().post("/admin/systems/OA/roles/new", "name", "公告管理员", "allowWecom", "false", "permissions",
				"oa.notice", "permissions", "oa.news", "_permissions", "on");
		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		Role role = roles.of("OA").stream().filter(r -> r.getName().equals("公告管理员")).findFirst().orElseThrow();
		assertThat(role.isAllowWecom()).isFalse();
		assertThat(role.permissionCodes()).containsExactly("oa.news", "oa.notice");

		MvcResult edited = pages().post("/admin/systems/OA/roles/" + role.getId(), "name", "公告管理员", "allowWecom", "true",
				"_permissions", "on");
		assertThat(edited.getResponse().getStatus()).isEqualTo(302);
		assertThat(roles.get("OA", role.getId()).permissionCodes()).isEmpty();
		assertThat(roles.get("OA", role.getId()).isAllowWecom()).isTrue();

		long held = roles.of("OA").stream().filter(r -> r.getName().equals("普通员工")).findFirst().orElseThrow().getId();
		MvcResult refused = pages().post("/admin/systems/OA/roles/" + held + "/delete");
		assertThat(refused.getFlashMap().get("failure")).asString().contains("角色已授予").contains("名员工，请先收回");

		pages().post("/admin/systems/OA/roles/" + role.getId() + "/delete");
		assertThat(roles.of("OA")).extracting(Role::getName).doesNotContain("公告管理员");
	}
}
