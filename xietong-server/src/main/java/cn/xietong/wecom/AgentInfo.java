package cn.xietong.wecom;

import java.util.List;

/** An app's settings and visible range, as {@code agent/get} answers. */
public record AgentInfo(long agentId, String name, String description, boolean closed, String redirectDomain, String homeUrl,
		boolean reportLocation, boolean reportEnter, List<String> allowUsers, List<Long> allowParties, List<Long> allowTags) {
}
