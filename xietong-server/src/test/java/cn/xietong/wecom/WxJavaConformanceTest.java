package cn.xietong.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.xietong.support.TestWecom;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.WecomEmulator;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

/**
 * Conformance of the emulator with an independent, widely used client: WxJava drives every endpoint
 * Xietong uses and gets the documented answers.
 */
class WxJavaConformanceTest {

	static final String CORP = "wwwxjavaconformance";
	static final String CONTACT_SECRET = "contact-secret-0123456789abcdefghijklmnopq";
	static final String APP_SECRET = "app-secret-0123456789abcdefghijklmnopqrstuv";
	static final int AGENT = 1000010;

	WecomEmulator emu;
	WxCpService contacts;
	WxCpService app;

	@BeforeEach
	void seed() {
		emu = TestWecom.emulator();
		emu.reset();
		emu.seedCorp(CorpSeed.corp(CORP).name("一致性测试公司").contactSyncSecret(CONTACT_SECRET).creator("owner")
			.agent(AgentSeed.of(AGENT, "协同办公", APP_SECRET).redirectDomain("localhost:8080")));
		contacts = service(CONTACT_SECRET);
		app = service(APP_SECRET);
	}

	private WxCpService service(String secret) {
		WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
		config.setCorpId(CORP);
		config.setCorpSecret(secret);
		config.setAgentId(AGENT);
		config.setBaseApiUrl(emu.baseUrl());
		WxCpServiceImpl service = new WxCpServiceImpl();
		service.setWxCpConfigStorage(config);
		service.setMaxRetryTimes(1); // 0 turns every error into a WxRuntimeException
		return service;
	}

	@Test
	void departments() throws Exception {
		WxCpDepart sales = new WxCpDepart();
		sales.setName("销售部");
		sales.setParentId(1L);
		sales.setOrder(100L);
		Long id = contacts.getDepartmentService().create(sales);
		assertThat(id).isPositive();
		assertThat(contacts.getDepartmentService().get(id).getName()).isEqualTo("销售部");
		assertThat(contacts.getDepartmentService().list(1L)).extracting(WxCpDepart::getId).contains(1L, id);
		assertThat(contacts.getDepartmentService().simpleList(1L)).extracting(WxCpDepart::getId).contains(1L, id);

		WxCpDepart rename = new WxCpDepart();
		rename.setId(id);
		rename.setName("销售中心");
		contacts.getDepartmentService().update(rename);
		assertThat(contacts.getDepartmentService().get(id).getName()).isEqualTo("销售中心");

		WxCpDepart twin = new WxCpDepart();
		twin.setName("销售中心");
		twin.setParentId(1L);
		assertThatThrownBy(() -> contacts.getDepartmentService().create(twin)).isInstanceOfSatisfying(WxErrorException.class,
				ex -> assertThat(ex.getError().getErrorCode()).isEqualTo(60008));
		assertThatThrownBy(() -> app.getDepartmentService().create(twin)).isInstanceOfSatisfying(WxErrorException.class,
				ex -> assertThat(ex.getError().getErrorCode()).isEqualTo(48002));

		contacts.getDepartmentService().delete(id);
		assertThatThrownBy(() -> contacts.getDepartmentService().delete(1L)).isInstanceOf(WxErrorException.class);
	}

	@Test
	void members() throws Exception {
		WxCpUser user = new WxCpUser();
		user.setUserId("ZhangSan");
		user.setName("张三");
		user.setMobile("13900000001");
		user.setDepartIds(new Long[] { 1L });
		user.setPosition("经理");
		contacts.getUserService().create(user);

		WxCpUser read = contacts.getUserService().getById("zhangsan");
		assertThat(read.getName()).isEqualTo("张三");
		assertThat(read.getPosition()).isEqualTo("经理");

		WxCpUser duplicate = new WxCpUser();
		duplicate.setUserId("lisi");
		duplicate.setName("李四");
		duplicate.setMobile("13900000001");
		duplicate.setDepartIds(new Long[] { 1L });
		assertThatThrownBy(() -> contacts.getUserService().create(duplicate)).isInstanceOfSatisfying(WxErrorException.class,
				ex -> assertThat(ex.getError().getErrorCode()).isEqualTo(60104));

		WxCpUser change = new WxCpUser();
		change.setUserId("zhangsan");
		change.setPosition("总监");
		contacts.getUserService().update(change);
		assertThat(contacts.getUserService().getById("zhangsan").getPosition()).isEqualTo("总监");

		assertThat(contacts.getUserService().listByDepartment(1L, true, 0)).extracting(WxCpUser::getName).contains("张三");
		assertThat(contacts.getUserService().listSimpleByDepartment(1L, true, 0)).extracting(WxCpUser::getName).contains("张三");
		assertThat(contacts.getUserService().getUserListId(null, 100).getDeptUser()).extracting(u -> u.getUserId().toLowerCase())
			.contains("zhangsan");

		contacts.getUserService().delete("zhangsan");
		assertThatThrownBy(() -> contacts.getUserService().getById("zhangsan")).isInstanceOfSatisfying(WxErrorException.class,
				ex -> assertThat(ex.getError().getErrorCode()).isEqualTo(60111));
	}

	@Test
	void tags() throws Exception {
		WxCpUser user = new WxCpUser();
		user.setUserId("wangwu");
		user.setName("王五");
		user.setEmail("wangwu@example.com");
		user.setDepartIds(new Long[] { 1L });
		contacts.getUserService().create(user);

		String tag = contacts.getTagService().create("OA", null);
		var added = contacts.getTagService().addUsers2Tag(tag, List.of("wangwu", "ghost"), null);
		assertThat(added.getInvalidUsers()).isEqualTo("ghost");
		assertThat(contacts.getTagService().get(tag).getUserlist()).extracting(u -> u.getUserId()).containsExactly("wangwu");
		assertThat(contacts.getTagService().listAll()).extracting(t -> t.getName()).contains("OA");
		contacts.getTagService().removeUsersFromTag(tag, List.of("wangwu"), null);
		assertThat(contacts.getTagService().get(tag).getUserlist()).isEmpty();
		contacts.getTagService().delete(tag);
		assertThat(contacts.getTagService().listAll()).extracting(t -> t.getId()).doesNotContain(tag);
	}

	@Test
	void messagesMenuAgentAndOAuth() throws Exception {
		WxCpUser user = new WxCpUser();
		user.setUserId("zhaoliu");
		user.setName("赵六");
		user.setMobile("13900000002");
		user.setDepartIds(new Long[] { 1L });
		contacts.getUserService().create(user);

		WxCpMessageSendResult sent = app.getMessageService().send(WxCpMessage.TEXTCARD().agentId(AGENT).toUser("zhaoliu|ghost")
			.title("【协同】请审批").description("张三 发起").url("http://localhost:8080/m/oa/1").btnTxt("详情").build());
		assertThat(sent.getInvalidUser()).isEqualTo("ghost");
		assertThat(emu.messages("zhaoliu")).hasSize(1);
		app.getMessageService().recall(sent.getMsgId());
		assertThat(emu.messages("zhaoliu")).singleElement().satisfies(m -> assertThat(m.recalled()).isTrue());
		assertThatThrownBy(() -> app.getMessageService().send(WxCpMessage.TEXT().agentId(AGENT).toUser("ghost").content("hi").build()))
			.isInstanceOfSatisfying(WxErrorException.class, ex -> assertThat(ex.getError().getErrorCode()).isEqualTo(81013));

		WxMenu menu = new WxMenu();
		WxMenuButton todo = new WxMenuButton();
		todo.setType("click");
		todo.setName("待办");
		todo.setKey("OA_TODO");
		menu.getButtons().add(todo);
		app.getMenuService().create(AGENT, menu);
		assertThat(app.getMenuService().get(AGENT).getButtons()).extracting(WxMenuButton::getName).containsExactly("待办");
		app.getMenuService().delete(AGENT);

		assertThat(app.getAgentService().get(AGENT).getName()).isEqualTo("协同办公");

		String authorize = emu.baseUrl() + "/connect/oauth2/authorize?appid=" + CORP
				+ "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fm%2Foauth%2FOA&response_type=code&scope=snsapi_base&state=s&agentid=" + AGENT
				+ "#wechat_redirect";
		String back = emu.phone().authorize(CORP, "zhaoliu", authorize);
		String code = back.replaceAll(".*[?&]code=([^&]+).*", "$1");
		assertThat(app.getOauth2Service().getAuthUserInfo(code).getUserId()).isEqualTo("zhaoliu");
	}
}
