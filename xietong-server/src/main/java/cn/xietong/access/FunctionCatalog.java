package cn.xietong.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions of each built-in system that roles may grant. The label of a function is the UI
 * message {@code function.<code>}. Custom systems have no catalogue: a role in them is the permission.
 */
public final class FunctionCatalog {

	private static final Map<String, List<String>> FUNCTIONS = new LinkedHashMap<>();

	static {
		FUNCTIONS.put("OA", List.of("oa.collab", "oa.notice", "oa.news", "oa.survey", "oa.discussion", "oa.contacts", "oa.external"));
		FUNCTIONS.put("PB", List.of("pb.request", "pb.approve", "pb.budget"));
		FUNCTIONS.put("CRM", List.of("crm.customer", "crm.message"));
	}

	private FunctionCatalog() {
	}

	public static List<String> functionsOf(String systemCode) {
		return FUNCTIONS.getOrDefault(systemCode, List.of());
	}

	public static boolean knows(String systemCode, String function) {
		return functionsOf(systemCode).contains(function);
	}
}
