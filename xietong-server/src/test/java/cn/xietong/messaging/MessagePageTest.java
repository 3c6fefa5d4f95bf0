package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.MessageContent;
import cn.xietong.wecom.emulator.WecomEmulator;

/** 消息记录 in the console: the list with filters, the detail with per-recipient results, 重试. */
@MessagingTestContext
class MessagePageTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	Messages messages;
	@Autowired
	Dispatcher dispatcher;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PlatformTransactionManager transactions;

	WecomEmulator emu;

	@BeforeEach
	void setUp() {
		jdbc.sql("delete from outbox_message").update();
		emu = EmulatedCorp.fresh(corp, systems, 3);
	}

	Document page(String path) throws Exception {
		String html = mvc.perform(get(path).with(user("admin").roles("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	@Test
	void theRecordListsFiltersShowsResultsAndRetries() throws Exception {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		long ok = tx.execute(s -> messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(1), "ghost"),
				new MessageContent.Text("协同：请审批 2026 年度预算"))));
		dispatcher.dispatchDue();
		emu.faults().failNext("/cgi-bin/message/send", 1, 60020);
		long bad = tx.execute(s -> messages.publish(MessageRequest.toUsers("CRM", List.of(EmulatedCorp.user(2)),
				new MessageContent.Markdown("客户回访"))));
		dispatcher.dispatchDue();

		Document list = page("/admin/messages");
		assertThat(list.select("nav a[href=/admin/messages]").text()).isEqualTo("消息记录");
		assertThat(list.select("#messages tbody tr[data-id]")).hasSize(2);
		assertThat(list.select("tr[data-id=" + ok + "]").text()).contains("OA").contains("协同：请审批 2026 年度预算").contains("部分发送");
		assertThat(list.select("tr[data-id=" + bad + "]").text()).contains("CRM").contains("发送失败").contains("企业可信 IP");
		Document failedOnly = page("/admin/messages?state=failed&system=CRM");
		assertThat(failedOnly.select("#messages tbody tr[data-id]")).hasSize(1);
		assertThat(page("/admin/messages?state=sent").select("#messages tbody tr[data-id]")).isEmpty();

		Document detail = page("/admin/messages/" + ok);
		assertThat(detail.select("#recipients tr").text()).contains(EmulatedCorp.user(1) + " 已发送").contains("ghost 无效");
		assertThat(detail.select("#retry")).isEmpty();

		Document failed = page("/admin/messages/" + bad);
		assertThat(failed.select("#retry")).hasSize(1);
		mvc.perform(post("/admin/messages/{id}/retry", bad).with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/messages/{id}/retry", bad).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/messages/" + bad)).andExpect(flash().attribute("notice", "已重新排队，稍后发送"));
		mvc.perform(post("/admin/messages/{id}/retry", ok).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("failure", "这条消息没有发送失败的部分，无需重试"));
		dispatcher.dispatchDue();
		assertThat(page("/admin/messages/" + bad).select("#state").text()).isEqualTo("已发送");
		assertThat(emu.messages(EmulatedCorp.user(2))).hasSize(1);

		mvc.perform(get("/admin/messages").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
	}
}
