package cn.xietong.wecom.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.xietong.wecom.emulator.Model.Member;
import tools.jackson.databind.JsonNode;

/** The member fields of user/create and user/update: validation (with WeChat Work's codes) and copying. */
final class MemberFields {
	private static final Pattern MOBILE = Pattern.compile("[0-9+\\- ]{1,32}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern TELEPHONE = Pattern.compile("[0-9+\\-,]{1,32}");

	private MemberFields() {
	}

	/** Validates and applies the fields present in {@code b} to {@code m} (a draft on update). */
	static void apply(CorpState corp, Member m, JsonNode b, boolean create) {
		String name = Json.str(b, "name");
		if (name != null) {
			if (name.isBlank() || name.codePointCount(0, name.length()) > 64) {
				throw new ApiException(60112, "invalid username");
			}
			m.name = name;
		}
		String alias = Json.str(b, "alias");
		if (alias != null) {
			if (alias.codePointCount(0, alias.length()) > 64) {
				throw new ApiException(40058, "invalid parameter, alias longer than 64 characters");
			}
			m.alias = alias;
		}
		String mobile = Json.str(b, "mobile");
		if (mobile != null && (create || m.status != 1)) {
			if (!mobile.isEmpty() && !MOBILE.matcher(mobile).matches()) {
				throw new ApiException(60103, "mobile invalid");
			}
			if (!mobile.isEmpty() && corp.index.mobileTaken(mobile, corp.member(m.userid))) {
				throw new ApiException(60104, "mobile existed");
			}
			m.mobile = mobile;
		}
		String email = Json.str(b, "email");
		if (email != null) {
			if (!email.isEmpty() && (email.getBytes(StandardCharsets.UTF_8).length < 6
					|| email.getBytes(StandardCharsets.UTF_8).length > 64 || !EMAIL.matcher(email).matches())) {
				throw new ApiException(60105, "email invalid");
			}
			if (!email.isEmpty() && corp.index.emailTaken(email, corp.member(m.userid))) {
				throw new ApiException(60106, "email existed");
			}
			m.email = email;
		}
		if (!create && m.mobile.isBlank() && m.email.isBlank()) {
			throw new ApiException(60129, "mobile and email both empty");
		}
		String bizMail = Json.str(b, "biz_mail");
		if (bizMail != null) {
			m.bizMail = bizMail;
		}
		String position = Json.str(b, "position");
		if (position != null) {
			if (position.codePointCount(0, position.length()) > 128) {
				throw new ApiException(301012, "invalid position");
			}
			m.position = position;
		}
		String gender = Json.str(b, "gender");
		if (gender != null) {
			if (!gender.matches("[012]")) {
				throw new ApiException(40058, "invalid parameter, gender must be 1 or 2");
			}
			m.gender = gender;
		}
		String telephone = Json.str(b, "telephone");
		if (telephone != null) {
			if (!telephone.isEmpty() && !TELEPHONE.matcher(telephone).matches()) {
				throw new ApiException(301013, "invalid telephone");
			}
			m.telephone = telephone;
		}
		String address = Json.str(b, "address");
		if (address != null) {
			if (address.codePointCount(0, address.length()) > 128) {
				throw new ApiException(40058, "invalid parameter, address longer than 128 characters");
			}
			m.address = address;
		}
		List<Long> dept = Json.numList(b, "department", 60123);
		if (dept != null) {
			if (dept.isEmpty()) {
				throw new ApiException(60127, "department missing");
			}
			if (dept.size() > 100) {
				throw new ApiException(60110, "user department size exceeds the limit");
			}
			List<Integer> ds = new ArrayList<>();
			for (long d : dept) {
				if (d < 1 || d > Integer.MAX_VALUE || !corp.depts.containsKey((int) d)) {
					throw new ApiException(60123, "invalid department id " + d);
				}
				if (!ds.contains((int) d)) {
					ds.add((int) d);
				}
			}
			for (int d : ds) {
				if (!m.department.contains(d) && corp.directMembers(d) + corp.depts.size() > DepartmentApi.MAX_NODES
						&& corp.children(d).size() + corp.directMembers(d) >= DepartmentApi.MAX_NODES) {
					throw new ApiException(81001, "department and user count of the department exceeds 30000");
				}
			}
			if (!ds.equals(m.department)) {
				List<Long> oldOrder = m.order;
				List<Integer> oldLeader = m.isLeader;
				List<Integer> old = m.department;
				m.order = new ArrayList<>();
				m.isLeader = new ArrayList<>();
				for (int d : ds) {
					int i = old.indexOf(d);
					m.order.add(i >= 0 && i < oldOrder.size() ? oldOrder.get(i) : 0L);
					m.isLeader.add(i >= 0 && i < oldLeader.size() ? oldLeader.get(i) : 0);
				}
				m.department = ds;
			}
		}
		List<Long> order = Json.numList(b, "order", 40058);
		if (order != null) {
			if (order.size() != m.department.size()) {
				throw new ApiException(40058, "invalid parameter, order must have as many entries as department");
			}
			for (long o : order) {
				if (o < 0 || o > 0xFFFF_FFFFL) {
					throw new ApiException(40058, "invalid parameter, order must be in [0, 2^32)");
				}
			}
			m.order = new ArrayList<>(order);
		}
		List<Long> leader = Json.numList(b, "is_leader_in_dept", 60132);
		if (leader != null) {
			if (leader.size() != m.department.size()) {
				throw new ApiException(60132, "is_leader_in_dept size not match department size");
			}
			m.isLeader = new ArrayList<>(leader.stream().map(x -> x == 1 ? 1 : 0).toList());
		}
		List<String> direct = Json.strList(b, "direct_leader", 40058);
		if (direct != null) {
			if (direct.size() > 5) {
				throw new ApiException(40058, "invalid parameter, at most 5 direct leaders");
			}
			List<String> stored = new ArrayList<>();
			for (String d : direct) {
				Member l = corp.member(d);
				if (l == null) {
					throw new ApiException(60111, "userid not found: direct_leader " + d.toLowerCase(Locale.ROOT));
				}
				stored.add(l.userid);
			}
			m.directLeader = stored;
		}
		Long main = Json.num(b, "main_department", 40058);
		if (main != null) {
			if (!m.department.contains(main.intValue())) {
				throw new ApiException(40058, "invalid parameter, main_department must be one of department");
			}
			m.mainDepartment = main.intValue();
		}
		if (!m.department.contains(m.mainDepartment)) {
			m.mainDepartment = m.department.isEmpty() ? 0 : m.department.get(0);
		}
		Long enable = Json.num(b, "enable", 40058);
		if (enable != null) {
			if (enable != 0 && enable != 1) {
				throw new ApiException(40058, "invalid parameter, enable must be 0 or 1");
			}
			m.enable = enable.intValue();
			if (enable == 0) {
				m.status = 2;
			} else if (m.status == 2) {
				m.status = 4;
			}
		}
		if (Json.has(b, "extattr")) {
			m.extattr = b.get("extattr").deepCopy();
		}
		String extPos = Json.str(b, "external_position");
		if (extPos != null) {
			if (extPos.codePointCount(0, extPos.length()) > 12) {
				throw new ApiException(40058, "invalid parameter, external_position longer than 12 characters");
			}
			m.externalPosition = extPos;
		}
		if (Json.has(b, "external_profile")) {
			m.externalProfile = b.get("external_profile").deepCopy();
		}
		String avatar = Json.str(b, "avatar_mediaid");
		if (avatar != null) {
			m.avatarMediaId = avatar;
		}
	}

	static Member copy(Member m) {
		Member d = new Member();
		copyInto(m, d);
		return d;
	}

	static void copyInto(Member s, Member d) {
		d.userid = s.userid;
		d.name = s.name;
		d.alias = s.alias;
		d.mobile = s.mobile;
		d.email = s.email;
		d.bizMail = s.bizMail;
		d.position = s.position;
		d.gender = s.gender;
		d.telephone = s.telephone;
		d.address = s.address;
		d.department = new ArrayList<>(s.department);
		d.order = new ArrayList<>(s.order);
		d.isLeader = new ArrayList<>(s.isLeader);
		d.directLeader = new ArrayList<>(s.directLeader);
		d.mainDepartment = s.mainDepartment;
		d.enable = s.enable;
		d.status = s.status;
		d.extattr = s.extattr;
		d.externalPosition = s.externalPosition;
		d.externalProfile = s.externalProfile;
		d.avatarMediaId = s.avatarMediaId;
		d.openUserid = s.openUserid;
		d.useridChangeable = s.useridChangeable;
		d.createdSeq = s.createdSeq;
	}

}
