package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.xietong.wecom.emulator.Model.AgentData;
import cn.xietong.wecom.emulator.Model.Dept;
import cn.xietong.wecom.emulator.Model.Member;
import cn.xietong.wecom.emulator.Model.TagData;

/**
 * The live state of one emulated corp. Reads return snapshots; the mutators change the directory
 * "inside WeChat Work" without an API call (for cases such as "exists only in WeChat Work").
 * Thread-safe: every access holds this object's lock.
 */
public final class CorpState {
	/** A department as WeChat Work holds it. The root has id 1 and parent 0. */
	public record Department(int id, String name, String nameEn, int parentId, long order) {
	}

	/** A member as WeChat Work holds it ({@code json} is what {@code user/get} answers). */
	public record User(String userid, String name, List<Integer> departments, int mainDepartment, String mobile,
			String email, String position, int status, int enable, String json) {
	}

	/** A tag, its members (userids as stored) and departments, and the app that created it (0 = 通讯录同步). */
	public record Tag(int id, String name, List<String> userids, List<Integer> partyIds, int ownerAgentId) {
	}

	/** An app. {@code menuJson} is {@code null} when no menu is published. */
	public record Agent(int agentId, String name, String description, String callbackUrl, String redirectDomain,
			String homeUrl, boolean closed, VisibleRange visibleRange, String menuJson) {
	}

	static final int ROOT = 1;

	final String corpId;
	String name;
	String contactSyncSecret;
	String creator;
	String contactCallbackUrl;
	String contactCallbackToken;
	String contactCallbackAesKey;
	int accountLimit;
	final Map<Integer, Dept> depts = new TreeMap<>();
	/** The members by lower-cased userid (the userid index); change only through {@link #attach}, {@link #change} and {@link #detach}. */
	final Map<String, Member> users = new LinkedHashMap<>();
	/** Mobile, email and department counts of {@link #users}, kept in step by {@link #attach}, {@link #change} and {@link #detach}. */
	final MemberIndex index = new MemberIndex();
	final Map<Integer, TagData> tags = new TreeMap<>();
	final Map<Integer, AgentData> agents = new TreeMap<>();
	final Set<String> unlicensed = new LinkedHashSet<>();
	private long memberSeq;
	/** Where console-side changes are announced (change_contact to the 通讯录同步 callback). */
	volatile java.util.function.Consumer<CallbackEvent> consoleEvents = e -> {
	};

	CorpState(String corpId, String name) {
		this.corpId = corpId;
		this.name = name;
		depts.put(ROOT, new Dept(ROOT, name, "", 0, 0));
	}

	public String corpId() {
		return corpId;
	}

	public synchronized String name() {
		return name;
	}

	// ---- snapshots ------------------------------------------------------------------------------

	public synchronized List<Department> departments() {
		return depts.values().stream().map(d -> new Department(d.id, d.name, d.nameEn, d.parentId, d.order)).toList();
	}

	public synchronized List<User> users() {
		return users.values().stream().map(this::snapshot).toList();
	}

	/** One member by userid (case-insensitive), or {@code null}. */
	public synchronized User user(String userid) {
		Member m = member(userid);
		return m == null ? null : snapshot(m);
	}

	public synchronized List<Tag> tags() {
		return tags.values().stream().map(t -> new Tag(t.id, t.name, t.users.stream().map(this::stored).toList(),
				List.copyOf(t.parties), t.owner)).toList();
	}

	/** The userids (as stored) directly in a tag; empty if the tag does not exist. */
	public synchronized List<String> tagUserids(int tagId) {
		TagData t = tags.get(tagId);
		return t == null ? List.of() : t.users.stream().map(this::stored).toList();
	}

	/** The published menu of an app as JSON ({@code {"button":[…]}}), or {@code null}. */
	public synchronized String menu(int agentId) {
		AgentData a = agents.get(agentId);
		return a == null || a.menu == null ? null : Json.write(a.menu);
	}

	public synchronized Agent agent(int agentId) {
		AgentData a = agents.get(agentId);
		return a == null ? null : snapshot(a);
	}

	public synchronized List<Agent> agents() {
		return agents.values().stream().map(this::snapshot).toList();
	}

	// ---- mutators (changes made "in the admin console", not through the API) ---------------------

	/** Adds a department directly, as an administrator would in the console. */
	public synchronized Department addDepartment(int id, String name, int parentId) {
		if (depts.containsKey(id) || !depts.containsKey(parentId) || id <= ROOT) {
			throw new IllegalArgumentException("department " + id + " exists, is invalid, or parent " + parentId
					+ " is missing");
		}
		depts.put(id, new Dept(id, name, "", parentId, 0));
		consoleEvents.accept(CallbackEvent.changeContact("create_party", ordered("Id", Integer.toString(id), "Name", name,
				"ParentId", Integer.toString(parentId), "Order", "0")));
		return new Department(id, name, "", parentId, 0);
	}

	/** Adds an activated member directly, as an administrator would in the console. */
	public synchronized User addUser(String userid, String name, String mobile, Integer... departments) {
		if (member(userid) != null) {
			throw new IllegalArgumentException("userid exists: " + userid);
		}
		List<Integer> ds = departments.length == 0 ? List.of(ROOT) : List.of(departments);
		for (int d : ds) {
			if (!depts.containsKey(d)) {
				throw new IllegalArgumentException("no department " + d);
			}
		}
		Member m = newMember(userid, name);
		m.mobile = mobile == null ? "" : mobile;
		m.department = new ArrayList<>(ds);
		m.order = new ArrayList<>(ds.stream().map(x -> 0L).toList());
		m.isLeader = new ArrayList<>(ds.stream().map(x -> 0).toList());
		m.mainDepartment = ds.get(0);
		m.status = 1;
		attach(m);
		consoleEvents.accept(CallbackEvent.changeContact("create_user", ordered("UserID", m.userid, "Name", m.name,
				"Department", joined(m.department), "MainDepartment", Integer.toString(m.mainDepartment),
				"IsLeaderInDept", joined(m.isLeader), "Mobile", m.mobile, "Status", "1")));
		return snapshot(m);
	}

	/** Sets a member's status (1 已激活, 2 已禁用, 4 未激活, 5 退出企业). */
	public synchronized void setStatus(String userid, int status) {
		Member m = require(userid);
		m.status = status;
		m.enable = status == 2 ? 0 : 1;
		consoleEvents.accept(CallbackEvent.changeContact("update_user", ordered("UserID", m.userid,
				"Status", Integer.toString(status))));
	}

	/** Marks a member as having (or not) a basic API licence; unlicensed members appear in {@code unlicenseduser}. */
	public synchronized void setLicensed(String userid, boolean licensed) {
		require(userid);
		String key = userid.toLowerCase(Locale.ROOT);
		if (licensed) {
			unlicensed.remove(key);
		} else {
			unlicensed.add(key);
		}
	}

	/** Disables (关闭) or re-enables an app; tokens of a closed app get 50003 / gettoken 40001. */
	public synchronized void setAgentClosed(int agentId, boolean closed) {
		AgentData a = agents.get(agentId);
		if (a == null) {
			throw new IllegalArgumentException("no agent " + agentId);
		}
		a.close = closed ? 1 : 0;
	}

	// ---- internals ---------------------------------------------------------------------------------

	Member newMember(String userid, String name) {
		Member m = new Member();
		m.userid = userid;
		m.name = name;
		m.createdSeq = ++memberSeq;
		m.openUserid = "wo" + Integer.toHexString((corpId + "/" + userid.toLowerCase(Locale.ROOT)).hashCode())
				+ Long.toHexString(m.createdSeq);
		return m;
	}

	/** Stores a member under its userid and indexes its mobile, email and departments. */
	void attach(Member m) {
		Member old = users.put(m.key(), m);
		if (old != null) {
			index.remove(old);
		}
		index.add(m);
	}

	/**
	 * Changes a stored member's fields (and perhaps its userid) keeping the indexes in step. The member
	 * keeps its place in the directory's order unless its userid changes (then it moves to the end).
	 */
	void change(Member m, Runnable change) {
		String oldKey = m.key();
		index.remove(m);
		try {
			change.run();
		} finally {
			if (!m.key().equals(oldKey) && users.remove(oldKey, m)) {
				users.put(m.key(), m);
			}
			index.add(m);
		}
	}

	/** Removes a member from the userid map and the indexes. */
	void detach(Member m) {
		if (users.remove(m.key(), m)) {
			index.remove(m);
		}
	}

	/** Whether the indexes agree with the members (for tests). */
	synchronized boolean indexConsistent() {
		return index.matches(users.values());
	}

	Member member(String userid) {
		return userid == null ? null : users.get(userid.toLowerCase(Locale.ROOT));
	}

	private Member require(String userid) {
		Member m = member(userid);
		if (m == null) {
			throw new IllegalArgumentException("no member " + userid);
		}
		return m;
	}

	private String stored(String key) {
		Member m = users.get(key);
		return m == null ? key : m.userid;
	}

	/** 1 for the root, 2 for its children, … */
	int depth(int deptId) {
		int depth = 0;
		Integer cur = deptId;
		while (cur != null && cur != 0 && depth < 100) {
			depth++;
			Dept d = depts.get(cur);
			cur = d == null ? null : d.parentId;
		}
		return depth;
	}

	boolean isAncestorOrSelf(int ancestor, int deptId) {
		Integer cur = deptId;
		int guard = 0;
		while (cur != null && cur != 0 && guard++ < 100) {
			if (cur == ancestor) {
				return true;
			}
			Dept d = depts.get(cur);
			cur = d == null ? null : d.parentId;
		}
		return false;
	}

	List<Dept> children(int parentId) {
		return depts.values().stream().filter(d -> d.parentId == parentId && d.id != parentId)
				.sorted((a, b) -> a.order != b.order ? Long.compare(b.order, a.order) : Integer.compare(a.id, b.id))
				.toList();
	}

	/** The department and its descendants, parents before children, siblings by order (larger first). */
	List<Dept> subtree(int id) {
		List<Dept> out = new ArrayList<>();
		Dept d = depts.get(id);
		if (d != null) {
			collect(d, out);
		}
		return out;
	}

	private void collect(Dept d, List<Dept> out) {
		out.add(d);
		for (Dept c : children(d.id)) {
			collect(c, out);
		}
	}

	int subtreeHeight(int id) {
		int h = 1;
		for (Dept c : children(id)) {
			h = Math.max(h, 1 + subtreeHeight(c.id));
		}
		return h;
	}

	long directMembers(int deptId) {
		return index.directMembers(deptId);
	}

	User snapshot(Member m) {
		return new User(m.userid, m.name, List.copyOf(m.department), m.mainDepartment, m.mobile, m.email,
				m.position, m.status, m.enable, Json.write(UserJson.full(this, m)));
	}

	private Agent snapshot(AgentData a) {
		return new Agent(a.agentId, a.name, a.description, a.callbackUrl, a.redirectDomain, a.homeUrl, a.close == 1,
				a.range, a.menu == null ? null : Json.write(a.menu));
	}

	private static Map<String, String> ordered(String... kv) {
		Map<String, String> out = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			out.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
		}
		return out;
	}

	private static String joined(List<?> values) {
		return String.join(",", values.stream().map(String::valueOf).toList());
	}

	static <T> List<T> copy(Collection<T> c) {
		return new ArrayList<>(c);
	}
}
