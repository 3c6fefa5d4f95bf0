package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;

/** 员工信息管理 shows each member's 关注 state as WeChat Work reported it through the callbacks. */
@XietongTest
class EmployeePresencePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListShowsWhoFollowsWhichApp() throws Exception {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("delete from member_presence where userid in ('zhangwei', 'liuyang')").update();
		jdbc.sql("insert into member_presence (system_code, userid, followed, follow_at, updated_at) values ('OA', 'zhangwei', true, ?, ?)")
			.params(now, now).update();
		jdbc.sql("insert into member_presence (system_code, userid, followed, follow_at, updated_at) values ('PB', 'zhangwei', true, ?, ?)")
			.params(now, now).update();
		jdbc.sql("insert into member_presence (system_code, userid, followed, follow_at, updated_at) values ('OA', 'liuyang', false, ?, ?)")
			.params(now, now).update();

		assertThat(followCell("张伟")).isEqualTo("OA, PB");
		assertThat(followCell("刘洋")).isEqualTo("未关注");
		assertThat(followCell("王建国")).isEqualTo("—");
	}

	private String followCell(String name) throws Exception {
		Document page = ConsolePages.doc(new ConsolePages(mvc).get("/admin/employees?q=" + name));
		Element row = page.select("#employee-table tbody tr").first();
		assertThat(row).isNotNull();
		return row.select("td.follow").text();
	}
}
