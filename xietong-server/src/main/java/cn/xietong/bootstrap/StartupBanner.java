package cn.xietong.bootstrap;

import java.io.PrintStream;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints, once the server listens, where to go. A generated administrator password is printed here
 * once, on the console only — never through the logger.
 */
@Component
class StartupBanner {

	private final PrintStream out = System.out;
	private String generatedPassword;

	private java.util.List<String> demoEmployees;
	private String demoPassword;

	/** @param password the generated password, or null when XIETONG_DEMO_PASSWORD set it */
	void announceDemoEmployees(java.util.List<String> userids, String password) {
		this.demoEmployees = userids;
		this.demoPassword = password;
	}

	void announceGeneratedPassword(String password) {
		this.generatedPassword = password;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		int port = web.getWebServer().getPort();
		String base = "http://localhost:" + port;
		StringBuilder text = new StringBuilder("\n");
		text.append("==================================================================\n");
		text.append(" 协同管理系统 Xietong is running\n");
		text.append("   Console (管理控制台):  ").append(base).append("/admin\n");
		text.append("   API docs (OpenAPI):    ").append(base).append("/swagger-ui.html\n");
		text.append("   Health:                ").append(base).append("/actuator/health\n");
		if (generatedPassword != null) {
			text.append("   Administrator:         admin / ").append(generatedPassword).append("\n");
			text.append("   (generated once; set XIETONG_ADMIN_PASSWORD on first start to choose it, change it in the console)\n");
			generatedPassword = null;
		}
		if (demoEmployees != null) {
			text.append("   OA desktop (协同办公):   ").append(base).append("/oa/login — demo employees ")
				.append(String.join(", ", demoEmployees)).append("\n");
			text.append("                          password: ")
				.append(demoPassword != null ? demoPassword + " (generated once; XIETONG_DEMO_PASSWORD to choose it)" : "from XIETONG_DEMO_PASSWORD")
				.append("\n");
			demoEmployees = null;
			demoPassword = null;
		}
		text.append("==================================================================\n");
		out.println(text);
	}
}
