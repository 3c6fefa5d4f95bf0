package cn.xietong.system.web;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

/** Registers {@link FairAdmission} right after the request's observation starts (so its wait is timed too). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionConfiguration.AdmissionSettings.class)
@ConditionalOnProperty(name = "xietong.web.admission.enabled", havingValue = "true", matchIfMissing = true)
class AdmissionConfiguration {

	@Bean
	FilterRegistrationBean<FairAdmission> fairAdmission(AdmissionSettings settings, ObjectProvider<MeterRegistry> meters) {
		int permits = settings.permits() > 0 ? settings.permits() : 2 * Runtime.getRuntime().availableProcessors();
		FairAdmission admission = new FairAdmission(permits, settings.queueTimeout(), settings.paths(), settings.exempt());
		meters.ifAvailable(admission::bindTo);
		FilterRegistrationBean<FairAdmission> registration = new FilterRegistrationBean<>(admission);
		registration.setName("fairAdmission");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * @param permits requests worked on at once; 0 = twice the processors
	 * @param queueTimeout longest wait for a turn before 503
	 * @param paths the requests admitted this way (path patterns)
	 * @param exempt requests under {@code paths} that wait on someone else and so take no permit
	 */
	@ConfigurationProperties("xietong.web.admission")
	record AdmissionSettings(@DefaultValue("0") int permits, @DefaultValue("10s") Duration queueTimeout,
			@DefaultValue({ "/m/**", "/oa/**", "/api/oa/**", "/wecom/callback/**" }) List<String> paths,
			@DefaultValue({ "/m/oauth/**", "/m/oa/collab/files/**", "/oa/attachments/**", "/api/oa/attachments/**" }) List<String> exempt) {
	}
}
