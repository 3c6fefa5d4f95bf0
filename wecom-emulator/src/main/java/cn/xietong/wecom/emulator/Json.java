package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers: one shared mapper and lenient-but-typed field readers that answer WeChat Work errcodes. */
final class Json {
	static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static ObjectNode obj() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode arr() {
		return MAPPER.createArrayNode();
	}

	static String write(Object node) {
		return MAPPER.writeValueAsString(node);
	}

	/** Parses a request body; an empty body is an empty object, bad JSON is 40058 like the real server. */
	static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			return obj();
		}
		try {
			JsonNode n = MAPPER.readTree(body);
			if (n == null || n.isMissingNode()) {
				return obj();
			}
			if (!n.isObject()) {
				throw new ApiException(40058, "invalid parameter, request body is not a json object");
			}
			return n;
		} catch (JacksonException e) {
			throw new ApiException(40058, "invalid parameter, json parse error");
		}
	}

	static boolean has(JsonNode body, String field) {
		JsonNode n = body.get(field);
		return n != null && !n.isNull();
	}

	/** A string field (numbers accepted and converted), or {@code null} when absent. */
	static String str(JsonNode body, String field) {
		JsonNode n = body.get(field);
		if (n == null || n.isNull()) {
			return null;
		}
		if (n.isString()) {
			return n.stringValue();
		}
		if (n.isNumber() || n.isBoolean()) {
			return n.asString();
		}
		throw new ApiException(40058, "invalid parameter, " + field + " must be a string");
	}

	/** An integer field (numeric strings accepted), or {@code null} when absent. */
	static Long num(JsonNode body, String field, int errcode) {
		JsonNode n = body.get(field);
		if (n == null || n.isNull()) {
			return null;
		}
		if (n.isIntegralNumber()) {
			return n.asLong();
		}
		if (n.isString() && n.stringValue().trim().matches("-?\\d{1,18}")) {
			return Long.parseLong(n.stringValue().trim());
		}
		if (n.isString() && n.stringValue().isEmpty()) {
			return null;
		}
		throw new ApiException(errcode, "invalid parameter, " + field + " must be an integer");
	}

	/** A list field; each element as a string. {@code null} when absent. */
	static List<String> strList(JsonNode body, String field, int errcode) {
		JsonNode n = body.get(field);
		if (n == null || n.isNull()) {
			return null;
		}
		if (!n.isArray()) {
			throw new ApiException(errcode, "invalid parameter, " + field + " must be an array");
		}
		List<String> out = new ArrayList<>();
		for (JsonNode e : n) {
			if (e.isString() || e.isNumber()) {
				out.add(e.asString());
			} else {
				throw new ApiException(errcode, "invalid parameter, " + field + " has a bad element");
			}
		}
		return out;
	}

	static List<Long> numList(JsonNode body, String field, int errcode) {
		List<String> raw = strList(body, field, errcode);
		if (raw == null) {
			return null;
		}
		List<Long> out = new ArrayList<>();
		for (String s : raw) {
			if (!s.trim().matches("-?\\d{1,18}")) {
				throw new ApiException(errcode, "invalid parameter, " + field + " must hold integers");
			}
			out.add(Long.parseLong(s.trim()));
		}
		return out;
	}
}
