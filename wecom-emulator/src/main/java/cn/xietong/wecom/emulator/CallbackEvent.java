package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A message or event a member (or the system) sends to an app's callback URL, as WeChat Work
 * sends it. Build one with the factories; {@link WecomEmulator#sendCallback} encrypts and posts it.
 */
public final class CallbackEvent {
	record Element(String name, String value, boolean cdata) {
	}

	/** change_contact elements WeChat Work writes as bare numbers (the rest are CDATA). */
	private static final java.util.Set<String> NUMERIC = java.util.Set.of("Id", "ParentId", "Order", "Status", "Gender",
			"MainDepartment", "TagId", "Enable", "IsLeader");

	final String fromUser;
	final String msgType;
	final String event;
	final List<Element> elements;
	final boolean withAgentId;

	private CallbackEvent(String fromUser, String msgType, String event, List<Element> elements, boolean withAgentId) {
		this.fromUser = fromUser;
		this.msgType = msgType;
		this.event = event;
		this.elements = List.copyOf(elements);
		this.withAgentId = withAgentId;
	}

	/** A text message typed by the member. */
	public static CallbackEvent text(String userid, String content) {
		return new CallbackEvent(userid, "text", null, List.of(new Element("Content", content, true),
				new Element("MsgId", msgId(), false)), true);
	}

	/** A location message sent by the member (msgtype location). */
	public static CallbackEvent locationMessage(String userid, double lat, double lng, int scale, String label) {
		return new CallbackEvent(userid, "location", null, List.of(new Element("Location_X", Double.toString(lat), false),
				new Element("Location_Y", Double.toString(lng), false), new Element("Scale", Integer.toString(scale), false),
				new Element("Label", label, true), new Element("MsgId", msgId(), false),
				new Element("AppType", "wxwork", true)), true);
	}

	/** The member tapped a {@code click} menu button. */
	public static CallbackEvent click(String userid, String key) {
		return event(userid, "click", List.of(new Element("EventKey", key, true)));
	}

	/** The member tapped a {@code view} menu button. */
	public static CallbackEvent view(String userid, String url) {
		return event(userid, "view", List.of(new Element("EventKey", url, true)));
	}

	/** The LOCATION event reported on entering the app (report_location_flag = 1). */
	public static CallbackEvent location(String userid, double latitude, double longitude, double precision) {
		return event(userid, "LOCATION", List.of(new Element("Latitude", Double.toString(latitude), false),
				new Element("Longitude", Double.toString(longitude), false),
				new Element("Precision", Double.toString(precision), false), new Element("AppType", "wxwork", true)));
	}

	public static CallbackEvent subscribe(String userid) {
		return event(userid, "subscribe", List.of(new Element("EventKey", "", true)));
	}

	public static CallbackEvent unsubscribe(String userid) {
		return event(userid, "unsubscribe", List.of(new Element("EventKey", "", true)));
	}

	/** The member entered the app (isreportenter = 1). */
	public static CallbackEvent enterAgent(String userid) {
		return event(userid, "enter_agent", List.of(new Element("EventKey", "", true)));
	}

	/**
	 * A contact change, from {@code sys}: {@code changeType} is create_user, update_user, delete_user,
	 * create_party, update_party, delete_party or update_tag; {@code fields} are its elements in order
	 * (e.g. {@code UserID}, {@code Name}, {@code Department}). {@code Id}, {@code ParentId}, {@code Order},
	 * {@code Status}, {@code Gender}, {@code MainDepartment}, {@code TagId} are written as bare numbers, the rest as CDATA.
	 */
	public static CallbackEvent changeContact(String changeType, Map<String, String> fields) {
		List<Element> els = new ArrayList<>();
		els.add(new Element("ChangeType", changeType, true));
		fields.forEach((k, v) -> els.add(new Element(k, v, !(NUMERIC.contains(k) && v.matches("-?\\d{1,18}")))));
		return new CallbackEvent("sys", "event", "change_contact", els, false);
	}

	/** The batch_job_result event after an asynchronous import. */
	public static CallbackEvent batchJobResult(String jobId, String jobType, int errcode, String errmsg) {
		return new CallbackEvent("sys", "event", "batch_job_result", List.of(new Element("BatchJob", "<JobId><![CDATA["
				+ jobId + "]]></JobId><JobType><![CDATA[" + jobType + "]]></JobType><ErrCode>" + errcode
				+ "</ErrCode><ErrMsg><![CDATA[" + errmsg + "]]></ErrMsg>", false)), false);
	}

	private static CallbackEvent event(String userid, String event, List<Element> extra) {
		return new CallbackEvent(userid, "event", event, extra, true);
	}

	private static String msgId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE));
	}

	/** The decrypted XML, exactly in WeChat Work's shape. */
	String toXml(String corpId, int agentId, long createTime) {
		StringBuilder x = new StringBuilder("<xml>");
		x.append("<ToUserName><![CDATA[").append(cdata(corpId)).append("]]></ToUserName>");
		x.append("<FromUserName><![CDATA[").append(cdata(fromUser)).append("]]></FromUserName>");
		x.append("<CreateTime>").append(createTime).append("</CreateTime>");
		x.append("<MsgType><![CDATA[").append(msgType).append("]]></MsgType>");
		if (event != null) {
			x.append("<Event><![CDATA[").append(event).append("]]></Event>");
		}
		for (Element e : elements) {
			x.append('<').append(e.name()).append('>');
			if (e.cdata()) {
				x.append("<![CDATA[").append(cdata(e.value())).append("]]>");
			} else {
				x.append(e.value());
			}
			x.append("</").append(e.name()).append('>');
		}
		if (withAgentId) {
			x.append("<AgentID>").append(agentId).append("</AgentID>");
		}
		return x.append("</xml>").toString();
	}

	private static String cdata(String s) {
		return s == null ? "" : s.replace("]]>", "]]]]><![CDATA[>");
	}

	/** The member (or {@code sys}) the event comes from. */
	public String fromUser() {
		return fromUser;
	}

	public String describe() {
		return event != null ? event : msgType;
	}
}
