package cn.xietong.wecom;

import java.util.List;

/** A tag with, when read through {@code tag/get}, its members (userids) and departments. */
public record WecomTag(long id, String name, List<String> userids, List<Long> departmentIds) {
}
