package cn.xietong.organization.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.xietong.organization.transfer.DepartmentTransfer;
import cn.xietong.organization.transfer.EmployeeTransfer;
import cn.xietong.organization.transfer.ImportRejectedException;
import cn.xietong.organization.transfer.ImportReport;
import cn.xietong.organization.transfer.TableFormat;
import cn.xietong.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "导入导出", description = "Employees and departments as CSV or .xlsx. An import changes everything or nothing: "
		+ "a file with broken rows answers 400 with each row, column and rule.")
class TransferApiController {

	private final EmployeeTransfer employees;
	private final DepartmentTransfer departments;
	private final MessageSource messages;

	TransferApiController(EmployeeTransfer employees, DepartmentTransfer departments, MessageSource messages) {
		this.employees = employees;
		this.departments = departments;
		this.messages = messages;
	}

	@GetMapping("/api/admin/export/employees")
	@Operation(summary = "Export employees", description = "format=csv (UTF-8 with BOM) or xlsx. Columns: 员工ID, 姓名, 手机号, 邮箱, 部门, 主部门, 职位, 状态, 人员类型.")
	ResponseEntity<byte[]> exportEmployees(@RequestParam(defaultValue = "csv") String format) {
		TableFormat f = TableFormat.of(format, null);
		return file(employees.export(f), "employees", f);
	}

	@GetMapping("/api/admin/export/departments")
	@Operation(summary = "Export departments", description = "Columns: 部门ID, 部门路径, 排序, 状态.")
	ResponseEntity<byte[]> exportDepartments(@RequestParam(defaultValue = "csv") String format) {
		TableFormat f = TableFormat.of(format, null);
		return file(departments.export(f), "departments", f);
	}

	@PostMapping(path = "/api/admin/import/employees", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import employees (multipart field 'file')", description = "dryRun=true only checks. Matched on 员工ID.")
	ImportReport importEmployees(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String format,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		return employees.importFile(bytes(file), TableFormat.of(format, file.getOriginalFilename()), dryRun);
	}

	@PostMapping(path = "/api/admin/import/employees", consumes = { "text/csv", "application/octet-stream",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	@Operation(summary = "Import employees (the file as the request body)")
	ImportReport importEmployeesBody(@RequestBody byte[] body, @RequestParam(required = false) String format,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		return employees.importFile(body, TableFormat.of(format, null), dryRun);
	}

	@PostMapping(path = "/api/admin/import/departments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import departments (multipart field 'file')", description = "dryRun=true only checks.")
	ImportReport importDepartments(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String format,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		return departments.importFile(bytes(file), TableFormat.of(format, file.getOriginalFilename()), dryRun);
	}

	@PostMapping(path = "/api/admin/import/departments", consumes = { "text/csv", "application/octet-stream",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	@Operation(summary = "Import departments (the file as the request body)")
	ImportReport importDepartmentsBody(@RequestBody byte[] body, @RequestParam(required = false) String format,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		return departments.importFile(body, TableFormat.of(format, null), dryRun);
	}

	@ExceptionHandler
	ProblemDetail rejected(ImportRejectedException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle(text("problem.import"));
		problem.setProperty("errors", ex.report().errors().stream().map(e -> Map.of("row", e.row(), "column", e.column(),
				"field", e.violation().field(), "rule", e.violation().rule(),
				"message", text(e.violation().messageKey(), e.violation().args()))).toList());
		problem.setDetail(ex.report().errors().size() + " " + text("problem.import"));
		return problem;
	}

	private static byte[] bytes(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "import.file.required");
		}
		return file.getBytes();
	}

	private static ResponseEntity<byte[]> file(byte[] content, String name, TableFormat format) {
		String fileName = name + "-" + LocalDate.now() + "." + format.extension();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.contentType(MediaType.parseMediaType(format.contentType())).body(content);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
