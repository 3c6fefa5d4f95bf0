package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.xietong.wecom.CallbackCrypto.CallbackRejectedException;

/** The callbacks' one XML parser: the fields of a flat document, and what it refuses — also after the root element. */
class CallbackXmlTest {

	static final String EVENT = "<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[zhangwei]]></FromUserName>"
			+ "<CreateTime>1409659813</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event>"
			+ "<Latitude>23.137466</Latitude><BatchJob><JobId>j1</JobId></BatchJob></xml>";

	@Test
	void readsEveryElementsTextByItsName() {
		Map<String, String> fields = CallbackXml.parse(EVENT);
		assertThat(fields).containsEntry("ToUserName", "ww1").containsEntry("FromUserName", "zhangwei").containsEntry("Event", "LOCATION")
			.containsEntry("Latitude", "23.137466").containsEntry("JobId", "j1").doesNotContainKey("xml");
	}

	@Test
	void whitespaceCommentsAndInstructionsAfterTheRootAreFine() {
		for (String tail : new String[] { "", "\n", "  \r\n\t ", "<!-- a comment -->", "\n<?pi data?>\n" }) {
			assertThat(CallbackXml.parse(EVENT + tail)).as("tail %s", tail).containsEntry("Event", "LOCATION");
		}
		assertThat(CallbackXml.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + EVENT + "\n")).containsEntry("JobId", "j1");
	}

	@Test
	void anythingElseAfterTheRootIsRefused() {
		for (String tail : new String[] { "<xml><Event>x</Event></xml>", "garbage", " <", "<!DOCTYPE x>", "&amp;", "<a/>" }) {
			assertThatThrownBy(() -> CallbackXml.parse(EVENT + tail)).as("tail %s", tail).isInstanceOf(CallbackRejectedException.class);
		}
	}

	@Test
	void doctypeEntitiesAndNonXmlAreRefused() {
		assertThatThrownBy(() -> CallbackXml.parse("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><A>&e;</A></xml>"))
			.isInstanceOf(CallbackRejectedException.class);
		assertThatThrownBy(() -> CallbackXml.parse("<xml><A>&unknown;</A></xml>")).isInstanceOf(CallbackRejectedException.class);
		assertThatThrownBy(() -> CallbackXml.parse("not xml")).isInstanceOf(CallbackRejectedException.class);
		assertThatThrownBy(() -> CallbackXml.parse("")).isInstanceOf(CallbackRejectedException.class);
		assertThatThrownBy(() -> CallbackXml.parse("<xml><A>unclosed</xml>")).isInstanceOf(CallbackRejectedException.class);
	}

	@Test
	void theReusedReaderStartsAfreshEveryTime() {
		assertThatThrownBy(() -> CallbackXml.parse(EVENT + "garbage")).isInstanceOf(CallbackRejectedException.class);
		assertThat(CallbackXml.parse(EVENT)).containsEntry("Event", "LOCATION");
		assertThat(CallbackXml.parse("<xml><Event>click</Event></xml>")).containsExactly(Map.entry("Event", "click"));
	}
}
