package cn.xietong.mobile;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers the gate's answers for the rest of one HTTP request, so that two gates on the same page
 * (the mobile gate in front of every {@code /m/} page and a module's own, such as OA's) ask the
 * database once. Each request decides afresh: the answers live in the request's attributes (which
 * a client cannot set) and end with it; outside a request nothing is remembered.
 */
final class RequestMemo {

	private static final String PREFIX = RequestMemo.class.getName() + ".";

	private RequestMemo() {
	}

	@SuppressWarnings("unchecked")
	static <T> T get(String kind, String key, Supplier<T> compute) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return compute.get();
		}
		String name = PREFIX + kind + ":" + key;
		Object known = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
		if (known != null) {
			return (T) known;
		}
		T value = compute.get();
		if (value != null) {
			request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
		}
		return value;
	}
}
