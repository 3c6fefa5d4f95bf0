package cn.xietong.wecom.emulator;

import cn.xietong.wecom.emulator.Model.Member;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of members as {@code user/get}, {@code user/list} and {@code user/simplelist} answer them. */
final class UserJson {
	private UserJson() {
	}

	static ObjectNode full(CorpState corp, Member m) {
		ObjectNode o = Json.obj();
		o.put("userid", m.userid);
		o.put("name", m.name);
		ArrayNode dept = o.putArray("department");
		m.department.forEach(dept::add);
		ArrayNode order = o.putArray("order");
		m.order.forEach(order::add);
		o.put("position", m.position);
		o.put("mobile", m.mobile);
		o.put("gender", m.gender);
		o.put("email", m.email);
		o.put("biz_mail", m.bizMail);
		ArrayNode leader = o.putArray("is_leader_in_dept");
		m.isLeader.forEach(leader::add);
		ArrayNode direct = o.putArray("direct_leader");
		m.directLeader.forEach(direct::add);
		String avatar = m.status == 1 ? "https://wework.qpic.cn/wwhead/emulator-" + m.openUserid + "/0" : "";
		o.put("avatar", avatar);
		o.put("thumb_avatar", avatar.isEmpty() ? "" : avatar.substring(0, avatar.length() - 1) + "100");
		o.put("telephone", m.telephone);
		o.put("alias", m.alias);
		o.put("address", m.address);
		o.put("open_userid", m.openUserid);
		o.put("main_department", m.mainDepartment);
		if (m.extattr != null) {
			o.set("extattr", m.extattr);
		} else {
			o.putObject("extattr").putArray("attrs");
		}
		o.put("status", m.status);
		o.put("qr_code", "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=emulator" + m.openUserid);
		o.put("external_position", m.externalPosition);
		if (m.externalProfile != null) {
			o.set("external_profile", m.externalProfile);
		}
		o.put("enable", m.enable);
		return o;
	}

	static ObjectNode simple(Member m) {
		ObjectNode o = Json.obj();
		o.put("userid", m.userid);
		o.put("name", m.name);
		ArrayNode dept = o.putArray("department");
		m.department.forEach(dept::add);
		o.put("open_userid", m.openUserid);
		return o;
	}
}
