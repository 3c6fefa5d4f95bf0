package cn.xietong.callback;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The inbox sweep and the pruning of nonces and log lines run on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CallbackConfiguration {
}
