package cn.xietong;

import org.springframework.boot.SpringApplication;

/** Runs Xietong from the IDE with the test profile: in-memory database, demo company, fixed admin password. */
public class TestApplication {

	public static void main(String[] args) {
		SpringApplication.from(XietongApplication::main).withAdditionalProfiles("test").run(args);
	}
}
