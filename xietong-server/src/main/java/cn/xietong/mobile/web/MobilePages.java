package cn.xietong.mobile.web;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cn.xietong.access.AccessDecision;
import cn.xietong.access.FunctionCatalog;
import cn.xietong.callback.MemberPresence;
import cn.xietong.callback.PendingItem;
import cn.xietong.callback.PendingItems;
import cn.xietong.callback.Presence;
import cn.xietong.mobile.EmployeePrincipal;
import cn.xietong.mobile.MobileGate;
import cn.xietong.organization.Departments;
import cn.xietong.organization.Employee;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The mobile pages every employee has: the home listing the systems they may use, 我的, each system's
 * entry page, and the 待办 lists of OA and PB (from the {@link PendingItems} port). The gate has
 * already let the request through ({@link MobileGateInterceptor}).
 */
@Controller
class MobilePages {

	private final MobileGate gate;
	private final RelatedSystems systems;
	private final Departments departments;
	private final MemberPresence presence;
	private final ObjectProvider<PendingItems> pending;

	MobilePages(MobileGate gate, RelatedSystems systems, Departments departments, MemberPresence presence, ObjectProvider<PendingItems> pending) {
		this.gate = gate;
		this.systems = systems;
		this.departments = departments;
		this.presence = presence;
		this.pending = pending;
	}

	@GetMapping({ "/m", "/m/" })
	String home(@AuthenticationPrincipal EmployeePrincipal principal, Model model) {
		Employee employee = employee(principal);
		model.addAttribute("employee", employee);
		model.addAttribute("systems", gate.usableSystems(employee, principal.channel()));
		return "mobile/home";
	}

	@GetMapping("/m/me")
	String me(@AuthenticationPrincipal EmployeePrincipal principal, Model model) {
		Employee employee = employee(principal);
		Presence p = presence.of(employee.getUserid());
		model.addAttribute("employee", employee);
		model.addAttribute("department", employee.getMainDepartmentId() == null ? null : departments.get(employee.getMainDepartmentId()).getName());
		model.addAttribute("follows", systems.list().stream().filter(SystemView::bound)
			.map(s -> new Follow(s.name(), p.follows(s.code()))).toList());
		model.addAttribute("channel", principal.channel().name());
		return "mobile/me";
	}

	@GetMapping({ "/m/{system}", "/m/{system}/" })
	String system(@PathVariable String system, @AuthenticationPrincipal EmployeePrincipal principal, Model model) {
		String code = known(system);
		Employee employee = employee(principal);
		List<String> granted = FunctionCatalog.functionsOf(code).stream().filter(f -> gate.grants(employee, code, f)).toList();
		model.addAttribute("system", systems.get(code));
		model.addAttribute("functions", granted);
		model.addAttribute("hasPending", hasPort(code));
		model.addAttribute("items", hasPort(code) ? pendingFor(code, employee.getUserid()) : List.of());
		model.addAttribute("todoPath", todoPath(code));
		return "mobile/system";
	}

	/** 待办协同 (OA) and 待我审批 (PB): what waits for the employee. */
	@GetMapping({ "/m/oa/todo", "/m/pb/approvals" })
	String todo(@AuthenticationPrincipal EmployeePrincipal principal, HttpServletRequest request, Model model) {
		String code = request.getRequestURI().contains("/m/oa/") ? "OA" : "PB";
		Employee employee = employee(principal);
		model.addAttribute("system", systems.get(code));
		model.addAttribute("items", pendingFor(code, employee.getUserid()));
		model.addAttribute("titleKey", "OA".equals(code) ? "mobile.todo.oa" : "mobile.todo.pb");
		return "mobile/todo";
	}


	static String refuse(Model model, HttpServletResponse response, AccessDecision decision) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("messageKey", "mobile.denied.system");
		model.addAttribute("decision", decision.name());
		return "mobile/denied";
	}

	static String error(Model model, HttpServletResponse response, String messageKey, HttpStatus status) {
		response.setStatus(status.value());
		model.addAttribute("messageKey", messageKey);
		return "mobile/error";
	}

	private Employee employee(EmployeePrincipal principal) {
		return gate.current(principal).orElseThrow(() -> new MobileAccessDenied("system"));
	}

	private String known(String system) {
		String path = "/m/" + system;
		return gate.systemOf(path).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private boolean hasPort(String code) {
		return "OA".equals(code) || "PB".equals(code);
	}

	private List<PendingItem> pendingFor(String code, String userid) {
		return pending.orderedStream().filter(p -> code.equalsIgnoreCase(p.systemCode())).flatMap(p -> p.pendingFor(userid).stream()).toList();
	}

	private static String todoPath(String code) {
		return switch (code.toUpperCase(Locale.ROOT)) {
			case "OA" -> "/m/oa/todo";
			case "PB" -> "/m/pb/approvals";
			default -> null;
		};
	}

	record Follow(String system, Boolean followed) {
	}
}
