package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A corp to seed: its id, name, 通讯录同步 secret, creator, apps, and optionally departments and
 * members. Immutable builder: every method returns a copy.
 */
public final class CorpSeed {
	record DeptSeed(int id, String name, int parentId, long order) {
	}

	record UserSeed(String userid, String name, List<Integer> departments, String mobile, String email, int status) {
	}

	final String corpId;
	final String name;
	final String contactSyncSecret;
	final String creator;
	final String contactCallbackUrl;
	final String contactCallbackToken;
	final String contactCallbackAesKey;
	final int accountLimit;
	final List<AgentSeed> agents;
	final List<DeptSeed> departments;
	final List<UserSeed> users;

	private CorpSeed(String corpId, String name, String contactSyncSecret, String creator, String contactCallbackUrl,
			String contactCallbackToken, String contactCallbackAesKey, int accountLimit, List<AgentSeed> agents,
			List<DeptSeed> departments, List<UserSeed> users) {
		this.corpId = corpId;
		this.name = name;
		this.contactSyncSecret = contactSyncSecret;
		this.creator = creator;
		this.contactCallbackUrl = contactCallbackUrl;
		this.contactCallbackToken = contactCallbackToken;
		this.contactCallbackAesKey = contactCallbackAesKey;
		this.accountLimit = accountLimit;
		this.agents = List.copyOf(agents);
		this.departments = List.copyOf(departments);
		this.users = List.copyOf(users);
	}

	/** A corp with only its root department (id 1, named after the corp). */
	public static CorpSeed corp(String corpId) {
		if (corpId == null || corpId.isBlank()) {
			throw new IllegalArgumentException("corpId is required");
		}
		return new CorpSeed(corpId, corpId, null, null, null, null, null, 10_000, List.of(), List.of(), List.of());
	}

	public CorpSeed name(String name) {
		return new CorpSeed(corpId, Objects.requireNonNull(name), contactSyncSecret, creator, contactCallbackUrl,
				contactCallbackToken, contactCallbackAesKey, accountLimit, agents, departments, users);
	}

	/** The 通讯录同步 secret: the only token allowed to write the directory. */
	public CorpSeed contactSyncSecret(String secret) {
		return new CorpSeed(corpId, name, secret, creator, contactCallbackUrl, contactCallbackToken,
				contactCallbackAesKey, accountLimit, agents, departments, users);
	}

	/** The userid of the corp's creator, who can never be deleted. */
	public CorpSeed creator(String userid) {
		return new CorpSeed(corpId, name, contactSyncSecret, userid, contactCallbackUrl, contactCallbackToken,
				contactCallbackAesKey, accountLimit, agents, departments, users);
	}

	/** The 通讯录同步 assistant's event callback (batch_job_result, change_contact). */
	public CorpSeed contactCallback(String url, String token, String encodingAesKey) {
		return new CorpSeed(corpId, name, contactSyncSecret, creator, url, token, encodingAesKey, accountLimit,
				agents, departments, users);
	}

	/** Member accounts the corp may have (45024 beyond). Default 10,000. */
	public CorpSeed accountLimit(int limit) {
		return new CorpSeed(corpId, name, contactSyncSecret, creator, contactCallbackUrl, contactCallbackToken,
				contactCallbackAesKey, limit, agents, departments, users);
	}

	public CorpSeed agent(AgentSeed agent) {
		List<AgentSeed> more = new ArrayList<>(agents);
		more.add(Objects.requireNonNull(agent));
		return new CorpSeed(corpId, name, contactSyncSecret, creator, contactCallbackUrl, contactCallbackToken,
				contactCallbackAesKey, accountLimit, more, departments, users);
	}

	/** A department (created in the order given, so parents first). */
	public CorpSeed department(int id, String name, int parentId) {
		List<DeptSeed> more = new ArrayList<>(departments);
		more.add(new DeptSeed(id, name, parentId, 0));
		return new CorpSeed(corpId, this.name, contactSyncSecret, creator, contactCallbackUrl, contactCallbackToken,
				contactCallbackAesKey, accountLimit, agents, more, users);
	}

	/** An activated member (status 1), as if added in the admin console; {@code mobile} may be {@code null}. No departments = root. */
	public CorpSeed user(String userid, String name, String mobile, Integer... departments) {
		List<UserSeed> more = new ArrayList<>(users);
		more.add(new UserSeed(userid, name, List.of(departments), mobile, null, 1));
		return new CorpSeed(corpId, this.name, contactSyncSecret, creator, contactCallbackUrl, contactCallbackToken,
				contactCallbackAesKey, accountLimit, agents, this.departments, more);
	}

	public String corpId() {
		return corpId;
	}
}
