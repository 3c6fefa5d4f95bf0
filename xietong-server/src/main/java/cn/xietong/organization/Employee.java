package cn.xietong.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An employee. {@code userid} (员工ID) is the WeChat Work userid and never changes; the {@code *Key}
 * columns hold the normalised forms under which userid, mobile and email are unique.
 */
@Table("employee")
public class Employee {

	@Id
	private Long id;
	private String userid;
	private String useridKey;
	private String name;
	private String mobile;
	private String mobileKey;
	private String email;
	private String emailKey;
	@Column("position_title")
	private String position;
	private EmployeeStatus status;
	private boolean internal;
	private Long mainDepartmentId;
	@MappedCollection(idColumn = "employee_id", keyColumn = "list_index")
	private List<EmployeeDepartment> departments = new ArrayList<>();
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private Integer version;

	Employee() {
	}

	/** An employee as stored, read by a written query ({@link Employees#find}); the same state Spring Data JDBC would load. */
	static Employee stored(long id, String userid, String useridKey, String name, String mobile, String mobileKey, String email,
			String emailKey, String position, EmployeeStatus status, boolean internal, Long mainDepartmentId, List<Long> departmentIds,
			Instant createdAt, Instant updatedAt, Integer version) {
		Employee e = new Employee();
		e.id = id;
		e.userid = userid;
		e.useridKey = useridKey;
		e.name = name;
		e.mobile = mobile;
		e.mobileKey = mobileKey;
		e.email = email;
		e.emailKey = emailKey;
		e.position = position;
		e.status = status;
		e.internal = internal;
		e.mainDepartmentId = mainDepartmentId;
		e.departments = new ArrayList<>(departmentIds.stream().map(EmployeeDepartment::new).toList());
		e.createdAt = createdAt;
		e.updatedAt = updatedAt;
		e.version = version;
		return e;
	}

	Employee(String userid, Instant now) {
		this.userid = userid;
		this.useridKey = FieldRules.useridKey(userid);
		this.createdAt = now;
	}

	void apply(EmployeeDraft draft, Instant now) {
		this.name = draft.name();
		this.mobile = draft.mobile();
		this.mobileKey = FieldRules.mobileKey(draft.mobile());
		this.email = draft.email();
		this.emailKey = FieldRules.emailKey(draft.email());
		this.position = draft.position();
		this.status = draft.status();
		this.internal = draft.internal();
		this.mainDepartmentId = draft.mainDepartmentId();
		this.departments = new ArrayList<>(draft.departmentIds().stream().map(EmployeeDepartment::new).toList());
		this.updatedAt = now;
	}

	/** The draft that would leave this employee unchanged. */
	public EmployeeDraft toDraft() {
		return new EmployeeDraft(userid, name, mobile, email, departmentIds(), mainDepartmentId, position, status, internal);
	}

	public Long getId() {
		return id;
	}

	public String getUserid() {
		return userid;
	}

	public String getName() {
		return name;
	}

	public String getMobile() {
		return mobile;
	}

	public String getEmail() {
		return email;
	}

	public String getPosition() {
		return position;
	}

	public EmployeeStatus getStatus() {
		return status;
	}

	public boolean isInternal() {
		return internal;
	}

	public boolean isActive() {
		return status == EmployeeStatus.ACTIVE;
	}

	public Long getMainDepartmentId() {
		return mainDepartmentId;
	}

	public List<Long> departmentIds() {
		return departments.stream().map(EmployeeDepartment::departmentId).toList();
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Integer getVersion() {
		return version;
	}
}
