package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.xietong.organization.CorpBinding;
import cn.xietong.support.AdminApi;
import cn.xietong.systems.ApiKeys;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.DeliveredMessage;
import cn.xietong.wecom.emulator.WecomEmulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 发消息 REST API for related systems (API key), and 消息记录 of the admin API. */
@MessagingTestContext
class MessageApiTest {

	static final String CARD = """
			{"touser":["wangjianguo","zhangwei"],"msgtype":"textcard",
			 "textcard":{"title":"客户拜访提醒","description":"明天 10:00 拜访协同科技","url":"https://crm.example.com/visits/7","btntxt":"详情"}}""";

	@Autowired
	MockMvc mvc;
	@Autowired
	ApiKeys apiKeys;
	@Autowired
	Dispatcher dispatcher;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;
	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();
	WecomEmulator emu;
	String crmKey;
	String oaKey;

	@BeforeEach
	void setUp() {
		jdbc.sql("delete from outbox_message").update();
		emu = EmulatedCorp.fresh(corp, systems, 0);
		crmKey = apiKeys.create("CRM", "CRM 集成").key();
		oaKey = apiKeys.create("OA", "OA 集成").key();
	}

	ResultActions send(String key, String body, String idempotencyKey) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).content(body);
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return mvc.perform(request);
	}

	long id(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asLong();
	}

	@Test
	void aRelatedSystemSendsACardAndReadsItsState() throws Exception {
		ResultActions accepted = send(crmKey, CARD, null).andExpect(status().isAccepted()).andExpect(jsonPath("$.state").value("pending"));
		long id = id(accepted);
		accepted.andExpect(header().string("Location", "/api/v1/messages/" + id));
		dispatcher.dispatchDue();

		mvc.perform(get("/api/v1/messages/{id}", id).header("Authorization", "Bearer " + crmKey)).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("sent")).andExpect(jsonPath("$.msgtype").value("textcard"))
			.andExpect(jsonPath("$.recipients[*].id", containsInAnyOrder("wangjianguo", "zhangwei")))
			.andExpect(jsonPath("$.recipients[*].state", containsInAnyOrder("sent", "sent")));
		DeliveredMessage card = emu.messages("wangjianguo").get(0);
		assertThat(card.agentId()).isEqualTo(EmulatedCorp.CRM_AGENT);
		assertThat(card.contentJson()).contains("客户拜访提醒").contains("https://crm.example.com/visits/7");
	}

	@Test
	void anotherSystemsMessageIsNotFound() throws Exception {
		long id = id(send(crmKey, CARD, null).andExpect(status().isAccepted()));
		mvc.perform(get("/api/v1/messages/{id}", id).header("Authorization", "Bearer " + oaKey)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("消息 " + id + " 不存在"));
		mvc.perform(get("/api/v1/messages/{id}", 987654321L).header("Authorization", "Bearer " + crmKey)).andExpect(status().isNotFound());
	}

	@Test
	void missingWrongAndRevokedKeysAre401InPlainWords() throws Exception {
		send(null, CARD, null).andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(jsonPath("$.detail", containsString("API 密钥")));
		send("xtk_not-a-real-key", CARD, null).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail", containsString("无效或已吊销")));
		mvc.perform(post("/api/v1/messages").header("Authorization", "Basic YWRtaW46dGVzdC1hZG1pbi1wYXNzd29yZA==")
			.contentType(MediaType.APPLICATION_JSON).content(CARD)).andExpect(status().isUnauthorized());
		ApiKeys.CreatedApiKey revoked = apiKeys.create("CRM", "将吊销");
		send(revoked.key(), CARD, null).andExpect(status().isAccepted());
		apiKeys.revoke("CRM", revoked.apiKey().id());
		send(revoked.key(), CARD, null).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/messages/1")).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void badInputIs400NamingEachField() throws Exception {
		send(crmKey, """
				{"touser": 5, "toparty": ["x"], "msgtype": "video"}""", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("touser", "toparty", "msgtype")))
			.andExpect(jsonPath("$.errors[?(@.field=='msgtype')].message", hasItem("消息类型必须是 text、textcard、markdown 或 news")));
		send(crmKey, """
				{"touser": ["wangjianguo"], "msgtype": "textcard", "textcard": {"description": "%s", "url": "ftp://x", "btntxt": "查看详情啊"}}"""
			.formatted("很长".repeat(100)), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("textcard.title", "textcard.description", "textcard.url", "textcard.btntxt")))
			.andExpect(jsonPath("$.errors[?(@.field=='textcard.description')].message", hasItem("最长 512 字节（UTF-8，一个汉字 3 字节）")));
		send(crmKey, """
				{"msgtype": "text", "text": {"content": "hi"}}""", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("touser"))
			.andExpect(jsonPath("$.errors[0].message").value("接收人不能全部为空：touser、toparty、totag 至少填一项"));
		send(crmKey, "[1,2]", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
		send(crmKey, "{not json", null).andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isZero();
	}

	@Test
	void unknownEmployeesAre422ListingThem() throws Exception {
		send(crmKey, """
				{"touser": ["wangjianguo", "nobody", "ghost.user"], "msgtype": "text", "text": {"content": "你好"}}""", null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.unknownUserids", containsInAnyOrder("nobody", "ghost.user")))
			.andExpect(jsonPath("$.detail").value("以下员工ID 不存在：nobody、ghost.user"));
		assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isZero();
	}

	@Test
	void theSameIdempotencyKeyAndBodyGiveTheSameMessageAndADifferentBodyIsRefused() throws Exception {
		long first = id(send(crmKey, CARD, "order-2026-0001").andExpect(status().isAccepted()));
		long again = id(send(crmKey, CARD, "order-2026-0001").andExpect(status().isAccepted()));
		assertThat(again).isEqualTo(first);
		send(crmKey, CARD.replace("10:00", "11:00"), "order-2026-0001").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.errors[0].message", containsString("已用于另一条内容不同的消息")));
		// another system may use the same key for its own message
		long oas = id(send(oaKey, CARD, "order-2026-0001").andExpect(status().isAccepted()));
		assertThat(oas).isNotEqualTo(first);
		dispatcher.dispatchDue();
		assertThat(emu.messages("wangjianguo").stream().filter(m -> !m.dropped())).hasSize(2);
		assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void administratorsSeeEveryMessageWithStateAndRetryFailedOnes() throws Exception {
		AdminApi admin = new AdminApi(mvc);
		long sent = id(send(crmKey, CARD, null));
		dispatcher.dispatchDue();
		emu.faults().failNext("/cgi-bin/message/send", 1, 48002);
		long failed = id(send(oaKey, """
				{"touser": "chenjing", "msgtype": "markdown", "markdown": {"content": "**审批**已通过"}}""", null));
		dispatcher.dispatchDue();

		JsonNode failedOne = json.readTree(admin.get("/api/admin/messages?state=failed").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1)).andReturn().getResponse().getContentAsString()).get("items").get(0);
		assertThat(failedOne.get("id").asLong()).isEqualTo(failed);
		assertThat(failedOne.get("systemCode").asString()).isEqualTo("OA");
		assertThat(failedOne.get("lastError").asString()).contains("48002");
		admin.get("/api/admin/messages?system=crm").andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(sent))
			.andExpect(jsonPath("$.items[0].state").value("SENT"));
		admin.get("/api/admin/messages?state=nonsense").andExpect(status().isBadRequest());
		admin.get("/api/admin/messages/{id}", failed).andExpect(jsonPath("$.recipients[0].id").value("chenjing"))
			.andExpect(jsonPath("$.recipients[0].state").value("failed")).andExpect(jsonPath("$.content.content").value("**审批**已通过"));

		admin.post("/api/admin/messages/{id}/retry", "", sent).andExpect(status().isConflict());
		admin.post("/api/admin/messages/{id}/retry", "", failed).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PENDING"));
		dispatcher.dispatchDue();
		admin.get("/api/admin/messages/{id}", failed).andExpect(jsonPath("$.message.state").value("SENT"));
		assertThat(emu.messages("chenjing")).hasSize(1);
		mvc.perform(get("/api/admin/messages")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiIsInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.paths['/api/v1/messages'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/messages/{id}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/admin/messages'].get").exists())
			.andExpect(jsonPath("$.components.securitySchemes.relatedSystemApiKey.scheme").value("bearer"))
			.andExpect(jsonPath("$.components.schemas.SendMessage.properties.touser").exists());
	}
}
