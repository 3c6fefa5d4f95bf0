package cn.xietong.bootstrap;

import java.security.SecureRandom;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.xietong.mobile.EmployeeCredentials;

/**
 * Gives a few demo employees a desktop password, so that a new user can sign in at {@code /oa/login}
 * right away (the phone needs none: WeChat Work OAuth2 identifies the member). The password comes
 * from {@code XIETONG_DEMO_PASSWORD} or is generated and printed once, like the administrator's.
 */
@Component
class DemoPasswords {

	/** Sender and handlers of the guide's story, plus the two the permission gate refuses. */
	static final List<String> USERIDS = List.of("wangjianguo", "lixiaohong", "zhangwei", "liuyang", "chenjing", "sunli", "zhouqiang");

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final EmployeeCredentials credentials;
	private final String configured;

	DemoPasswords(EmployeeCredentials credentials, @Value("${xietong.demo-password:}") String configured) {
		this.credentials = credentials;
		this.configured = configured;
	}

	/** Sets the password of the demo employees; answers the generated one, or null when it was configured. */
	String assign() {
		String password = configured == null || configured.isBlank() ? generate() : configured;
		for (String userid : USERIDS) {
			credentials.setPassword(userid, password);
		}
		return configured == null || configured.isBlank() ? password : null;
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder text = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}
}
