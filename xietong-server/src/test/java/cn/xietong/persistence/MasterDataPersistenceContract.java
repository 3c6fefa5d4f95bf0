package cn.xietong.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.xietong.access.Role;
import cn.xietong.access.RoleDraft;
import cn.xietong.access.RoleGrants;
import cn.xietong.access.Roles;
import cn.xietong.access.SystemAccess;
import cn.xietong.audit.AuditLog;
import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentDraft;
import cn.xietong.organization.Departments;
import cn.xietong.organization.Employee;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.organization.EmployeeQuery;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.organization.Employees;
import cn.xietong.system.PageResult;
import cn.xietong.systems.ApiKeys;

/**
 * The master data's persistence — migrations, mappings, queries, constraints — as a contract that
 * runs on the embedded H2 and on the local PostgreSQL alike.
 */
abstract class MasterDataPersistenceContract {

	@Autowired
	Employees employees;
	@Autowired
	Departments departments;
	@Autowired
	Roles roles;
	@Autowired
	RoleGrants grants;
	@Autowired
	SystemAccess access;
	@Autowired
	AuditLog audit;
	@Autowired
	ApiKeys apiKeys;
	@Autowired
	JdbcClient jdbc;

	@Test
	void theMigrationsAndTheDemoCompanyLoad() {
		assertThat(employees.count()).isGreaterThanOrEqualTo(32);
		assertThat(departments.tree().byPath("协同科技有限公司/市场营销部/华南销售组")).isPresent();
		assertThat(jdbc.sql("select count(*) from related_system").query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void employeesKeepTheirDepartmentsInOrder() {
		Department a = departments.create(new DepartmentDraft("顺序甲", null, 0, true));
		Department b = departments.create(new DepartmentDraft("顺序乙", null, 0, true));
		employees.create(new EmployeeDraft("order.keeper", "排序", "13600000001", null, List.of(b.getId(), a.getId()), a.getId(), null, null, null));
		Employee loaded = employees.get("ORDER.KEEPER");
		assertThat(loaded.departmentIds()).containsExactly(b.getId(), a.getId());
		assertThat(loaded.getMainDepartmentId()).isEqualTo(a.getId());
		employees.update("order.keeper", new EmployeeDraft(null, null, null, null, List.of(a.getId()), null, null, null, null));
		assertThat(employees.get("order.keeper").departmentIds()).containsExactly(a.getId());
	}

	@Test
	void searchFiltersPagesAndEscapesWildcards() {
		PageResult<Employee> page = employees.search(new EmployeeQuery(null, false, EmployeeStatus.ACTIVE, true, null), 0, 5);
		assertThat(page.items()).hasSize(5);
		assertThat(page.total()).isGreaterThanOrEqualTo(29);
		assertThat(employees.search(new EmployeeQuery(null, false, null, null, "建国"), 0, 10).items())
			.extracting(Employee::getUserid).containsExactly("wangjianguo");
		assertThat(employees.search(new EmployeeQuery(null, false, null, null, "%"), 0, 10).total()).isZero();
		long sales = departments.tree().byPath("协同科技有限公司/市场营销部").orElseThrow().getId();
		assertThat(employees.search(new EmployeeQuery(sales, true, null, null, null), 0, 50).items())
			.extracting(Employee::getUserid).contains("maqiang", "zhuting", "linna");
	}

	@Test
	void theDatabaseRefusesADuplicateUseridKeyEvenPastTheService() {
		Employee existing = employees.get("wangjianguo");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into employee (userid, userid_key, name, status, internal, main_department_id, created_at, updated_at)
				values ('WangJianGuo', 'wangjianguo', 'x', 'ACTIVE', true, ?, current_timestamp, current_timestamp)""")
			.param(existing.getMainDepartmentId()).update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void rolesPermissionsAndGrantsRoundTrip() {
		Role role = roles.create("PB", new RoleDraft("持久化测试", "说明", false, Set.of("pb.request", "pb.budget")));
		assertThat(roles.get("PB", role.getId()).permissionCodes()).containsExactly("pb.budget", "pb.request");
		employees.create(new EmployeeDraft("grant.keeper", "授权", "13600000003", null, List.of(departments.root().getId()), null, null, null, null));
		grants.replace("grant.keeper", Set.of(role.getId()));
		assertThat(access.functions(employees.get("grant.keeper"), "PB")).containsExactly("pb.budget", "pb.request");
		assertThat(access.wecomUserids("PB")).doesNotContain("grant.keeper");
	}

	@Test
	void instantsRoundTripExactly() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Employee created = employees.create(new EmployeeDraft("time.keeper", "时间", "13600000002", null,
				List.of(departments.root().getId()), null, null, null, null));
		Instant stored = employees.get("time.keeper").getCreatedAt();
		assertThat(stored).as("no time-zone shift").isCloseTo(created.getCreatedAt(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS));
		assertThat(stored).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
	}

	@Test
	void theAuditLogIsSearchableNewestFirst() {
		employees.update("hanxue", new EmployeeDraft(null, null, null, null, null, null, "招聘主管", null, null));
		var entries = audit.search("employee", "hanxue", null, 0, 10).items();
		assertThat(entries.get(0).summary()).contains("韩雪");
		assertThat(entries.get(0).details()).contains("招聘主管");
		assertThat(entries.get(0).occurredAt()).isAfterOrEqualTo(entries.get(entries.size() - 1).occurredAt());
	}

	@Test
	void apiKeysAreFoundByTheirHash() {
		var created = apiKeys.create("CRM", "持久化");
		assertThat(apiKeys.authenticate(created.key())).contains("CRM");
		assertThat(jdbc.sql("select count(*) from api_key where key_hash = ?").param(created.key()).query(Long.class).single()).isZero();
	}
}
