package cn.xietong.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.access.SystemAccess;
import cn.xietong.organization.Department;
import cn.xietong.organization.Departments;
import cn.xietong.organization.FieldRules;
import cn.xietong.system.Violation;
import cn.xietong.system.Violations;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;

/**
 * Reads what WeChat Work should hold from Xietong's master data, and validates the employees to sync
 * (the checks of the manual sync: mobile and email not both empty, no duplicate mobile or email,
 * formats). Employees are read in two bulk queries, not one by one: the sync serves 20,000 of them.
 */
@Component
class SyncSource {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final JdbcClient jdbc;
	private final Departments departments;
	private final RelatedSystems systems;
	private final SystemAccess access;
	private final MessageSource messages;

	SyncSource(JdbcClient jdbc, Departments departments, RelatedSystems systems, SystemAccess access, MessageSource messages) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.systems = systems;
		this.access = access;
		this.messages = messages;
	}

	/** The validation report of the employees in scope (在职 internal employees). */
	@Transactional(readOnly = true)
	public ValidationReport validate(Locale locale) {
		return validate(employees(), locale);
	}

	/**
	 * What to push. Invalid employees are skipped with their reasons (the automatic sync); the manual
	 * sync refuses before it gets here.
	 */
	@Transactional(readOnly = true)
	Desired desired() {
		List<Row> rows = employees();
		ValidationReport report = validate(rows, CHINESE);
		Map<String, List<ValidationReport.Problem>> problems = report.byUserid();

		List<Desired.Dept> depts = new ArrayList<>();
		for (Department d : departments.all()) {
			if (d.isEnabled()) {
				depts.add(new Desired.Dept(d.getId(), d.getParentId(), d.getName(), d.getSortOrder()));
			}
		}
		List<Desired.Member> members = new ArrayList<>();
		List<Desired.Skipped> skipped = new ArrayList<>();
		Map<String, String> gone = new HashMap<>();
		for (Row r : rows) {
			String key = SyncKeys.userKey(r.userid());
			if (!"ACTIVE".equals(r.status())) {
				gone.put(key, "LEFT".equals(r.status()) ? "员工已离职" : "员工已停用");
			}
			else if (!r.internal()) {
				gone.put(key, "外部人员不同步到企业微信");
				skipped.add(new Desired.Skipped(r.userid(), r.name(), "外部人员不同步到企业微信", false));
			}
			else if (problems.containsKey(r.userid())) {
				String reasons = String.join("；", problems.get(r.userid()).stream().map(ValidationReport.Problem::message).toList());
				skipped.add(new Desired.Skipped(r.userid(), r.name(), reasons, true));
			}
			else {
				List<Long> ids = new ArrayList<>(r.departmentIds());
				members.add(new Desired.Member(r.userid(), r.name(), r.mobile(), r.email(), ids, r.mainDepartmentId(), r.position()));
			}
		}
		List<Desired.Tag> tags = new ArrayList<>();
		for (SystemView system : systems.list()) {
			if (system.bound()) {
				tags.add(new Desired.Tag(system.code(), system.tagName(), access.wecomUserids(system.code())));
			}
		}
		return new Desired(depts, members, skipped, gone, tags);
	}

	private ValidationReport validate(List<Row> rows, Locale locale) {
		List<Row> inScope = rows.stream().filter(r -> "ACTIVE".equals(r.status()) && r.internal()).toList();
		Map<String, List<String>> byMobile = new LinkedHashMap<>();
		Map<String, List<String>> byEmail = new LinkedHashMap<>();
		for (Row r : inScope) {
			if (r.mobileKey() != null) {
				byMobile.computeIfAbsent(r.mobileKey(), k -> new ArrayList<>()).add(r.userid());
			}
			if (r.emailKey() != null) {
				byEmail.computeIfAbsent(r.emailKey(), k -> new ArrayList<>()).add(r.userid());
			}
		}
		List<ValidationReport.Problem> problems = new ArrayList<>();
		for (Row r : inScope) {
			Violations v = new Violations();
			FieldRules.checkUserid(r.userid(), v);
			FieldRules.checkName(r.name(), v);
			if (r.mobile() == null && r.email() == null) {
				v.invalid("mobile", "sync.contact.required");
			}
			FieldRules.checkMobile(r.mobile(), v);
			FieldRules.checkEmail(r.email(), v);
			FieldRules.checkPosition(r.position(), v);
			if (r.mobileKey() != null) {
				others(byMobile.get(r.mobileKey()), r.userid()).ifPresent(o -> v.invalid("mobile", "mobile.duplicate", o));
			}
			if (r.emailKey() != null) {
				others(byEmail.get(r.emailKey()), r.userid()).ifPresent(o -> v.invalid("email", "email.duplicate", o));
			}
			for (Violation violation : v.all()) {
				problems.add(new ValidationReport.Problem(r.userid(), r.name(), violation.field(), violation.rule(),
						messages.getMessage(violation.messageKey(), violation.args(), violation.rule(), locale)));
			}
		}
		return new ValidationReport(inScope.size(), problems);
	}

	private static java.util.Optional<String> others(List<String> holders, String self) {
		if (holders == null || holders.size() < 2) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(String.join("、", holders.stream().filter(u -> !Objects.equals(u, self)).toList()));
	}

	private List<Row> employees() {
		Map<Long, List<Long>> departmentsOf = new HashMap<>();
		jdbc.sql("select employee_id, department_id from employee_department order by employee_id, list_index")
			.query((rs, n) -> {
				departmentsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				return null;
			}).list();
		return jdbc.sql("""
				select id, userid, name, mobile, mobile_key, email, email_key, position_title, status, internal, main_department_id
				from employee order by userid_key""")
			.query((rs, n) -> new Row(rs.getString("userid"), rs.getString("name"), rs.getString("mobile"), rs.getString("mobile_key"),
					rs.getString("email"), rs.getString("email_key"), rs.getString("position_title"), rs.getString("status"),
					rs.getBoolean("internal"), rs.getLong("main_department_id"), departmentsOf.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private record Row(String userid, String name, String mobile, String mobileKey, String email, String emailKey, String position,
			String status, boolean internal, Long mainDepartmentId, List<Long> departmentIds) {
	}
}
