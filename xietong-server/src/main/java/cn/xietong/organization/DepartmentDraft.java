package cn.xietong.organization;

/**
 * What the administrator asks for a department. On update, a {@code null} field keeps its value.
 *
 * @param order sorts ascending among siblings
 */
public record DepartmentDraft(String name, Long parentId, Integer order, Boolean enabled) {
}
