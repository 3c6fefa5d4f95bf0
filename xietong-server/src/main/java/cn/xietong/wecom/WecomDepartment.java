package cn.xietong.wecom;

/**
 * A department as WeChat Work holds it. On update a {@code null} field is left unchanged.
 * {@code order}: larger sorts first (modern WeChat Work).
 */
public record WecomDepartment(Long id, String name, Long parentId, Long order) {
}
