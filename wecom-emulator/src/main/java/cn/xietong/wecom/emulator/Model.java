package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** The mutable directory records of one corp; always used under the corp's lock. */
final class Model {
	private Model() {
	}

	static final class Dept {
		int id;
		String name;
		String nameEn;
		int parentId;
		long order;

		Dept(int id, String name, String nameEn, int parentId, long order) {
			this.id = id;
			this.name = name;
			this.nameEn = nameEn;
			this.parentId = parentId;
			this.order = order;
		}
	}

	static final class Member {
		String userid;
		String name;
		String alias = "";
		String mobile = "";
		String email = "";
		String bizMail = "";
		String position = "";
		String gender = "0";
		String telephone = "";
		String address = "";
		List<Integer> department = new ArrayList<>();
		List<Long> order = new ArrayList<>();
		List<Integer> isLeader = new ArrayList<>();
		List<String> directLeader = new ArrayList<>();
		int mainDepartment;
		int enable = 1;
		int status = 4;
		JsonNode extattr;
		String externalPosition = "";
		JsonNode externalProfile;
		String avatarMediaId = "";
		String openUserid;
		boolean useridChangeable;
		long createdSeq;

		String key() {
			return userid.toLowerCase(java.util.Locale.ROOT);
		}
	}

	static final class TagData {
		int id;
		String name;
		/** 0 = created by the 通讯录同步 assistant / admins, else the creating app's agentid. */
		int owner;
		final Set<String> users = new LinkedHashSet<>(); // lower-case userids
		final Set<Integer> parties = new LinkedHashSet<>();

		TagData(int id, String name, int owner) {
			this.id = id;
			this.name = name;
			this.owner = owner;
		}
	}

	static final class AgentData {
		int agentId;
		String name;
		String secret;
		String description = "";
		String squareLogoUrl = "";
		String callbackUrl;
		String callbackToken;
		String callbackAesKey;
		String redirectDomain = "";
		String homeUrl = "";
		int close;
		int reportLocationFlag;
		int isReportEnter;
		VisibleRange range = VisibleRange.wholeCorp();
		JsonNode menu;
	}
}
