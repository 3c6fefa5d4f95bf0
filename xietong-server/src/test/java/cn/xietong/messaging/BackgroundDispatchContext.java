package cn.xietong.messaging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import cn.xietong.XietongTest;

/**
 * The whole application with its background dispatcher running, polling only once an hour: whatever
 * is sent promptly was woken by the commit that published it. The client's own per-API limit is lifted
 * because WeChat Work does not count {@code message/send} in its API frequency.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@XietongTest
@TestPropertySource(properties = { "xietong.messaging.dispatcher=true", "xietong.messaging.poll-interval=1h", "xietong.messaging.senders=16",
		"xietong.wecom.calls-per-minute=1000000" })
@interface BackgroundDispatchContext {
}
