package cn.xietong;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link XietongTest}, but a second shared context meant to be bound to the test emulator
 * ({@code support.TestWecom.bindTo(context)}): tests that talk to WeChat Work use this one, so that
 * the {@link XietongTest} context stays unbound, as the master-control tests expect.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xietong.test.context=wecom")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface WecomTest {
}
