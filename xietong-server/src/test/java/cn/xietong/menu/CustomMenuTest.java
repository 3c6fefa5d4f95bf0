package cn.xietong.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.WecomTest;
import cn.xietong.support.TestWecom;
import cn.xietong.sandbox.SandboxCorp;
import cn.xietong.organization.CorpBinding;
import cn.xietong.support.AdminApi;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.WecomEmulator;

/** 生成自定义菜单 against the emulator: the menu lands on the app, errors come back in plain Chinese. */
@WecomTest
class CustomMenuTest {

	@Autowired MockMvc mvc;
	@Autowired CorpBinding corp;
	@Autowired RelatedSystems systems;
	@LocalServerPort int port;
	@Autowired org.springframework.context.ApplicationContext context;
	WecomEmulator emu;
	SandboxCorp sandbox;
	AdminApi admin;

	@BeforeEach
	void bind() {
		sandbox = TestWecom.bindTo(context);
		emu = TestWecom.emulator();
		admin = new AdminApi(mvc);
	}

	@Test
	void theOaMenuIsCreatedWithOAuthLinksToTheMobilePages() throws Exception {
		admin.post("/api/admin/systems/OA/menu", "").andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.message").value("生成自定义菜单成功！"));
		String menu = emu.corp(TestWecom.CORP_ID).menu(sandbox.agentIds().get("OA").intValue());
		assertThat(menu).contains("待办协同", "已发协同", "待办数量", "OA_TODO_COUNT", "公告", "外部联系人");
		// view buttons open the pages on the trusted domain (WeChat Work refuses other domains, 40055); OAuth2 follows there
		assertThat(menu).contains("http://localhost:" + port + "/m/oa/todo", "http://localhost:" + port + "/m/oa/external");

		admin.post("/api/admin/systems/PB/menu", "").andExpect(status().isOk());
		assertThat(emu.corp(TestWecom.CORP_ID).menu(sandbox.agentIds().get("PB").intValue())).contains("待我审批", "我的申请", "预算查询");
	}

	@Test
	void systemsWithoutAMenuOrAnAppAreRefusedBeforeAnyCall() throws Exception {
		emu.clearCalls();
		admin.post("/api/admin/systems/CRM/menu", "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("关联系统 CRM 没有自定义菜单"));
		systems.update("PB", new cn.xietong.systems.SystemDraft(null, null, null, false, null, null, null));
		admin.post("/api/admin/systems/PB/menu", "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("关联系统 PB 尚未绑定企业微信应用（应用ID），不能生成自定义菜单"));
		admin.post("/api/admin/systems/NOPE/menu", "").andExpect(status().isNotFound());
		assertThat(emu.calls()).noneMatch(c -> c.path().contains("menu/create"));
	}

	@Test
	void aRefusalOfWeChatWorkIsAnsweredInPlainChinese() throws Exception {
		emu.faults().failNext("/cgi-bin/menu/create", 1, 40055);
		admin.post("/api/admin/systems/OA/menu", "").andExpect(status().isBadGateway()).andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.code").value(40055)).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("生成自定义菜单失败：")));
		emu.faults().clear();
	}

	@Test
	void the修改PageOffersTheButtonForSystemsWithAMenu() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/systems/OA").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"generate-menu\"")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/systems/CRM").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"generate-menu\""))));
	}

	@Test
	void theConsoleButtonAnswersOnThe修改Page() throws Exception {
		mvc.perform(post("/admin/systems/OA/menu").with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/systems/OA")).andExpect(flash().attribute("notice", "生成自定义菜单成功！"));
		mvc.perform(post("/admin/systems/CRM/menu").with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().isFound())
			.andExpect(flash().attribute("failure", org.hamcrest.Matchers.startsWith("生成自定义菜单失败：")));
	}
}
