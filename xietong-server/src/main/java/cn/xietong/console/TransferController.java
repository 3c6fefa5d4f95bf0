package cn.xietong.console;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.xietong.organization.transfer.DepartmentTransfer;
import cn.xietong.organization.transfer.EmployeeTransfer;
import cn.xietong.organization.transfer.ImportRejectedException;
import cn.xietong.organization.transfer.ImportReport;
import cn.xietong.organization.transfer.TableFormat;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;

/** 导入 and 导出 of 员工信息管理: employees or departments as CSV or .xlsx; imports check first (dry run) if asked. */
@Controller
class TransferController {

	private final EmployeeTransfer employees;
	private final DepartmentTransfer departments;
	private final Texts texts;

	TransferController(EmployeeTransfer employees, DepartmentTransfer departments, Texts texts) {
		this.employees = employees;
		this.departments = departments;
		this.texts = texts;
	}

	@GetMapping("/admin/export/{kind}")
	ResponseEntity<byte[]> export(@PathVariable String kind, @RequestParam(defaultValue = "csv") String format) {
		TableFormat f = TableFormat.of(format, null);
		byte[] content = switch (kind) {
			case "employees" -> employees.export(f);
			case "departments" -> departments.export(f);
			default -> throw new NotFoundException("page", kind);
		};
		String fileName = kind + "-" + LocalDate.now() + "." + f.extension();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.contentType(MediaType.parseMediaType(f.contentType())).body(content);
	}

	@GetMapping("/admin/import")
	String form(@RequestParam(defaultValue = "employees") String kind, Model model) {
		model.addAttribute("kind", "departments".equals(kind) ? "departments" : "employees");
		model.addAttribute("dryRun", true);
		return "console/import";
	}

	@PostMapping("/admin/import")
	String importFile(@RequestParam(defaultValue = "employees") String kind, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, Model model, HttpServletResponse response) throws IOException {
		boolean forDepartments = "departments".equals(kind);
		model.addAttribute("kind", forDepartments ? "departments" : "employees");
		model.addAttribute("dryRun", dryRun);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "import.file.required");
			}
			TableFormat format = TableFormat.of(null, file.getOriginalFilename());
			ImportReport report = forDepartments ? departments.importFile(file.getBytes(), format, dryRun)
					: employees.importFile(file.getBytes(), format, dryRun);
			model.addAttribute("report", report);
		}
		catch (ImportRejectedException ex) {
			response.setStatus(400);
			model.addAttribute("report", ex.report());
			model.addAttribute("rowErrors", ex.report().errors().stream()
				.map(e -> new RowMessage(e.row(), e.column(), texts.violation(e.violation()))).toList());
		}
		catch (InvalidInputException ex) {
			FormErrors errors = texts.errors(ex, List.of("file"));
			response.setStatus(errors.getStatus());
			model.addAttribute("errors", errors);
		}
		return "console/import";
	}

	/** One broken rule of the import report, in words. */
	record RowMessage(int row, String column, String message) {
	}
}
