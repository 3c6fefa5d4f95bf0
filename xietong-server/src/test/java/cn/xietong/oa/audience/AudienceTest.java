package cn.xietong.oa.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.XietongTest;
import cn.xietong.access.Role;
import cn.xietong.access.RoleGrants;
import cn.xietong.access.Roles;
import cn.xietong.organization.ActiveEmployees.Member;
import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentDraft;
import cn.xietong.organization.Departments;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.organization.Employees;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.PageResult;
import cn.xietong.system.Violation;

/**
 * Audiences on the demo company: resolution (everyone, subtrees, named people, overlaps once, only active internal
 * employees who may read), the rules (disabled departments, people who left), fixing at publish and 补发, receipts
 * (first read, confirm, counts, named lists, search, paging), the Excel export and the reminder rule.
 */
@XietongTest
class AudienceTest {

	static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000);

	@Autowired
	Audiences audiences;
	@Autowired
	Receipts receipts;
	@Autowired
	ReceiptExport export;
	@Autowired
	Reminders reminders;
	@Autowired
	Departments departments;
	@Autowired
	Employees employees;
	@Autowired
	Roles roles;
	@Autowired
	RoleGrants grants;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PlatformTransactionManager transactions;

	TransactionTemplate tx;
	List<String> createdEmployees = new ArrayList<>();
	List<Long> createdDepartments = new ArrayList<>();

	@BeforeEach
	void setUp() {
		tx = new TransactionTemplate(transactions);
	}

	@AfterEach
	void cleanUp() {
		createdEmployees.forEach(employees::delete);
		for (int i = createdDepartments.size() - 1; i >= 0; i--) {
			departments.delete(createdDepartments.get(i));
		}
		jdbc.sql("delete from oa_receipt where item_kind = 'test'").update();
		jdbc.sql("delete from oa_audience where item_kind = 'test'").update();
	}

	ItemRef item() {
		return ItemRef.of("test", IDS.incrementAndGet());
	}

	long department(String name) {
		return departments.tree().flatten().stream().map(e -> e.department()).filter(d -> d.getName().equals(name)).findFirst().orElseThrow()
			.getId();
	}

	/** Active internal employees with a role in OA that grants the function. */
	int holdersOf(String function) {
		return jdbc.sql("""
				select count(distinct e.id) from employee e join employee_role er on er.employee_id = e.id
				join system_role r on r.id = er.role_id join system_role_permission p on p.role_id = r.id
				where e.status = 'ACTIVE' and e.internal = true and r.system_code = 'OA' and p.permission = ?""").param(function)
			.query(Integer.class).single();
	}

	static List<String> userids(List<Member> members) {
		return members.stream().map(Member::userid).toList();
	}

	List<Member> publish(ItemRef item, Audience audience, String function) {
		return tx.execute(s -> {
			audiences.save(item, audience);
			return audiences.fix(item, function, Instant.now());
		});
	}

	@Test
	void everyoneIsEveryActiveInternalEmployeeWhoMayRead() {
		// counted independently in SQL: other test classes of the shared context add employees of their own
		List<Member> notice = audiences.resolve(Audience.all(), "oa.notice");
		assertThat(notice).hasSize(holdersOf("oa.notice")).extracting(Member::userid).contains("wangjianguo", "zhouqiang", "pengli")
			.doesNotContain("sunli", "wumin", "zhenghao");
		List<Member> news = audiences.resolve(Audience.all(), "oa.news");
		assertThat(userids(news)).hasSize(holdersOf("oa.news")).doesNotContain("zhouqiang");
		int activeInternal = jdbc.sql("select count(*) from employee where status = 'ACTIVE' and internal = true").query(Integer.class).single();
		assertThat(audiences.resolve(Audience.all(), null)).as("without a function: also those without any role").hasSize(activeInternal)
			.extracting(Member::userid).contains("sunli").doesNotContain("wumin", "zhenghao");
	}

	@Test
	void departmentsReachTheirWholeSubtreeAndOverlapsCountOnce() {
		long rd = department("研发中心");
		long platform = department("平台组");
		List<Member> subtree = audiences.resolve(Audience.of(List.of(rd), List.of()), "oa.notice");
		assertThat(userids(subtree)).containsExactlyInAnyOrder("zhangwei", "liuyang", "chenjing", "yangfan", "fengtao", "huanglei", "zhaoli",
				"zhoujie", "dengchao", "xuming", "sunyue", "caoying");
		List<Member> overlapping = audiences.resolve(Audience.of(List.of(rd, platform, rd), List.of("LiuYang", "liuyang", "wangjianguo")),
				"oa.notice");
		assertThat(overlapping).hasSize(13).extracting(Member::id).doesNotHaveDuplicates();
		assertThat(overlapping).filteredOn(m -> m.userid().equals("liuyang")).singleElement()
			.satisfies(m -> assertThat(m.department()).isEqualTo("平台组"));
	}

	@Test
	void theRulesNameTheFieldAndTheCulprits() {
		assertThat(audiences.check(Audience.of(List.of(), List.of()))).containsExactly(new Violation("audience", "oa.audience.empty"));
		Department closed = departments.create(new DepartmentDraft("临时项目组" + IDS.incrementAndGet(), departments.root().getId(), 99, true));
		createdDepartments.add(closed.getId());
		departments.update(closed.getId(), new DepartmentDraft(null, null, null, false));
		List<Violation> violations = audiences.check(Audience.of(List.of(department("财务部"), closed.getId(), 987654L),
				List.of("wumin", "zhenghao", "nobody", "luoping")));
		assertThat(violations).containsExactlyInAnyOrder(new Violation("audience.departmentIds", "oa.audience.department.unknown", "987654"),
				new Violation("audience.departmentIds", "oa.audience.department.disabled", closed.getName()),
				new Violation("audience.userids", "oa.audience.user.notActive", "wumin、zhenghao、nobody"));
		ItemRef item = item();
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> audiences.save(item, Audience.of(List.of(closed.getId()), List.of()))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(audiences.of(item)).as("nothing saved").isEmpty();
		assertThat(audiences.check(Audience.all())).isEmpty();
	}

	@Test
	void publishingFixesTheReadersAndTheyStayFixed() {
		ItemRef item = item();
		long finance = department("财务部");
		List<Member> readers = publish(item, Audience.of(List.of(finance), List.of()), "oa.notice");
		assertThat(userids(readers)).containsExactly("liangqing", "luoping", "songjia", "zhouqiang");
		assertThat(audiences.isFixed(item)).isTrue();
		assertThat(receipts.counts(item)).isEqualTo(new ReceiptCounts(4, 0, 0));
		assertThatThrownBy(() -> tx.execute(s -> audiences.fix(item, "oa.notice", Instant.now()))).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> audiences.save(item, Audience.all()))).isInstanceOf(IllegalStateException.class);

		// someone joins 财务部 afterwards: not a reader, until the publisher asks for 补发
		String joiner = newEmployee(finance, true);
		assertThat(receipts.of(item, employees.get(joiner).getId())).isEmpty();
		List<Member> late = tx.execute(s -> audiences.addLateComers(item, "oa.notice", Instant.now()));
		assertThat(userids(late)).containsExactly(joiner);
		assertThat(receipts.counts(item).total()).isEqualTo(5);
		List<Member> again = tx.execute(s -> audiences.addLateComers(item, "oa.notice", Instant.now()));
		assertThat(again).as("again: nobody new").isEmpty();
	}

	@Test
	void publishingRefusesAChoiceThatReachesNobodyOrBrokeSinceTheDraft() {
		ItemRef nobody = item();
		assertThatThrownBy(() -> publish(nobody, Audience.of(List.of(), List.of("sunli")), "oa.notice"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).containsExactly(new Violation("audience", "oa.audience.nobody")));
		assertThat(audiences.of(nobody)).as("rolled back").isEmpty();
		assertThat(receipts.counts(nobody).total()).isZero();

		ItemRef draft = item();
		String leaving = newEmployee(department("人力资源部"), true);
		tx.executeWithoutResult(s -> audiences.save(draft, Audience.of(List.of(), List.of(leaving, "tangyu"))));
		setStatus(leaving, EmployeeStatus.LEFT);
		assertThatThrownBy(() -> tx.execute(s -> audiences.fix(draft, "oa.notice", Instant.now())))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.containsExactly(new Violation("audience.userids", "oa.audience.user.notActive", leaving)));
		assertThat(audiences.isFixed(draft)).isFalse();
	}

	@Test
	void receiptsRecordTheFirstReadAndTheConfirmation() {
		ItemRef item = item();
		publish(item, Audience.of(List.of(department("市场营销部")), List.of()), "oa.notice");
		long zhuting = employees.get("zhuting").getId();
		long hujun = employees.get("hujun").getId();
		Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		assertThat(receipts.markRead(item, zhuting, first)).get().satisfies(r -> assertThat(r.readAt()).isEqualTo(first));
		assertThat(receipts.markRead(item, zhuting, first.plusSeconds(60))).get().as("the first read stays")
			.satisfies(r -> assertThat(r.readAt()).isEqualTo(first));
		assertThat(receipts.confirm(item, hujun, first.plusSeconds(5))).get().satisfies(r -> {
			assertThat(r.readAt()).as("confirming reads").isEqualTo(first.plusSeconds(5));
			assertThat(r.confirmedAt()).isEqualTo(first.plusSeconds(5));
		});
		assertThat(receipts.confirm(item, hujun, first.plusSeconds(99))).get().satisfies(r -> assertThat(r.confirmedAt()).isEqualTo(first.plusSeconds(5)));
		assertThat(receipts.markRead(item, employees.get("wangjianguo").getId(), first)).as("not a reader").isEmpty();
		assertThat(receipts.counts(item)).isEqualTo(new ReceiptCounts(8, 2, 1));

		PageResult<Receipt> read = receipts.list(item, ReceiptState.READ, null, 0, 20);
		assertThat(read.items()).as("newest read first").extracting(Receipt::userid).containsExactly("hujun", "zhuting");
		assertThat(receipts.list(item, ReceiptState.UNREAD, null, 0, 20).total()).isEqualTo(6);
		assertThat(receipts.list(item, ReceiptState.CONFIRMED, null, 0, 20).items()).extracting(Receipt::userid).containsExactly("hujun");
		assertThat(receipts.list(item, ReceiptState.UNCONFIRMED, null, 0, 20).total()).isEqualTo(7);
		assertThat(receipts.list(item, ReceiptState.ALL, "华南", 0, 20).items()).extracting(Receipt::userid)
			.containsExactlyInAnyOrder("linna", "hebin", "gaoyan");
		assertThat(receipts.list(item, ReceiptState.UNREAD, "GUO", 0, 20).items()).extracting(Receipt::name).containsExactly("郭鑫");
		assertThat(receipts.list(item, ReceiptState.ALL, "%", 0, 20).total()).as("% is literal").isZero();
		PageResult<Receipt> second = receipts.list(item, ReceiptState.ALL, null, 1, 3);
		assertThat(second.total()).isEqualTo(8);
		assertThat(second.items()).hasSize(3);
		assertThat(second.pages()).isEqualTo(3);
	}

	@Test
	void aReaderWhoLeftStaysOnTheListButIsNoLongerReached() {
		ItemRef item = item();
		long hr = department("人力资源部");
		String leaving = newEmployee(hr, true);
		publish(item, Audience.of(List.of(hr), List.of()), "oa.notice");
		setStatus(leaving, EmployeeStatus.LEFT);
		assertThat(receipts.counts(item).total()).isEqualTo(4);
		assertThat(receipts.list(item, ReceiptState.UNREAD, leaving, 0, 20).items()).singleElement()
			.satisfies(r -> assertThat(r.active()).isFalse());
		assertThat(receipts.list(item, ReceiptState.UNREAD, "tangyu", 0, 20).items()).singleElement()
			.satisfies(r -> assertThat(r.active()).isTrue());
		assertThat(receipts.reachableUserids(item, ReceiptState.UNREAD)).containsExactly("hanxue", "pengli", "tangyu");
	}

	@Test
	void theExportIsAStreamedWorkbookWhoseFormulaLikeCellsStayText() throws Exception {
		ItemRef item = item();
		publish(item, Audience.of(List.of(department("财务部")), List.of()), "oa.notice");
		Instant at = Instant.parse("2026-12-01T02:03:04Z");
		receipts.confirm(item, employees.get("luoping").getId(), at);
		jdbc.sql("""
				insert into oa_receipt (item_kind, item_id, employee_id, userid, name, department, added_at)
				values ('test', :i, -1, 'evil', '=HYPERLINK("http://x","点我")', '+86 研发', :at)""").param("i", item.id())
			.param("at", at.atOffset(java.time.ZoneOffset.UTC)).update();

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(item, ReceiptState.ALL, null, true, Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai"), out);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("阅读情况");
			assertThat(cells(sheet.getRow(0))).containsExactly("员工ID", "姓名", "部门", "状态", "首次阅读时间", "确认收到时间");
			assertThat(sheet.getLastRowNum()).isEqualTo(5);
			Row luoping = rowOf(sheet, "luoping");
			assertThat(cells(luoping)).containsExactly("luoping", "罗平", "财务部", "已确认", "2026-12-01 10:03:04", "2026-12-01 10:03:04");
			Row evil = rowOf(sheet, "evil");
			for (int c : new int[] { 1, 2 }) {
				Cell cell = evil.getCell(c);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getCellStyle().getQuotePrefixed()).as("quoted text, never a formula").isTrue();
			}
			assertThat(evil.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"点我\")");
			assertThat(luoping.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
		}
		ByteArrayOutputStream unread = new ByteArrayOutputStream();
		export.write(item, ReceiptState.UNREAD, "song", false, Locale.ENGLISH, ZoneId.of("Asia/Shanghai"), unread);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(unread.toByteArray()))) {
			assertThat(cells(book.getSheetAt(0).getRow(0))).containsExactly("User ID", "Name", "Department", "State", "First read");
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
			assertThat(cells(book.getSheetAt(0).getRow(1))).containsExactly("songjia", "宋佳", "财务部", "Unread", "");
		}
		assertThat(ReceiptExport.looksLikeFormula("-1")).isTrue();
		assertThat(ReceiptExport.looksLikeFormula("@SUM(A1)")).isTrue();
		assertThat(ReceiptExport.looksLikeFormula("研发-1")).isFalse();
	}

	@Test
	void remindersComeAtMostOnceAnHourAndTheRefusalSaysWhenTheNextIs() {
		ItemRef item = item();
		ItemRef draft = item();
		publish(item, Audience.all(), "oa.notice");
		tx.executeWithoutResult(s -> audiences.save(draft, Audience.all()));
		Instant t0 = Instant.parse("2026-12-02T02:00:00Z");
		assertThat(reminders.nextPossible(item, t0)).isEqualTo(t0);
		tx.executeWithoutResult(s -> reminders.record(item, t0));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> reminders.record(item, t0.plus(Duration.ofMinutes(59)))))
			.isInstanceOfSatisfying(RemindTooSoonException.class, ex -> assertThat(ex.nextAllowedAt()).isEqualTo(t0.plus(Duration.ofHours(1))));
		assertThat(reminders.lastReminder(item)).contains(t0);
		assertThat(reminders.nextPossible(item, t0.plusSeconds(60))).isEqualTo(t0.plus(Duration.ofHours(1)));
		tx.executeWithoutResult(s -> reminders.record(item, t0.plus(Duration.ofHours(1))));
		assertThat(reminders.lastReminder(item)).contains(t0.plus(Duration.ofHours(1)));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> reminders.record(draft, t0))).isInstanceOf(IllegalStateException.class);

		// a reminder whose transaction rolls back is forgotten
		ItemRef other = item();
		publish(other, Audience.all(), "oa.notice");
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			reminders.record(other, t0);
			throw new IllegalStateException("the cards could not be published");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(reminders.lastReminder(other)).isEmpty();
	}

	@Test
	void twoRemindersAtTheSameMomentRemindOnce() throws Exception {
		ItemRef item = item();
		publish(item, Audience.all(), "oa.notice");
		Instant now = Instant.now();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				attempts.add(pool.submit(() -> {
					start.await();
					try {
						tx.executeWithoutResult(s -> reminders.record(item, now));
						return true;
					}
					catch (RuntimeException ex) {
						return false; // too soon, or the database refused the concurrent update
					}
				}));
			}
			start.countDown();
			int reminded = 0;
			for (Future<Boolean> f : attempts) {
				reminded += f.get() ? 1 : 0;
			}
			assertThat(reminded).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String newEmployee(long departmentId, boolean withNoticeRole) {
		String userid = "aud" + IDS.incrementAndGet();
		employees.create(new EmployeeDraft(userid, "测试" + userid.substring(3), null, userid + "@example.com", List.of(departmentId), departmentId,
				null, EmployeeStatus.ACTIVE, true));
		createdEmployees.add(userid);
		if (withNoticeRole) {
			Role staff = roles.of("OA").stream().filter(r -> r.getName().equals("普通员工")).findFirst().orElseThrow();
			grants.replace(userid, Set.of(staff.getId()));
		}
		return userid;
	}

	private void setStatus(String userid, EmployeeStatus status) {
		EmployeeDraft current = employees.get(userid).toDraft();
		employees.update(userid, new EmployeeDraft(current.userid(), current.name(), current.mobile(), current.email(), current.departmentIds(),
				current.mainDepartmentId(), current.position(), status, current.internal()));
	}

	private static List<String> cells(Row row) {
		List<String> out = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			out.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
		}
		return out;
	}

	private static Row rowOf(Sheet sheet, String userid) {
		for (Row row : sheet) {
			if (row.getCell(0).getStringCellValue().equals(userid)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + userid);
	}
}
