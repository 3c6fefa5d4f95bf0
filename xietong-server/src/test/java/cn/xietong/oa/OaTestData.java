package cn.xietong.oa;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Leaves the shared test context as it was: other tests expect nobody to have anything pending. */
final class OaTestData {

	private OaTestData() {
	}

	static void clear(JdbcClient jdbc) {
		jdbc.sql("delete from oa_history").update();
		jdbc.sql("delete from oa_handler").update();
		jdbc.sql("delete from oa_attachment").update();
		jdbc.sql("delete from oa_collab").update();
	}
}
