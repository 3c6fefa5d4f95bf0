package cn.xietong.console;

import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentDraft;

/** The department form: name, parent (上级部门), order among siblings, 启用/停用. */
public class DepartmentForm {

	private String name;
	private Long parentId;
	private Integer order = 0;
	private boolean enabled = true;

	static DepartmentForm of(Department d) {
		DepartmentForm form = new DepartmentForm();
		form.name = d.getName();
		form.parentId = d.getParentId();
		form.order = d.getSortOrder();
		form.enabled = d.isEnabled();
		return form;
	}

	DepartmentDraft toDraft() {
		return new DepartmentDraft(name == null ? "" : name, parentId, order, enabled);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getParentId() {
		return parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public Integer getOrder() {
		return order;
	}

	public void setOrder(Integer order) {
		this.order = order;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}
}
