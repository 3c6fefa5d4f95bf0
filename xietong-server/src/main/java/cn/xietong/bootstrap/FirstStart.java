package cn.xietong.bootstrap;

import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.xietong.access.AdminAccounts;
import cn.xietong.organization.Departments;
import cn.xietong.organization.Employees;
import cn.xietong.systems.RelatedSystems;

/**
 * Makes sure the master control has what it cannot work without — the root department, the built-in
 * systems, an administrator — and, on an empty database, the demo company.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

	static final String DEFAULT_COMPANY = "本公司";

	private final Departments departments;
	private final Employees employees;
	private final RelatedSystems systems;
	private final AdminAccounts admins;
	private final DemoCompany demo;
	private final DemoPasswords demoPasswords;
	private final DemoSettings settings;
	private final StartupBanner banner;

	FirstStart(Departments departments, Employees employees, RelatedSystems systems, AdminAccounts admins, DemoCompany demo,
			DemoPasswords demoPasswords, DemoSettings settings, StartupBanner banner) {
		this.demoPasswords = demoPasswords;
		this.departments = departments;
		this.employees = employees;
		this.systems = systems;
		this.admins = admins;
		this.demo = demo;
		this.settings = settings;
		this.banner = banner;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean fresh = employees.count() == 0;
		departments.ensureRoot(settings.demoData() && fresh ? DemoCompany.NAME : DEFAULT_COMPANY);
		systems.ensureBuiltins();
		Optional<String> generated = admins.ensureFirstAdmin();
		if (settings.demoData() && fresh) {
			demo.create();
			String generatedDemoPassword = demoPasswords.assign();
			banner.announceDemoEmployees(DemoPasswords.USERIDS, generatedDemoPassword);
		}
		generated.ifPresent(banner::announceGeneratedPassword);
	}
}
