package cn.xietong.bootstrap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.access.Role;
import cn.xietong.access.RoleDraft;
import cn.xietong.access.RoleGrants;
import cn.xietong.access.Roles;
import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentDraft;
import cn.xietong.organization.Departments;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.organization.Employees;
import cn.xietong.systems.RelatedSystems;

/**
 * A realistic small company to explore Xietong with: three levels of departments, 32 employees with
 * roles in OA, PB and CRM — among them 孙丽 without any permission, 周强 whose only role does not allow
 * WeChat Work, 吴敏 who has left (离职) and 郑浩, an external consultant.
 */
@Component
class DemoCompany {

	static final String NAME = "协同科技有限公司";
	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	private final Departments departments;
	private final Employees employees;
	private final Roles roles;
	private final RoleGrants grants;

	DemoCompany(Departments departments, Employees employees, Roles roles, RoleGrants grants) {
		this.departments = departments;
		this.employees = employees;
		this.roles = roles;
		this.grants = grants;
	}

	@Transactional
	void create() {
		Map<String, Long> dept = new HashMap<>();
		long root = departments.root().getId();
		dept.put("总经理办公室", add("总经理办公室", root, 1));
		dept.put("研发中心", add("研发中心", root, 2));
		dept.put("市场营销部", add("市场营销部", root, 3));
		dept.put("财务部", add("财务部", root, 4));
		dept.put("人力资源部", add("人力资源部", root, 5));
		dept.put("平台组", add("平台组", dept.get("研发中心"), 1));
		dept.put("移动组", add("移动组", dept.get("研发中心"), 2));
		dept.put("测试组", add("测试组", dept.get("研发中心"), 3));
		dept.put("华东销售组", add("华东销售组", dept.get("市场营销部"), 1));
		dept.put("华南销售组", add("华南销售组", dept.get("市场营销部"), 2));

		Role oaStaff = role("OA", "普通员工", true, Set.of("oa.collab", "oa.notice", "oa.news", "oa.survey", "oa.discussion", "oa.contacts", "oa.external"));
		Role oaDesk = role("OA", "仅限电脑办公", false, Set.of("oa.collab", "oa.notice", "oa.contacts"));
		Role pbApplicant = role("PB", "申请人", true, Set.of("pb.request", "pb.budget"));
		Role pbApprover = role("PB", "审批人", true, Set.of("pb.request", "pb.approve", "pb.budget"));
		Role crmSales = role("CRM", "销售", true, Set.of("crm.customer", "crm.message"));

		Object[][] people = {
			// userid, name, mobile, department, position, roles
			{ "wangjianguo", "王建国", "13910000001", "总经理办公室", "总经理", List.of(oaStaff, pbApprover, crmSales) },
			{ "lixiaohong", "李晓红", "13910000002", "总经理办公室", "总经理助理", List.of(oaStaff, pbApplicant) },
			{ "zhangwei", "张伟", "13910000003", "研发中心", "研发总监", List.of(oaStaff, pbApprover) },
			{ "liuyang", "刘洋", "13910000004", "平台组", "平台组组长", List.of(oaStaff, pbApplicant) },
			{ "chenjing", "陈静", "13910000005", "平台组", "高级工程师", List.of(oaStaff) },
			{ "yangfan", "杨帆", "13910000006", "平台组", "工程师", List.of(oaStaff) },
			{ "huanglei", "黄磊", "13910000007", "移动组", "移动组组长", List.of(oaStaff, pbApplicant) },
			{ "zhaoli", "赵丽", "13910000008", "移动组", "工程师", List.of(oaStaff) },
			{ "zhoujie", "周杰", "13910000009", "移动组", "工程师", List.of(oaStaff) },
			{ "xuming", "徐明", "13910000010", "测试组", "测试组组长", List.of(oaStaff) },
			{ "sunyue", "孙悦", "13910000011", "测试组", "测试工程师", List.of(oaStaff) },
			{ "maqiang", "马强", "13910000012", "市场营销部", "营销总监", List.of(oaStaff, pbApprover, crmSales) },
			{ "zhuting", "朱婷", "13910000013", "华东销售组", "销售经理", List.of(oaStaff, pbApplicant, crmSales) },
			{ "hujun", "胡军", "13910000014", "华东销售组", "销售代表", List.of(oaStaff, crmSales) },
			{ "guoxin", "郭鑫", "13910000015", "华东销售组", "销售代表", List.of(oaStaff, crmSales) },
			{ "linna", "林娜", "13910000016", "华南销售组", "销售经理", List.of(oaStaff, pbApplicant, crmSales) },
			{ "hebin", "何斌", "13910000017", "华南销售组", "销售代表", List.of(oaStaff, crmSales) },
			{ "gaoyan", "高燕", "13910000018", "华南销售组", "销售代表", List.of(oaStaff, crmSales) },
			{ "luoping", "罗平", "13910000019", "财务部", "财务经理", List.of(oaStaff, pbApprover) },
			{ "liangqing", "梁青", "13910000020", "财务部", "会计", List.of(oaStaff, pbApprover) },
			{ "songjia", "宋佳", "13910000021", "财务部", "出纳", List.of(oaStaff, pbApplicant) },
			{ "tangyu", "唐宇", "13910000022", "人力资源部", "人力资源经理", List.of(oaStaff, pbApplicant) },
			{ "hanxue", "韩雪", "13910000023", "人力资源部", "招聘专员", List.of(oaStaff) },
			{ "fengtao", "冯涛", "13910000024", "平台组", "实习生", List.of(oaStaff) },
			{ "dengchao", "邓超", "13910000025", "移动组", "工程师", List.of(oaStaff) },
			{ "caoying", "曹颖", "13910000026", "测试组", "测试工程师", List.of(oaStaff) },
			{ "xiebo", "谢波", "13910000027", "华东销售组", "销售助理", List.of(oaStaff, crmSales) },
			{ "pengli", "彭丽", "13910000028", "人力资源部", "培训专员", List.of(oaStaff) },
			// 孙丽: 在职 but without any system permission — cannot use WeChat Work.
			{ "sunli", "孙丽", "13910000029", "总经理办公室", "前台", List.of() },
			// 周强: only a role that does not allow WeChat Work — desktop only.
			{ "zhouqiang", "周强", "13910000030", "财务部", "审计专员", List.of(oaDesk) },
		};
		for (Object[] p : people) {
			person((String) p[0], (String) p[1], (String) p[2], dept.get((String) p[3]), (String) p[4], EmployeeStatus.ACTIVE, true,
					roleIds(p[5]));
		}
		// 吴敏 has left (离职): her roles stay on record, WeChat Work must not keep her.
		person("wumin", "吴敏", "13910000031", dept.get("华南销售组"), "销售代表", EmployeeStatus.LEFT, true, Set.of(oaStaff.getId(), crmSales.getId()));
		// 郑浩 is an external consultant (外部人员): no WeChat Work access whatever his roles.
		person("zhenghao", "郑浩", "13910000032", dept.get("研发中心"), "外部顾问", EmployeeStatus.ACTIVE, false, Set.of(oaStaff.getId()));
		log.info("Created the demo company {}: {} departments, {} employees.", NAME, dept.size() + 1, people.length + 2);
	}

	private long add(String name, long parentId, int order) {
		Department created = departments.create(new DepartmentDraft(name, parentId, order, true));
		return created.getId();
	}

	private Role role(String system, String name, boolean allowWecom, Set<String> functions) {
		return roles.create(system, new RoleDraft(name, null, allowWecom, functions));
	}

	private void person(String userid, String name, String mobile, long departmentId, String position, EmployeeStatus status,
			boolean internal, Set<Long> roleIds) {
		employees.create(new EmployeeDraft(userid, name, mobile, userid + "@demo.xietong.cn", List.of(departmentId), departmentId, position,
				status, internal));
		if (!roleIds.isEmpty()) {
			grants.replace(userid, roleIds);
		}
	}

	@SuppressWarnings("unchecked")
	private static Set<Long> roleIds(Object roles) {
		return Set.copyOf(((List<Role>) roles).stream().map(Role::getId).toList());
	}
}
