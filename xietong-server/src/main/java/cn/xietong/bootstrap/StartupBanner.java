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
		text.append("==================================================================\n");
		out.println(text);
	}
}
