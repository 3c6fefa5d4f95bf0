package cn.xietong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code cn.xietong} is a module; others may use only its top-level
 * package (its API), never its sub-packages, and there are no cycles between modules.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(XietongApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}
}
