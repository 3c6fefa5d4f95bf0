package cn.xietong.wecom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;

import cn.xietong.wecom.client.WecomHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directory (通讯录) of one corp through its contact-sync secret: departments, members, tags,
 * media and batch imports, and the join QR code.
 */
public final class ContactApi {

	private final WecomHttp http;
	private final WecomCredentials credentials;

	ContactApi(WecomHttp http, WecomCredentials credentials) {
		this.http = http;
		this.credentials = credentials;
	}

	// ---- departments ----

	/** Creates a department and answers its id (the given one, or WeChat Work's choice). */
	public long createDepartment(WecomDepartment department) {
		return http.post(credentials, "department/create", null, departmentBody(department)).path("id").asLong();
	}

	public void updateDepartment(WecomDepartment department) {
		http.post(credentials, "department/update", null, departmentBody(department));
	}

	public void deleteDepartment(long id) {
		http.get(credentials, "department/delete", Map.of("id", id));
	}

	/** Every department's id, parent and order ({@code department/simplelist}), without names. */
	public List<WecomDepartment> departmentIds() {
		List<WecomDepartment> out = new ArrayList<>();
		for (JsonNode d : http.get(credentials, "department/simplelist", null).path("department_id")) {
			out.add(new WecomDepartment(d.path("id").asLong(), null, d.path("parentid").asLong(), d.path("order").asLong()));
		}
		return out;
	}

	/** Every department with its name ({@code department/list}). */
	public List<WecomDepartment> departments() {
		List<WecomDepartment> out = new ArrayList<>();
		for (JsonNode d : http.get(credentials, "department/list", null).path("department")) {
			out.add(new WecomDepartment(d.path("id").asLong(), d.path("name").asString(), d.path("parentid").asLong(), d.path("order").asLong()));
		}
		return out;
	}

	public Optional<WecomDepartment> department(long id) {
		try {
			JsonNode d = http.get(credentials, "department/get", Map.of("id", id)).path("department");
			return Optional.of(new WecomDepartment(d.path("id").asLong(), d.path("name").asString(), d.path("parentid").asLong(),
					d.path("order").asLong()));
		}
		catch (WecomException ex) {
			if (ex.code() == 60003 || ex.code() == 60123) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	// ---- members ----

	public void createUser(WecomUser user, boolean invite) {
		ObjectNode body = userBody(user);
		body.put("to_invite", invite);
		http.post(credentials, "user/create", null, body);
	}

	public void updateUser(WecomUser user) {
		http.post(credentials, "user/update", null, userBody(user));
	}

	public void deleteUser(String userid) {
		http.get(credentials, "user/delete", Map.of("userid", userid));
	}

	/** Deletes up to 200 members in one call; one unknown userid fails the whole call. */
	public void deleteUsers(Collection<String> userids) {
		ObjectNode body = http.object();
		ArrayNode list = body.putArray("useridlist");
		userids.forEach(list::add);
		http.post(credentials, "user/batchdelete", null, body);
	}

	public Optional<WecomUser> user(String userid) {
		try {
			return Optional.of(readUser(http.get(credentials, "user/get", Map.of("userid", userid))));
		}
		catch (WecomException ex) {
			if (ex.code() == 60111) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** Members directly in a department, or in its whole subtree with {@code withChildren}. */
	public List<WecomUser> users(long departmentId, boolean withChildren) {
		List<WecomUser> out = new ArrayList<>();
		JsonNode body = http.get(credentials, "user/list", Map.of("department_id", departmentId, "fetch_child", withChildren ? 1 : 0));
		body.path("userlist").forEach(u -> out.add(readUser(u)));
		return out;
	}

	/** Every (member, department) pair of the corp, page by page ({@code user/list_id}). */
	public List<DepartmentMember> memberIds() {
		List<DepartmentMember> out = new ArrayList<>();
		String cursor = null;
		do {
			ObjectNode body = http.object();
			if (cursor != null) {
				body.put("cursor", cursor);
			}
			body.put("limit", 10000);
			JsonNode page = http.post(credentials, "user/list_id", null, body);
			page.path("dept_user").forEach(p -> out.add(new DepartmentMember(p.path("userid").asString(), p.path("department").asLong())));
			cursor = page.path("next_cursor").asString("");
		}
		while (!cursor.isEmpty());
		return out;
	}

	// ---- tags ----

	public long createTag(String name, Long id) {
		ObjectNode body = http.object();
		body.put("tagname", name);
		if (id != null) {
			body.put("tagid", id);
		}
		return http.post(credentials, "tag/create", null, body).path("tagid").asLong();
	}

	public void renameTag(long id, String name) {
		ObjectNode body = http.object();
		body.put("tagid", id);
		body.put("tagname", name);
		http.post(credentials, "tag/update", null, body);
	}

	public void deleteTag(long id) {
		http.get(credentials, "tag/delete", Map.of("tagid", id));
	}

	public List<WecomTag> tags() {
		List<WecomTag> out = new ArrayList<>();
		http.get(credentials, "tag/list", null).path("taglist")
			.forEach(t -> out.add(new WecomTag(t.path("tagid").asLong(), t.path("tagname").asString(), List.of(), List.of())));
		return out;
	}

	/** A tag with its members and departments. */
	public WecomTag tag(long id) {
		JsonNode body = http.get(credentials, "tag/get", Map.of("tagid", id));
		List<String> users = new ArrayList<>();
		body.path("userlist").forEach(u -> users.add(u.path("userid").asString()));
		List<Long> parties = new ArrayList<>();
		body.path("partylist").forEach(p -> parties.add(p.asLong()));
		return new WecomTag(id, body.path("tagname").asString(), users, parties);
	}

	/** Adds up to 1,000 members and 100 departments to a tag. */
	public TagChange addToTag(long id, Collection<String> userids, Collection<Long> departmentIds) {
		return tagChange("tag/addtagusers", id, userids, departmentIds);
	}

	public TagChange removeFromTag(long id, Collection<String> userids, Collection<Long> departmentIds) {
		return tagChange("tag/deltagusers", id, userids, departmentIds);
	}

	// ---- media and batch import ----

	/** Uploads a temporary file (3 days) and answers its media_id. */
	public String uploadFile(String fileName, byte[] content, MediaType type) {
		return http.upload(credentials, "media/upload", Map.of("type", "file"), fileName, content, type).path("media_id").asString();
	}

	/** 增量更新成员 from an uploaded CSV; answers the job id. */
	public String syncUsers(String mediaId, boolean invite, BatchCallback callback) {
		ObjectNode body = batchBody(mediaId, callback);
		body.put("to_invite", invite);
		return http.post(credentials, "batch/syncuser", null, body).path("jobid").asString();
	}

	/** 全量覆盖部门 from an uploaded CSV; answers the job id. */
	public String replaceParties(String mediaId, BatchCallback callback) {
		return http.post(credentials, "batch/replaceparty", null, batchBody(mediaId, callback)).path("jobid").asString();
	}

	public BatchJobResult batchResult(String jobId) {
		JsonNode body = http.get(credentials, "batch/getresult", Map.of("jobid", jobId));
		List<BatchJobResult.Item> items = new ArrayList<>();
		for (JsonNode r : body.path("result")) {
			String key = r.has("userid") ? r.path("userid").asString() : r.path("partyid").asString();
			int code = r.path("errcode").asInt();
			items.add(new BatchJobResult.Item(key, r.path("action").asInt(0), code,
					code == 0 ? "" : WecomErrors.describe(code, r.path("errmsg").asString(""))));
		}
		return new BatchJobResult(body.path("status").asInt(), body.path("type").asString(), body.path("total").asInt(),
				body.path("percentage").asInt(), items);
	}

	// ---- corp ----

	/** The URL of the corp's join QR code image ({@code size_type} 1–4, larger is bigger). */
	public String joinQrCode(int sizeType) {
		return http.get(credentials, "corp/get_join_qrcode", Map.of("size_type", sizeType)).path("join_qrcode").asString();
	}

	/** The largest join QR code picture fetched (size_type 4 is 2052 × 2052). */
	static final int MAX_PICTURE_BYTES = 4 * 1024 * 1024;

	/**
	 * The join QR code picture itself: {@link #joinQrCode(int)}, then the picture at that URL (WeChat Work
	 * serves it from another host, so the console passes it on rather than linking to it).
	 *
	 * @throws WecomException when WeChat Work refuses, cannot be reached, or the URL answers no image
	 */
	public Picture joinQrCodePicture(int sizeType) {
		String url = joinQrCode(sizeType);
		return http.picture(url, MAX_PICTURE_BYTES, "corp/get_join_qrcode");
	}

	private TagChange tagChange(String path, long id, Collection<String> userids, Collection<Long> departmentIds) {
		ObjectNode body = http.object();
		body.put("tagid", id);
		if (userids != null && !userids.isEmpty()) {
			ArrayNode users = body.putArray("userlist");
			userids.forEach(users::add);
		}
		if (departmentIds != null && !departmentIds.isEmpty()) {
			ArrayNode parties = body.putArray("partylist");
			departmentIds.forEach(parties::add);
		}
		JsonNode answer = http.post(credentials, path, null, body);
		List<String> invalidUsers = new ArrayList<>();
		String invalidList = answer.path("invalidlist").asString("");
		for (String u : invalidList.split("\\|")) {
			if (!u.isBlank()) {
				invalidUsers.add(u);
			}
		}
		List<Long> invalidParties = new ArrayList<>();
		answer.path("invalidparty").forEach(p -> invalidParties.add(p.asLong()));
		return new TagChange(invalidUsers, invalidParties);
	}

	private ObjectNode departmentBody(WecomDepartment d) {
		ObjectNode body = http.object();
		if (d.id() != null) {
			body.put("id", d.id());
		}
		if (d.name() != null) {
			body.put("name", d.name());
		}
		if (d.parentId() != null) {
			body.put("parentid", d.parentId());
		}
		if (d.order() != null) {
			body.put("order", d.order());
		}
		return body;
	}

	private ObjectNode userBody(WecomUser u) {
		ObjectNode body = http.object();
		body.put("userid", u.userid());
		putIfSet(body, "name", u.name());
		putIfSet(body, "mobile", u.mobile());
		putIfSet(body, "email", u.email());
		putIfSet(body, "position", u.position());
		if (u.department() != null) {
			ArrayNode departments = body.putArray("department");
			u.department().forEach(departments::add);
		}
		if (u.mainDepartment() != null) {
			body.put("main_department", u.mainDepartment());
		}
		if (u.enable() != null) {
			body.put("enable", u.enable());
		}
		return body;
	}

	private static void putIfSet(ObjectNode body, String field, String value) {
		if (value != null) {
			body.put(field, value);
		}
	}

	private static WecomUser readUser(JsonNode u) {
		List<Long> departments = new ArrayList<>();
		u.path("department").forEach(d -> departments.add(d.asLong()));
		return new WecomUser(u.path("userid").asString(), u.path("name").asString(), emptyToNull(u.path("mobile").asString("")),
				emptyToNull(u.path("email").asString("")), departments, u.has("main_department") ? u.path("main_department").asLong() : null,
				emptyToNull(u.path("position").asString("")), u.has("enable") ? u.path("enable").asInt() : null,
				u.has("status") ? u.path("status").asInt() : null);
	}

	private ObjectNode batchBody(String mediaId, BatchCallback callback) {
		ObjectNode body = http.object();
		body.put("media_id", mediaId);
		if (callback != null) {
			ObjectNode cb = body.putObject("callback");
			cb.put("url", callback.url());
			cb.put("token", callback.token());
			cb.put("encodingaeskey", callback.encodingAesKey());
		}
		return body;
	}

	private static String emptyToNull(String text) {
		return text == null || text.isEmpty() ? null : text;
	}
}
