package cn.xietong;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code cn.xietong} is a module; others may use only its top-level
 * package (its API), never its sub-packages, and there are no cycles between modules.
 */
class ModularityTests {

	/**
	 * The emulator ({@code cn.xietong.wecom.emulator}, its own Maven module and artifact) is a library
	 * the sandbox uses, not part of the server's {@code wecom} module.
	 */
	static final ApplicationModules MODULES = ApplicationModules.of(XietongApplication.class,
			JavaClass.Predicates.resideInAPackage("cn.xietong.wecom.emulator.."));

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}
}
