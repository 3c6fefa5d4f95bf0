package cn.xietong.mobile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.xietong.access.AccessDecision;
import cn.xietong.access.SystemAccess;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;

/**
 * The permission gate in front of every mobile page, decided afresh on each request: the employee
 * must still exist, be internal and 在职; a system's pages need a role in it — and, when signed in
 * through WeChat Work, one such role that allows WeChat Work; a page of a function needs a role that
 * grants the function.
 */
@Service
public class MobileGate {

	/** The pages of functions: a path prefix → the function it needs. */
	private static final Map<String, String> FUNCTION_PAGES = new LinkedHashMap<>();

	static {
		FUNCTION_PAGES.put("/m/oa/todo", "oa.collab");
		FUNCTION_PAGES.put("/m/oa/sent", "oa.collab");
		FUNCTION_PAGES.put("/m/oa/collab", "oa.collab");
		FUNCTION_PAGES.put("/m/oa/notices", "oa.notice");
		FUNCTION_PAGES.put("/m/oa/news", "oa.news");
		FUNCTION_PAGES.put("/m/oa/surveys", "oa.survey");
		FUNCTION_PAGES.put("/m/oa/discussions", "oa.discussion");
		FUNCTION_PAGES.put("/m/oa/contacts", "oa.contacts");
		FUNCTION_PAGES.put("/m/oa/external", "oa.external");
		FUNCTION_PAGES.put("/m/pb/approvals", "pb.approve");
		FUNCTION_PAGES.put("/m/pb/requests", "pb.request");
		FUNCTION_PAGES.put("/m/pb/budget", "pb.budget");
		FUNCTION_PAGES.put("/m/crm/customers", "crm.customer");
	}

	private static final List<String> RESERVED = List.of("", "login", "logout", "oauth", "me", "error");

	private final Employees employees;
	private final SystemAccess access;
	private final RelatedSystems systems;

	MobileGate(Employees employees, SystemAccess access, RelatedSystems systems) {
		this.employees = employees;
		this.access = access;
		this.systems = systems;
	}

	/** The employee behind a principal, when they may still use the mobile pages at all (internal, 在职). */
	public Optional<Employee> current(EmployeePrincipal principal) {
		return RequestMemo.get("current", principal.userid() + "#" + principal.employeeId(), () -> employees.find(principal.userid())
			.filter(e -> e.getId() == principal.employeeId()).filter(e -> e.isActive() && e.isInternal()));
	}

	/** May the employee use the system through the channel they signed in with? */
	public AccessDecision decide(Employee employee, String systemCode, EmployeePrincipal.Channel channel) {
		return RequestMemo.get("decide", employee.getId() + "#" + employee.getStatus() + "#" + employee.isInternal() + "#" + systemCode + "#" + channel,
				() -> channel == EmployeePrincipal.Channel.WECOM ? access.wecom(employee, systemCode) : access.desktop(employee, systemCode));
	}

	/** Does one of the employee's roles in the system grant the function? */
	public boolean grants(Employee employee, String systemCode, String function) {
		return RequestMemo.get("functions", employee.getId() + "#" + systemCode, () -> access.functions(employee, systemCode)).contains(function);
	}

	/** The systems the employee may use through the channel, in the console's order. */
	public List<SystemView> usableSystems(Employee employee, EmployeePrincipal.Channel channel) {
		return systems.list().stream().filter(s -> decide(employee, s.code(), channel).allowed()).toList();
	}

	/** The system a mobile path belongs to: {@code /m/oa/…} → {@code OA}; empty for the common pages. */
	public Optional<String> systemOf(String path) {
		if (path == null || !path.startsWith("/m/")) {
			return Optional.empty();
		}
		String rest = path.substring(3);
		int slash = rest.indexOf('/');
		String segment = slash < 0 ? rest : rest.substring(0, slash);
		if (RESERVED.contains(segment) || !segment.matches("[A-Za-z][A-Za-z0-9_]{1,15}")) {
			return Optional.empty();
		}
		String code = segment.toUpperCase(Locale.ROOT);
		return RequestMemo.get("system", code, () -> systems.exists(code)) ? Optional.of(code) : Optional.empty();
	}

	/** The function a page needs, if it is a function's page. */
	public static Optional<String> functionOf(String path) {
		if (path == null) {
			return Optional.empty();
		}
		String lower = path.toLowerCase(Locale.ROOT);
		return FUNCTION_PAGES.entrySet().stream().filter(e -> lower.equals(e.getKey()) || lower.startsWith(e.getKey() + "/"))
			.map(Map.Entry::getValue).findFirst();
	}
}
